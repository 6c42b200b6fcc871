/**
 * Keeps a query engine alive on top of sessions that may crash or hang (one
 * DuckDB-WASM worker each): starts one on demand, retires it on a crash or a
 * timed-out query, restarts once after a crash, then gives up for good with
 * EngineError('unavailable'). Independent of DuckDB so it can be tested with
 * fake sessions (tests/unit/engine/browser/supervisor.test.ts).
 */
import type { Engine, Row } from '../engine.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import { EngineError, isFatalEngineError, withTimeout } from './errors.ts';

/** One engine instance (a worker), as the supervisor sees it. */
export interface EngineSession {
  run(q: SqlQuery): Promise<Row[]>;
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
}

/** Resolves once the first session has started; rejects if it cannot start (after one retry). */
export async function superviseEngine(
  start: () => Promise<EngineSession>,
  { timeoutMs, maxFailures = 2 }: SupervisorOptions,
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

  await session();

  return {
    async query<T extends Row = Row>(q: SqlQuery): Promise<T[]> {
      // At most: the first try, a retry after a crash, a retry after another query's timeout.
      for (let attempt = 0; attempt < 3; attempt++) {
        const s = await session();
        const own = { timedOut: false };
        try {
          const work = s.run(q);
          work.catch(() => {}); // may lose the race below
          return (await withTimeout(Promise.race([work, s.dead]), timeoutMs, 'query', () => {
            own.timedOut = true;
            // The worker stays busy for who knows how long: drop it; the next query starts afresh.
            s.retire(new EngineError('timeout', 'query timed out'), false);
          })) as T[];
        } catch (err) {
          if (own.timedOut) throw err;
          if (s.state.retired && !s.state.fatal) continue; // retired by another query's timeout
          if (!s.state.retired && !isFatalEngineError(err)) {
            throw new EngineError('query', messageOf(err), { cause: err });
          }
          s.retire(err instanceof Error ? err : new Error(messageOf(err)), true);
          noteRetired(s);
          if (failures >= maxFailures) throw giveUp(err);
        }
      }
      throw giveUp(new Error('query failed after restarts'));
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
