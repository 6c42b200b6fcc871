/**
 * Keeps a query engine alive on top of sessions that may crash, hang or lose
 * the network (one DuckDB-WASM worker each): starts one on demand; stops a
 * query that runs too long (or that the visitor stops) by interrupting it,
 * dropping the worker only when the interrupt does not take; restarts once
 * after a crash, then gives up with EngineError('unavailable'). A download
 * that failed (after the worker's own retries, src/engine/browser/engineWorker.js)
 * is no crash: the call fails with EngineError('network' | 'missing'), the
 * session is dropped, and the next call starts a fresh one. Independent of
 * DuckDB so it can be tested with fake sessions
 * (tests/unit/engine/browser/supervisor.test.ts).
 */
import type { Engine, QueryOptions, Row } from '../engine.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import {
  EngineError,
  isEngineError,
  isFatalEngineError,
  markedEngineError,
  withTimeout,
} from './errors.ts';

/** One engine instance (a worker), as the supervisor sees it. */
export interface EngineSession {
  /**
   * Runs `q`. When `signal` aborts, an interruptible session stops the query
   * (DuckDB's interrupt, or not starting it at all if still queued) and `run` rejects.
   */
  run(q: SqlQuery, signal?: AbortSignal): Promise<Row[]>;
  /** Whether aborting `run`'s signal stops a query; if not, or not within the grace period, the session is retired. */
  readonly interruptible?: boolean;
  /** Rejects once the session is retired, so queries in flight stop waiting. */
  readonly dead: Promise<never>;
  readonly state: { readonly retired: boolean; readonly fatal: boolean };
  /** Ends the session (idempotent); `fatal` for crashes, false for a timeout. */
  retire(reason: Error, fatal: boolean): void;
}

export interface SupervisorOptions {
  /** Per query, from the moment it is sent. */
  timeoutMs: number;
  /** Sessions lost to crashes or failed starts before giving up (first + one restart). */
  maxFailures?: number;
  /** How long an interrupted query may take to stop before its worker is dropped. */
  interruptGraceMs?: number;
}

/** Start failures that a restart cannot help: a download that failed after retries, an unfit browser. */
const NOT_RESTARTED = new Set(['network', 'missing', 'unsupported', 'republished']);

/** Resolves once the first session has started; rejects if it cannot start (after one retry). */
export async function superviseEngine(
  start: () => Promise<EngineSession>,
  { timeoutMs, maxFailures = 2, interruptGraceMs = 2_000 }: SupervisorOptions,
): Promise<Engine> {
  let failures = 0;
  let broken: EngineError | undefined;
  let current: Promise<EngineSession> | undefined;
  let active: EngineSession | undefined;
  const counted = new WeakSet<EngineSession>();

  const giveUp = (err: unknown): EngineError =>
    (broken ??= new EngineError('unavailable', `DuckDB-WASM unavailable: ${messageOf(err)}`, {
      cause: err,
    }));

  /** Counts a crashed session once, however many queries saw it die. */
  const noteRetired = (s: EngineSession) => {
    if (s.state.fatal && !counted.has(s)) {
      counted.add(s);
      failures++;
    }
    if (active === s) {
      active = undefined;
      current = undefined;
    }
  };

  const session = (): Promise<EngineSession> => {
    if (active?.state.retired) noteRetired(active);
    if (broken) return Promise.reject(broken);
    if (failures >= maxFailures) return Promise.reject(giveUp(new Error('engine crashed twice')));
    if (current) return current;
    const starting = (async () => {
      for (;;) {
        try {
          const s = await start();
          active = s;
          return s;
        } catch (err) {
          const named = isEngineError(err) ? err : markedEngineError(err);
          if (named && NOT_RESTARTED.has(named.kind)) throw named;
          failures++;
          if (failures >= maxFailures) throw giveUp(err);
        }
      }
    })();
    current = starting;
    starting.catch(() => {
      if (current === starting) current = undefined;
    });
    return starting;
  };

  /** Stops the query `work` on `s`: by interrupt when the session can, else (or when that fails) by retiring it. */
  const stopQuery = (
    s: EngineSession,
    work: Promise<unknown>,
    interrupt: AbortController,
    reason: EngineError,
  ) => {
    if (!s.interruptible) return s.retire(reason, false);
    const drop = setTimeout(() => s.retire(reason, false), interruptGraceMs);
    const keep = () => clearTimeout(drop);
    work.then(keep, keep);
    interrupt.abort(reason);
  };

  await session();

  return {
    async query<T extends Row = Row>(q: SqlQuery, { signal }: QueryOptions = {}): Promise<T[]> {
      signal?.throwIfAborted();
      // At most: the first try, a retry after a crash, a retry after another query's timeout.
      for (let attempt = 0; attempt < 3; attempt++) {
        const s = await session();
        let stopped: EngineError | undefined;
        let rejectAborted: (reason: EngineError) => void = () => {};
        const aborted = new Promise<never>((_, reject) => (rejectAborted = reject));
        aborted.catch(() => {});
        const interrupt = new AbortController();
        const work = s.run(q, interrupt.signal);
        work.catch(() => {}); // may lose the race below
        const onAbort = () => {
          if (stopped) return;
          stopped = new EngineError('cancelled', 'query stopped');
          rejectAborted(stopped);
          stopQuery(s, work, interrupt, stopped);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted) onAbort(); // aborted while the session was starting
        try {
          return (await withTimeout(
            Promise.race([work, s.dead, aborted]),
            timeoutMs,
            'query',
            () => {
              stopped = new EngineError('timeout', 'query timed out');
              stopQuery(s, work, interrupt, stopped);
            },
          )) as T[];
        } catch (err) {
          if (stopped) throw stopped;
          if (s.state.retired && !s.state.fatal) continue; // retired by another query's stop
          const named = markedEngineError(err);
          if (named) {
            // DuckDB-WASM keeps a page it failed to read: the next query on this worker
            // would report a corrupt file. A fresh worker starts from the file itself.
            s.retire(named, false);
            throw named;
          }
          if (!s.state.retired && !isFatalEngineError(err)) {
            throw new EngineError('query', messageOf(err), { cause: err });
          }
          s.retire(err instanceof Error ? err : new Error(messageOf(err)), true);
          noteRetired(s);
          if (failures >= maxFailures) throw giveUp(err);
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      }
      throw giveUp(new Error('query failed after restarts'));
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
