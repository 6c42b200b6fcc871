/**
 * Typed failures of the browser engine, so the UI can say one short, clear thing
 * instead of spinning (duckdb-wasm #1857, #1058, #1658: a crashed or
 * out-of-memory worker otherwise leaves its promises pending forever).
 */

/**
 * - `unavailable`: no WebAssembly/Worker, the worker crashed, instantiation or
 *   the database attach failed (after one restart): interactive queries are off.
 * - `timeout`: one query or a start-up step took too long; the next query retries.
 * - `query`: DuckDB rejected the SQL (a bug in a named query, not the visitor's fault).
 */
export type EngineErrorKind = 'unavailable' | 'timeout' | 'query';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;

  constructor(kind: EngineErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.kind = kind;
  }
}

export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
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
