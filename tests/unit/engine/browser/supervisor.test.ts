import { describe, expect, it, vi } from 'vitest';
import { superviseEngine, type EngineSession } from '../../../../src/engine/browser/supervisor.ts';
import { EngineError } from '../../../../src/engine/browser/errors.ts';
import type { Row } from '../../../../src/engine/engine.ts';
import { sql, type SqlQuery } from '../../../../src/queries/sql.ts';

type Run = (q: SqlQuery, signal?: AbortSignal) => Promise<Row[]>;

/** A fake worker session: `run` decides what each query does; `interruptible` as a real one says. */
function fakeSession(
  run: Run,
  interruptible = false,
): EngineSession & { state: { retired: boolean; fatal: boolean } } {
  let kill: (e: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => (kill = reject));
  dead.catch(() => {});
  const state = { retired: false, fatal: false };
  return {
    run,
    interruptible,
    dead,
    state,
    retire(reason, fatal) {
      if (state.retired) return;
      Object.assign(state, { retired: true, fatal });
      kill(reason);
    },
  };
}

/** A start function handing out the given sessions (or errors) in order; `starts` counts calls. */
function starter(...plan: (Run | Error)[]) {
  const sessions: ReturnType<typeof fakeSession>[] = [];
  let starts = 0;
  const start = async () => {
    const next = plan[starts++];
    if (next === undefined) throw new Error('test: no more sessions planned');
    if (next instanceof Error) throw next;
    const s = fakeSession(next);
    sessions.push(s);
    return s;
  };
  return Object.assign(start, { sessions, starts: () => starts });
}

const ok =
  (rows: Row[]): Run =>
  async () =>
    rows;
const never: Run = () => new Promise(() => {});
const crash: Run = async () => {
  throw new Error('RuntimeError: Aborted(OOM)');
};
const q = sql`SELECT 1`;

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof EngineError ? err.kind : `other: ${String(err)}`;
  }
}

describe('superviseEngine', () => {
  it('starts one session and reuses it for every query', async () => {
    const start = starter(ok([{ a: 1 }]));
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    await engine.query(q);
    await engine.query(q);
    expect(await engine.query(q)).toEqual([{ a: 1 }]);
    expect(start.starts()).toBe(1);
  });

  it('retries a failed start once', async () => {
    const start = starter(new Error('instantiate failed'), ok([{ a: 2 }]));
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    expect(await engine.query(q)).toEqual([{ a: 2 }]);
    expect(start.starts()).toBe(2);
  });

  it('gives up with "unavailable" when the retry fails too', async () => {
    const start = starter(
      new Error('instantiate failed'),
      new Error('instantiate failed again'),
      ok([]),
    );
    expect(await kindOf(superviseEngine(start, { timeoutMs: 1000 }))).toBe('unavailable');
    expect(start.starts()).toBe(2);
  });

  it('turns a SQL error into kind "query" and keeps the session', async () => {
    let calls = 0;
    const start = starter(async () => {
      if (calls++ === 0) throw new Error('Binder Error: Referenced column "x" not found');
      return [{ a: 3 }];
    });
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    expect(await kindOf(engine.query(q))).toBe('query');
    expect(await engine.query(q)).toEqual([{ a: 3 }]);
    expect(start.starts()).toBe(1);
  });

  it('restarts a crashed worker once and reruns the query on the new one', async () => {
    const start = starter(crash, ok([{ a: 4 }]));
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    expect(await engine.query(q)).toEqual([{ a: 4 }]);
    expect(start.starts()).toBe(2);
    expect(start.sessions[0]?.state).toEqual({ retired: true, fatal: true });
  });

  it('is unavailable for good after a second crash, without starting again', async () => {
    const start = starter(crash, crash, ok([]));
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    expect(await kindOf(engine.query(q))).toBe('unavailable');
    expect(await kindOf(engine.query(q))).toBe('unavailable');
    expect(start.starts()).toBe(2);
  });

  it('times out a hung query, drops its worker, and does not spend the restart', async () => {
    const start = starter(never, ok([{ a: 5 }]), ok([{ a: 6 }]));
    const engine = await superviseEngine(start, { timeoutMs: 50 });
    vi.useFakeTimers();
    const hung = kindOf(engine.query(q));
    await vi.advanceTimersByTimeAsync(50); // exactly the timeout, however busy the machine
    vi.useRealTimers();
    expect(await hung).toBe('timeout');
    expect(start.sessions[0]?.state).toEqual({ retired: true, fatal: false });
    expect(await engine.query(q)).toEqual([{ a: 5 }]);
    // The restart budget is intact: a crash now still gets its one restart.
    start.sessions[1]?.retire(new Error('worker error'), true);
    expect(await engine.query(q)).toEqual([{ a: 6 }]);
    expect(start.starts()).toBe(3);
  });

  it('replaces a worker that died between queries', async () => {
    const start = starter(ok([{ a: 7 }]), ok([{ a: 8 }]));
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    start.sessions[0]?.retire(new Error('worker error: out of memory'), true);
    expect(await engine.query(q)).toEqual([{ a: 8 }]);
  });

  it('counts one crash once, however many queries were in flight', async () => {
    const start = starter(crash, ok([{ a: 9 }]), crash);
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    const results = await Promise.all([engine.query(q), engine.query(q), engine.query(q)]);
    expect(results).toEqual([[{ a: 9 }], [{ a: 9 }], [{ a: 9 }]]);
    expect(start.starts()).toBe(2);
  });

  it("reruns a query caught in another query's timeout on the fresh worker", async () => {
    let calls = 0;
    const stuck: Run = () => (calls++ === 0 ? new Promise(() => {}) : new Promise(() => {}));
    const start = starter(stuck, ok([{ a: 10 }]));
    const engine = await superviseEngine(start, { timeoutMs: 80 });
    vi.useFakeTimers();
    const first = kindOf(engine.query(q));
    await vi.advanceTimersByTimeAsync(30);
    const second = engine.query(q);
    await vi.advanceTimersByTimeAsync(50); // the first query's timeout, not yet the second's
    vi.useRealTimers();
    expect(await first).toBe('timeout');
    expect(await second).toEqual([{ a: 10 }]);
    expect(calls).toBe(2);
  });

  it('names a download that failed (after the worker retried), drops the session, and starts afresh next time', async () => {
    const lost = new Error(
      'Invalid Error: Range request for http://x/data/huitoukan.1.duckdb failed with error: Error: [htk:network] GET http://x/data/huitoukan.1.duckdb: NetworkError',
    );
    const start = starter(
      async () => {
        throw lost;
      },
      ok([{ a: 11 }]),
    );
    const engine = await superviseEngine(start, { timeoutMs: 1000 });
    const err = await engine.query(q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect([(err as EngineError).kind, (err as EngineError).file]).toEqual(['network', 'data']);
    // Not a crash: the session is retired without spending the restart budget.
    expect(start.sessions[0]?.state).toEqual({ retired: true, fatal: false });
    expect(await engine.query(q)).toEqual([{ a: 11 }]);
    start.sessions[1]?.retire(new Error('worker error'), true);
    expect(await kindOf(engine.query(q))).not.toBe('network');
  });

  it('does not restart a start that failed on a download, and is not broken by it', async () => {
    const start = starter(
      new Error('worker error: Uncaught Error: [htk:network] /x.wasm: HTTP 503'),
    );
    const first = await superviseEngine(start, { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect((first as EngineError).kind).toBe('network');
    expect((first as EngineError).file).toBe('engine');
    expect(start.starts()).toBe(1);
  });

  /** A query that runs until its signal aborts, then rejects as DuckDB's interrupt does. */
  const untilAborted: Run = (_q, signal) =>
    new Promise((_, reject) =>
      signal?.addEventListener('abort', () => reject(new Error('INTERRUPT Error: Interrupted!'))),
    );

  it('stops a query past its timeout by interrupting it: the session stays', async () => {
    const sessions: ReturnType<typeof fakeSession>[] = [];
    const start = async () => {
      const s = fakeSession(
        (query, signal) =>
          query.text === 'SELECT 1' ? untilAborted(query, signal) : Promise.resolve([{ a: 12 }]),
        true,
      );
      sessions.push(s);
      return s;
    };
    const engine = await superviseEngine(start, { timeoutMs: 50, interruptGraceMs: 60_000 });
    expect(await kindOf(engine.query(q))).toBe('timeout');
    expect(await engine.query(sql`SELECT 2`)).toEqual([{ a: 12 }]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.state.retired).toBe(false);
  });

  it('drops the session when the interrupt does not stop the query', async () => {
    const start = starter(never, ok([{ a: 13 }]));
    const engine = await superviseEngine(
      async () => Object.assign(await start(), { interruptible: true }), // but `never` ignores it
      { timeoutMs: 30, interruptGraceMs: 30 },
    );
    expect(await kindOf(engine.query(q))).toBe('timeout');
    await start.sessions[0]?.dead.catch(() => {}); // retired once the grace period is over
    expect(start.sessions[0]?.state).toEqual({ retired: true, fatal: false });
    expect(await engine.query(q)).toEqual([{ a: 13 }]);
  });

  it('stops a query when its signal aborts (the visitor pressed 停止), with kind "cancelled"', async () => {
    let interrupted = false;
    const start = async () =>
      fakeSession((query, signal) => {
        signal?.addEventListener('abort', () => (interrupted = true));
        return untilAborted(query, signal);
      }, true);
    const engine = await superviseEngine(start, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const running = engine.query(q, { signal: controller.signal });
    controller.abort();
    expect(await kindOf(running)).toBe('cancelled');
    expect(interrupted).toBe(true);
  });
});
