/**
 * Network faults on demand, for end-to-end tests of what a page does when the
 * site's own files cannot be fetched: the server answers 503, drops the
 * connection, or cuts a response short, for the requests a test picks.
 *
 * Faults are injected at the server because the browser cannot fake them for
 * the DuckDB worker: Playwright's `context.route` does not see its requests.
 *
 * Off unless the server is started with `--faults` (tools/serve/serve.ts).
 * Each test works in its own scope: it sets the cookie `htk-fault-scope=<id>`
 * in its browser context, and only requests carrying that cookie (the page's,
 * its workers' fetches and range reads: all same-origin, all send cookies)
 * meet that scope's faults, so tests running in parallel on one server never
 * see each other's. The control endpoint, per scope:
 *
 *   PUT    /__faults/<scope>   {"rules": FaultRule[]}  replaces the rules
 *   GET    /__faults/<scope>   the rules (with what is left of each) and the
 *                              requests seen in the scope since the last PUT
 *   DELETE /__faults/<scope>   no faults, log emptied
 *
 * tests/e2e/faultScope.ts is the client the specs use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that puts a request in a scope. */
export const FAULT_SCOPE_COOKIE = 'htk-fault-scope';
/** Path prefix of the control endpoint. */
export const FAULT_CONTROL_PATH = '/__faults/';

/**
 * What a matching request gets:
 * - an HTTP status (503, 500, 404 …), with an empty body;
 * - `reset`: the connection is closed before any answer (the network is down,
 *   the server restarting) — the browser sees a network error;
 * - `truncate`: the status line, headers and half the body, then the connection
 *   is closed (a connection lost mid-range) — also a network error;
 * - `hold`: no answer until the scope's rules are next replaced or cleared,
 *   then the normal answer (a slow network, ended when the test says so: a
 *   test can look at the page while it waits, with no timer to race).
 */
export type Fault = number | 'reset' | 'truncate' | 'hold';

export interface FaultRule {
  /** Requests whose URL path matches this regular expression (source text); "" = every request. */
  path: string;
  fault: Fault;
  /** Only this method (GET, HEAD); every method when absent. */
  method?: string;
  /** How many matching requests fail; after that the rule lets them through. Absent: all, until cleared. */
  times?: number;
}

/** A request seen in a scope, with the fault it met (if any). */
export interface ScopedRequest {
  method: string;
  path: string;
  range?: string;
  fault?: Fault;
}

export interface FaultReport {
  rules: (FaultRule & { failed: number })[];
  requests: ScopedRequest[];
}

interface Scope {
  rules: { rule: FaultRule; re: RegExp; failed: number }[];
  requests: ScopedRequest[];
  /** Resolves when these rules end: held requests go on then. */
  ended: Promise<void>;
  end(): void;
}

export interface FaultInjector {
  /** Answers a control request; false when `req` is not one. */
  control(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The fault for this request (logged in its scope), or undefined to serve it normally. */
  faultFor(req: IncomingMessage, urlPath: string): Fault | undefined;
  /** For a held request: resolves when its scope's rules are replaced or cleared. */
  released(req: IncomingMessage): Promise<void>;
}

/** The scope id a request carries in its cookie, if any. */
export function scopeOf(req: IncomingMessage): string | undefined {
  const cookie = req.headers.cookie ?? '';
  const m = new RegExp(`(?:^|;\\s*)${FAULT_SCOPE_COOKIE}=([\\w-]+)`).exec(cookie);
  return m?.[1];
}

/** Checks a PUT body: a list of rules with a valid pattern and fault. */
export function parseRules(body: unknown): FaultRule[] {
  const rules = (body as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new Error('expected {"rules": [...]}');
  return rules.map((r: unknown, i) => {
    const rule = r as Partial<FaultRule>;
    if (typeof rule.path !== 'string') throw new Error(`rules[${i}].path: expected a string`);
    new RegExp(rule.path); // throws on a bad pattern
    const ok =
      rule.fault === 'reset' ||
      rule.fault === 'truncate' ||
      rule.fault === 'hold' ||
      (typeof rule.fault === 'number' && rule.fault >= 400 && rule.fault <= 599);
    if (!ok)
      throw new Error(
        `rules[${i}].fault: expected a 4xx/5xx status, "reset", "truncate" or "hold"`,
      );
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0))
      throw new Error(`rules[${i}].times: expected a whole number`);
    return {
      path: rule.path,
      fault: rule.fault as Fault,
      ...(rule.method ? { method: rule.method.toUpperCase() } : {}),
      ...(rule.times !== undefined ? { times: rule.times } : {}),
    };
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

export function createFaultInjector(): FaultInjector {
  const scopes = new Map<string, Scope>();

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  return {
    async control(req, res) {
      const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
      if (!urlPath.startsWith(FAULT_CONTROL_PATH)) return false;
      const id = urlPath.slice(FAULT_CONTROL_PATH.length);
      if (!/^[\w-]+$/.test(id)) {
        send(res, 400, { error: 'scope id: letters, digits, _ and - only' });
        return true;
      }
      if (req.method === 'PUT') {
        try {
          const rules = parseRules(await readJson(req));
          scopes.get(id)?.end();
          let end: () => void = () => {};
          const ended = new Promise<void>((resolve) => (end = resolve));
          scopes.set(id, {
            rules: rules.map((rule) => ({ rule, re: new RegExp(rule.path), failed: 0 })),
            requests: [],
            ended,
            end,
          });
          send(res, 204);
        } catch (err) {
          send(res, 400, { error: err instanceof Error ? err.message : String(err) });
        }
      } else if (req.method === 'DELETE') {
        scopes.get(id)?.end();
        scopes.delete(id);
        send(res, 204);
      } else {
        const scope = scopes.get(id);
        const report: FaultReport = {
          rules: scope?.rules.map((r) => ({ ...r.rule, failed: r.failed })) ?? [],
          requests: scope?.requests ?? [],
        };
        send(res, 200, report);
      }
      return true;
    },

    faultFor(req, urlPath) {
      const id = scopeOf(req);
      const scope = id === undefined ? undefined : scopes.get(id);
      if (!scope) return undefined;
      const method = req.method ?? 'GET';
      const rule = scope.rules.find(
        (r) =>
          r.re.test(urlPath) &&
          (!r.rule.method || r.rule.method === method) &&
          (r.rule.times === undefined || r.failed < r.rule.times),
      );
      if (rule) rule.failed++;
      scope.requests.push({
        method,
        path: urlPath,
        ...(req.headers.range ? { range: req.headers.range } : {}),
        ...(rule ? { fault: rule.rule.fault } : {}),
      });
      return rule?.rule.fault;
    },

    released(req) {
      const id = scopeOf(req);
      return (id === undefined ? undefined : scopes.get(id)?.ended) ?? Promise.resolve();
    },
  };
}
