/**
 * The built site on loopback for the checks (tools/serve/serve.ts, with fault
 * injection), on one port for the whole run: a service worker belongs to an
 * origin, so the server comes back on the same port after `stop()` — the
 * honest "no network" for every browser: nothing answers.
 *
 * `holdEngine(scope)` keeps the engine's wasm from a browser whose requests
 * carry the scope's cookie (tools/serve/faults.ts) until `release(scope)`:
 * what a page shows meanwhile was answered without the engine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FAULT_CONTROL_PATH } from '../../serve/faults.ts';
import { serveStatic, type ServedRequest, type StaticServer } from '../../serve/serve.ts';

export { FAULT_SCOPE_COOKIE } from '../../serve/faults.ts';

export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The publication named in /sw.js (its service worker's cache is `htk-pages-<publication>`). */
  readonly publication: string;
  /** Requests answered since the server last started. */
  requests(): ServedRequest[];
  stop(): Promise<void>;
  start(): Promise<void>;
  holdEngine(scope: string): Promise<void>;
  release(scope: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSite(site: string, port = 0): Promise<SiteServer> {
  const sw = readFileSync(path.join(site, 'sw.js'), 'utf8');
  const publication = /HTK_PUBLICATION = "([^"]+)"/.exec(sw)?.[1];
  if (!publication) throw new Error(`${site}/sw.js：找不到发布名（HTK_PUBLICATION）`);
  let server: StaticServer | undefined = await serveStatic(site, port, { faults: true });
  const url = server.url;
  const bound = Number(new URL(url).port);
  const control = async (method: string, scope: string, body?: unknown) => {
    const res = await fetch(`${url}${FAULT_CONTROL_PATH}${scope}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${FAULT_CONTROL_PATH}${scope}: ${res.status}`);
  };
  return {
    url,
    publication,
    requests: () => server?.log ?? [],
    async stop() {
      await server?.close();
      server = undefined;
    },
    async start() {
      server ??= await serveStatic(site, bound, { faults: true });
    },
    holdEngine: (scope) => control('PUT', scope, { rules: [{ path: '\\.wasm$', fault: 'hold' }] }),
    release: (scope) => control('DELETE', scope),
    async close() {
      await server?.close();
      server = undefined;
    },
  };
}
