import { describe, expect, it } from 'vitest';
import {
  bandBelowLine,
  bandContains,
  parseIncomeBand,
  parseSize,
} from '../../../../tools/attack/ranges.ts';

describe('parseSize: a published household size as the sizes it allows', () => {
  it('reads exact sizes, bands, open bands and blanks', () => {
    expect(parseSize('4')).toEqual({ lo: 4, hi: 4 });
    expect(parseSize(4)).toEqual({ lo: 4, hi: 4 });
    expect(parseSize('3–4')).toEqual({ lo: 3, hi: 4 });
    expect(parseSize('1-2')).toEqual({ lo: 1, hi: 2 });
    expect(parseSize('5+')).toEqual({ lo: 5, hi: 20 });
    expect(parseSize('≥5')).toEqual({ lo: 5, hi: 20 });
    expect(parseSize(null)).toEqual({ lo: 1, hi: 20 });
  });

  it('returns null for text it cannot read (the caller treats it as unknown)', () => {
    expect(parseSize('多人')).toBeNull();
  });
});

describe('income bands', () => {
  it('reads the published labels as half-open ranges', () => {
    expect(parseIncomeBand('<4000')).toEqual({ lo: 0, hi: 4000 });
    expect(parseIncomeBand('4000–6000')).toEqual({ lo: 4000, hi: 6000 });
    expect(parseIncomeBand('≥10000')).toEqual({ lo: 10000, hi: Infinity });
  });

  it('calls a band adverse only when all of it is below the poverty line', () => {
    expect(bandBelowLine('<4000', 4000)).toBe(true);
    expect(bandBelowLine('4000–6000', 4000)).toBe(false);
    expect(bandBelowLine('<6000', 4000)).toBe(false);
  });

  it('includes the lower bound and excludes the upper one', () => {
    expect(bandContains('4000–6000', 4000)).toBe(true);
    expect(bandContains('4000–6000', 6000)).toBe(false);
  });
});
