import { describe, expect, it } from 'vitest';
import { incomeBand, incomeBandLabels } from '../../../src/contract/incomeBands.ts';

describe('incomeBand', () => {
  const bounds = [4000, 6000, 8000, 10000];
  it('labels the bands from the bounds', () => {
    expect(incomeBandLabels(bounds)).toEqual([
      '<4000',
      '4000–6000',
      '6000–8000',
      '8000–10000',
      '≥10000',
    ]);
  });
  it('includes the lower bound and excludes the upper one', () => {
    const band = incomeBand(bounds);
    expect([0, 3999.99, 4000, 5999.99, 6000, 9999.99, 10000, 1e7].map(band)).toEqual([
      '<4000',
      '<4000',
      '4000–6000',
      '4000–6000',
      '6000–8000',
      '8000–10000',
      '≥10000',
      '≥10000',
    ]);
  });
  it('works with a single bound', () => {
    expect(incomeBandLabels([4000])).toEqual(['<4000', '≥4000']);
  });
});
