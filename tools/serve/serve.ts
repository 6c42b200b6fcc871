/**
 * A small static server for the benchmark and the end-to-end tests: serves a
 * built site on loopback the way a plain production host would (directory
 * index, Range requests, precompressed `.br`/`.gz` siblings when the client
 * accepts them) and counts the bytes it sends, because requests made inside a
 * Web Worker (DuckDB-WASM) do not show in the page's network log (field
 * notes): the server sees them all. With `--faults` it also fails requests on
 * a test's demand (tools/serve/faults.ts).
 *
 * Files are looked up by path on every request, so a build that swaps a new
 * folder in by renames (src/build/site/swapInto.ts) is served at once.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createFaultInjector, type Fault } from './faults.ts';

/** Files named by their content, cached for a year (deploy/nginx.conf says the same). */
const IMMUTABLE_PATH = new RegExp(
  `\\${path.sep}(_astro|data\\${path.sep}answers\\${path.sep}[0-9a-f]+)\\${path.sep}`,
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

/** One request as the server answered it: `bytes` is the body sent (compressed or ranged). */
export interface ServedRequest {
  path: string;
  status: number;
  bytes: number;
  encoding: 'br' | 'gzip' | 'identity';
  range: boolean;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request since start or the last `reset()`, in order of answer. */
  readonly log: ServedRequest[];
  /** Body bytes sent since start or the last `reset()`. */
  bytes(): number;
  reset(): void;
  close(): Promise<void>;
}

async function fileAt(p: string): Promise<{ file: string; size: number; mtime: Date } | undefined> {
  try {
    const s = await stat(p);
    return s.isFile() ? { file: p, size: s.size, mtime: s.mtime } : undefined;
  } catch {
    return undefined;
  }
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range only; anything else serves the whole file). */
export function parseRange(
  header: string | undefined,
  size: number,
): [number, number] | 'invalid' | undefined {
  const m = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : [start, end];
}

export interface ServeOptions {
  /** Fail requests on demand: the control endpoint and scopes of tools/serve/faults.ts. */
  faults?: boolean;
}

/**
 * Sends bytes `start`…`end` of `file`; `truncate`: only the first half, then the
 * connection is closed (the headers promised more: the client sees a network error).
 */
function sendBody(
  res: ServerResponse,
  file: string,
  start: number,
  end: number,
  truncate: boolean,
): void {
  if (end < start) return void res.end(); // an empty file
  if (!truncate) {
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  const half = start + Math.floor((end - start + 1) / 2);
  const stream = createReadStream(file, { start, end: Math.max(start, half - 1) });
  stream.on('data', (chunk) => res.write(chunk));
  stream.on('end', () => setImmediate(() => res.destroy()));
}

/** Starts serving `root` on 127.0.0.1 (`port` 0 = any free port). */
export function serveStatic(
  root: string,
  port = 0,
  options: ServeOptions = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  let log: ServedRequest[] = [];
  const faults = options.faults ? createFaultInjector() : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (faults && (await faults.control(req, res))) return;
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let fault: Fault | undefined = faults?.faultFor(req, urlPath);
    if (fault === 'hold') {
      await faults?.released(req);
      fault = undefined;
    }
    if (fault === 'reset' || (fault === 'truncate' && req.method === 'HEAD')) {
      req.socket.destroy();
      return;
    }
    if (typeof fault === 'number') {
      res.writeHead(fault, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end();
      return;
    }
    const target = path.join(base, urlPath);
    // Logged when the answer starts (bytes = the body it will send), so a reset()
    // right after a client has read a response can never catch its entry late.
    const record = (
      status: number,
      bytes: number,
      encoding: ServedRequest['encoding'],
      range = false,
    ) => log.push({ path: urlPath, status, bytes, encoding, range });
    if (target !== base && !target.startsWith(base + path.sep)) {
      record(403, 0, 'identity');
      res.writeHead(403).end();
      return;
    }
    let found = await fileAt(target);
    if (!found && (await fileAt(path.join(target, 'index.html')))) {
      if (!urlPath.endsWith('/')) {
        record(301, 0, 'identity');
        res.writeHead(301, { location: `${urlPath}/` }).end();
        return;
      }
      found = await fileAt(path.join(target, 'index.html'));
    }
    if (!found) {
      record(404, 0, 'identity');
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    const headers: Record<string, string | number> = {
      'content-type': TYPES[path.extname(found.file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'last-modified': found.mtime.toUTCString(),
      // Content-hashed paths, as deploy/nginx.conf says: /_astro/ and the pre-built answers.
      'cache-control': IMMUTABLE_PATH.test(found.file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      vary: 'accept-encoding',
    };
    // Revalidation, so a second visit costs what it would on a real host.
    const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
    if (!fault && !req.headers.range && since >= Math.floor(found.mtime.getTime() / 1000) * 1000) {
      record(304, 0, 'identity');
      res.writeHead(304, headers).end();
      return;
    }
    const range = parseRange(req.headers.range, found.size);
    if (range === 'invalid') {
      record(416, 0, 'identity');
      res.writeHead(416, { 'content-range': `bytes */${found.size}` }).end();
      return;
    }
    if (range) {
      const [start, end] = range;
      const length = end - start + 1;
      headers['content-range'] = `bytes ${start}-${end}/${found.size}`;
      headers['content-length'] = length;
      record(206, req.method === 'HEAD' ? 0 : length, 'identity', true);
      res.writeHead(206, headers);
      if (req.method === 'HEAD') res.end();
      else sendBody(res, found.file, start, end, fault === 'truncate');
      return;
    }
    // A precompressed sibling, when the client takes it (Range requests always get identity bytes).
    const accept = String(req.headers['accept-encoding'] ?? '');
    let body = found;
    let encoding: ServedRequest['encoding'] = 'identity';
    for (const [enc, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const sibling = new RegExp(`\\b${enc}\\b`).test(accept) && (await fileAt(found.file + ext));
      if (sibling) {
        body = sibling;
        encoding = enc;
        headers['content-encoding'] = enc;
        break;
      }
    }
    headers['content-length'] = body.size;
    record(200, req.method === 'HEAD' ? 0 : body.size, encoding);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else sendBody(res, body.file, 0, body.size - 1, fault === 'truncate');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        get log() {
          return log;
        },
        bytes: () => log.reduce((n, r) => n + r.bytes, 0),
        reset: () => {
          log = [];
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const faults = args.includes('--faults');
  const [root = 'dist', port = '8620'] = args.filter((a) => !a.startsWith('--'));
  const s = await serveStatic(root, Number(port), { faults });
  console.log(`serving ${root} at ${s.url}/${faults ? ' (fault injection on: /__faults/)' : ''}`);
}
