import { describe, expect, it } from 'vitest';
import { allocate } from '../../../../tools/sample/allocate.ts';
import { createRng, deriveRng } from '../../../../tools/sample/index.ts';

describe('createRng (mulberry32)', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(deriveRng(1, 'households').next()).not.toBe(deriveRng(1, 'villages').next());
  });

  it('draws uniform numbers in [0, 1) and integers within bounds', () => {
    const rng = createRng(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      const k = rng.int(2, 5);
      expect(k >= 2 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('honours weights', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
  });
});

describe('allocate', () => {
  it('splits a total exactly, in proportion, with a floor when there is enough', () => {
    expect(allocate(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(allocate(7, [1, 100], 3)).toEqual([3, 4]);
    expect(allocate(2, [1, 1, 1], 3).reduce((a, b) => a + b, 0)).toBe(2);
    expect(allocate(1234, [3, 1, 4, 1, 5]).reduce((a, b) => a + b, 0)).toBe(1234);
  });
});
