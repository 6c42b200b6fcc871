import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EngineError,
  isFatalEngineError,
  withStallTimeout,
  withTimeout,
  ENGINE_MARKS,
  markedEngineError,
  isRetryableEngineError,
  normalizeDuckDbMessage,
} from '../../../../src/engine/browser/errors.ts';

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof EngineError ? e.kind : `other: ${String(e)}`),
  );

describe('isFatalEngineError', () => {
  it('treats aborts, traps and memory failures as fatal, SQL errors not', () => {
    expect(isFatalEngineError(new Error('RuntimeError: Aborted(OOM)'))).toBe(true);
    expect(isFatalEngineError(new Error('Cannot enlarge memory arrays to size 4294967296'))).toBe(
      true,
    );
    expect(
      isFatalEngineError(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')),
    ).toBe(true);
    expect(isFatalEngineError(new Error('Binder Error: Referenced column "x" not found'))).toBe(
      false,
    );
    expect(isFatalEngineError(new Error('Catalog Error: Table with name t does not exist!'))).toBe(
      false,
    );
  });

  it("leaves DuckDB's own Out of Memory Error (memory_limit reached) to the query that caused it", () => {
    expect(
      isFatalEngineError(
        new Error(
          'Out of Memory Error: could not allocate block of size 256.0 KiB (1023.9 MiB/1.0 GiB used)',
        ),
      ),
    ).toBe(false);
  });
});

describe('withTimeout', () => {
  it('rejects with kind "timeout" and runs the cleanup first', async () => {
    let cleaned = false;
    expect(
      await kindOf(withTimeout(new Promise(() => {}), 20, 'test', () => (cleaned = true))),
    ).toBe('timeout');
    expect(cleaned).toBe(true);
  });

  it('passes results and errors through untouched', async () => {
    await expect(withTimeout(Promise.resolve(1), 20, 'test')).resolves.toBe(1);
    expect(await kindOf(withTimeout(Promise.reject(new Error('boom')), 20, 'test'))).toBe(
      'other: Error: boom',
    );
  });
});

describe('withStallTimeout', () => {
  // Fake timers: the outcome never depends on how busy the machine is.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a slow task run as long as it keeps reporting activity', async () => {
    const result = withStallTimeout(
      (activity) =>
        new Promise<string>((resolve) => {
          const timer = setInterval(activity, 20); // progress every 20 ms, for 200 ms in all
          setTimeout(() => {
            clearInterval(timer);
            resolve('done');
          }, 200);
        }),
      60,
      'test',
    );
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toBe('done');
  });

  it('times out once the activity stops, counted from the last activity', async () => {
    let cleaned = false;
    const result = kindOf(
      withStallTimeout(
        (activity) => {
          activity();
          setTimeout(activity, 30);
          return new Promise(() => {});
        },
        60,
        'test',
        () => (cleaned = true),
      ),
    );
    await vi.advanceTimersByTimeAsync(89); // 30 ms of activity + 59 ms of silence
    expect(cleaned).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe('timeout');
    expect(cleaned).toBe(true);
  });
});

describe('marked failures from the engine worker', () => {
  it('names a download that failed after retries, and which file', () => {
    const data = markedEngineError(
      new Error(
        'Invalid Error: Range request for http://x/data/huitoukan.ab12.duckdb failed with error: Error: [htk:network] GET http://x/data/huitoukan.ab12.duckdb: HTTP 503',
      ),
    );
    expect([data?.kind, data?.file]).toEqual(['network', 'data']);
    const wasm = markedEngineError(
      'worker error: Uncaught Error: [htk:network] http://x/_astro/duckdb-eh.x.wasm: TypeError: Failed to fetch',
    );
    expect([wasm?.kind, wasm?.file]).toEqual(['network', 'engine']);
    expect(
      markedEngineError('[htk:missing] GET http://x/data/huitoukan.1.duckdb: HTTP 404')?.kind,
    ).toBe('missing');
    expect(markedEngineError('Uncaught Error: [htk:unsupported] CompileError: x')?.kind).toBe(
      'unsupported',
    );
    expect(markedEngineError(new Error('Binder Error: no column x'))).toBeUndefined();
    expect(isRetryableEngineError(data)).toBe(true);
    expect(isRetryableEngineError(new EngineError('unsupported', 'x'))).toBe(false);
  });

  it('uses the marks engineWorker.js writes (it cannot import them: it is served as-is)', () => {
    const worker = readFileSync('src/engine/browser/engineWorker.js', 'utf8');
    for (const mark of Object.values(ENGINE_MARKS)) expect(worker).toContain(`'${mark}'`);
  });

  it("reads DuckDB's JSON error form (sent queries) as its text form (prepared ones)", () => {
    expect(
      normalizeDuckDbMessage(
        '{"exception_type":"Parser","exception_message":"syntax error at or near \\"AS\\"\\n\\nLINE 3: ) AS t"}',
      ),
    ).toBe('Parser Error: syntax error at or near "AS"\n\nLINE 3: ) AS t');
    expect(normalizeDuckDbMessage('Binder Error: x')).toBe('Binder Error: x');
    expect(normalizeDuckDbMessage('{not json')).toBe('{not json');
  });
});
