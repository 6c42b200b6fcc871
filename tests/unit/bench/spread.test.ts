import { describe, expect, it } from 'vitest';
import { spread } from '../../../bench/filterTiming.ts';

describe('spread', () => {
  it('picks first, last and evenly spaced items between', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9]);
  });
  it('returns everything when there are fewer items than asked', () => {
    expect(spread(['a', 'b'], 4)).toEqual(['a', 'b']);
    expect(spread([1, 2, 3], 1)).toEqual([1]);
  });
});
