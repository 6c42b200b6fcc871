import { describe, expect, it } from 'vitest';
import { throttleProgress, wireProgress } from '../../../../src/engine/browser/progress.ts';

describe('wireProgress', () => {
  it('passes an uncompressed download through', () => {
    expect(wireProgress(1_000, 4_000, 4_000)).toEqual([1_000, 4_000]);
  });

  it('scales decompressed bytes to the compressed Content-Length', () => {
    // DuckDB counted 2,000 of 4,000 decompressed bytes; the server sends 1,000 compressed.
    expect(wireProgress(2_000, 1_000, 4_000)).toEqual([500, 1_000]);
  });

  it('uses the known size when there is no Content-Length, and null when nothing is known', () => {
    expect(wireProgress(2_000, 0, 4_000)).toEqual([2_000, 4_000]);
    expect(wireProgress(2_000, 0, undefined)).toEqual([2_000, null]);
  });

  it('never reports more than the total', () => {
    expect(wireProgress(9_000, 1_000, undefined)).toEqual([1_000, 1_000]);
  });
});

describe('throttleProgress', () => {
  it('forwards at most one update per interval, and always the final one', () => {
    let now = 0;
    const seen: [number, number | null][] = [];
    const report = throttleProgress(
      (l, t) => seen.push([l, t]),
      100,
      () => now,
    );
    report(10, 100);
    now = 50;
    report(20, 100);
    now = 120;
    report(30, 100);
    now = 130;
    report(100, 100);
    expect(seen).toEqual([
      [10, 100],
      [30, 100],
      [100, 100],
    ]);
  });
});
