/**
 * Typed failures of the browser engine, so the UI can say one short, clear thing
 * instead of spinning (duckdb-wasm #1857, #1058, #1658: a crashed or
 * out-of-memory worker otherwise leaves its promises pending forever), and
 * name the cause: a download that failed is not a browser that cannot run it.
 */

/**
 * - `unsupported`: this browser cannot run the engine (no WebAssembly, Worker or
 *   fetch; the wasm does not compile). Nothing to retry.
 * - `network`: a file could not be downloaded, after retries (`file` says which:
 *   the published database or the engine's own files). Retry when the network is back.
 * - `missing`: the site no longer has the page's database file (404/410), and no
 *   newer publication explains it. Retry later.
 * - `republished`: the page's database file was replaced by a newer publication;
 *   reloading the page shows the new data.
 * - `unavailable`: the worker crashed twice, or the start failed otherwise:
 *   interactive queries are off until the page is reloaded.
 * - `timeout`: one query or a start-up step took too long; the next query retries.
 * - `cancelled`: the visitor stopped the query.
 * - `query`: DuckDB rejected the SQL (a bug in a named query, not the visitor's fault).
 */
export type EngineErrorKind =
  | 'unsupported'
  | 'network'
  | 'missing'
  | 'republished'
  | 'unavailable'
  | 'timeout'
  | 'cancelled'
  | 'query';

/** Which download failed: the published database file, or the engine (wasm, worker scripts). */
export type EngineFile = 'data' | 'engine';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  /** For `network` and `missing`: which file. */
  readonly file?: EngineFile;

  constructor(
    kind: EngineErrorKind,
    message: string,
    options?: { cause?: unknown; file?: EngineFile },
  ) {
    super(message, options);
    this.name = 'EngineError';
    this.kind = kind;
    if (options?.file) this.file = options.file;
  }
}

/**
 * Marks the engine's worker script (src/engine/browser/engineWorker.js, which
 * cannot import this module: it is served as-is) puts in its errors once its
 * retries are spent; they reach the page in DuckDB's error messages and in the
 * worker's `error` event. A unit test keeps both files in step.
 */
export const ENGINE_MARKS = {
  network: '[htk:network]',
  missing: '[htk:missing]',
  unsupported: '[htk:unsupported]',
} as const;

/**
 * The typed error a marked failure stands for, or undefined for any other
 * message. The file is the database when the message names a `.duckdb` URL.
 */
export function markedEngineError(err: unknown): EngineError | undefined {
  if (err instanceof EngineError) return undefined;
  const message = err instanceof Error ? err.message : String(err);
  const file: EngineFile = /\.duckdb\b/.test(message) ? 'data' : 'engine';
  const kind = (Object.keys(ENGINE_MARKS) as (keyof typeof ENGINE_MARKS)[]).find((k) =>
    message.includes(ENGINE_MARKS[k]),
  );
  if (!kind) return undefined;
  return new EngineError(kind, message, { cause: err, file });
}

/** Failures that may go away by themselves: worth a 重试 button and a retry when back online. */
export function isRetryableEngineError(err: unknown): boolean {
  return isEngineError(err) && (err.kind === 'network' || err.kind === 'missing');
}

export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
}

/**
 * DuckDB's error text as the prepared-statement path gives it ("Parser Error:
 * syntax error …"). Queries sent and polled (the explore page's) reject with
 * DuckDB's JSON form instead: `{"exception_type":"Parser","exception_message":"…"}`.
 */
export function normalizeDuckDbMessage(message: string): string {
  if (!message.startsWith('{')) return message;
  try {
    const data = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof data.exception_type !== 'string' || typeof data.exception_message !== 'string')
      return message;
    return `${data.exception_type} Error: ${data.exception_message}`;
  } catch {
    return message;
  }
}

/** DuckDB's own error class for a query past `memory_limit` (its message starts so). */
export function isDuckDbOutOfMemory(message: string): boolean {
  return /^Out of Memory Error: /.test(message);
}

/**
 * Errors after which the wasm instance cannot be trusted: emscripten aborts,
 * traps and memory failures. A DuckDB error (Parser/Binder/Catalog …) is not
 * fatal — not even DuckDB's own "Out of Memory Error", which it raises when a
 * query would pass `memory_limit` (src/engine/browser/browserEngine.ts) and after which the
 * database goes on working: the visitor is told to narrow the query
 * (src/views/explore/exploreErrors.ts) instead of losing the engine.
 */
export function isFatalEngineError(err: unknown): boolean {
  if (isDuckDbOutOfMemory(err instanceof Error ? err.message : String(err))) return false;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return /Aborted|RuntimeError|out of memory|memory access out of bounds|unreachable|Cannot enlarge memory|WebAssembly|worker/i.test(
    message,
  );
}

/**
 * Rejects with an `EngineError('timeout')` when `promise` has not settled after `ms`.
 * `onTimeout` runs first (e.g. to terminate the stuck worker).
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return withStallTimeout(() => promise, ms, what, onTimeout);
}

/**
 * Like withTimeout, but the clock restarts whenever `run` reports activity
 * (download progress): a slow connection is not a stuck one.
 */
export function withStallTimeout<T>(
  run: (activity: () => void) => Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const arm = () => {
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        settled = true;
        onTimeout?.();
        reject(new EngineError('timeout', `${what} did not finish within ${ms} ms`));
      }, ms);
    };
    const settle = () => {
      settled = true;
      clearTimeout(timer);
    };
    arm();
    let running: Promise<T>;
    try {
      running = run(arm);
    } catch (err) {
      running = Promise.reject(err);
    }
    running.then(
      (value) => {
        settle();
        resolve(value);
      },
      (err: unknown) => {
        settle();
        reject(err);
      },
    );
  });
}
