import { describe, expect, it } from 'vitest';
import {
  compareIncomeBands,
  incomeBand,
  incomeBandLabels,
  orderIncomeBands,
  parseIncomeBand,
} from '../../../src/contract/incomeBands.ts';

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

describe('parseIncomeBand and orderIncomeBands', () => {
  it('reads the published band labels', () => {
    expect(parseIncomeBand('<4000')).toEqual({ lo: -Infinity, hi: 4000 });
    expect(parseIncomeBand('4000–6000')).toEqual({ lo: 4000, hi: 6000 });
    expect(parseIncomeBand('≥10000')).toEqual({ lo: 10000, hi: Infinity });
    expect(parseIncomeBand('不详')).toBeNull();
  });

  it('orders bands by income, unknown labels last', () => {
    expect(orderIncomeBands(['≥10000', '不详', '4000–6000', '<4000', '4000–6000'])).toEqual([
      '<4000',
      '4000–6000',
      '≥10000',
      '不详',
    ]);
  });
});

describe('compareIncomeBands', () => {
  it('orders published bands by their lower bound, "<" first and unreadable last', () => {
    const bands = ['≥10000', '6000–8000', '未知', '<4000', '4000–6000', '8000–10000'];
    expect([...bands].sort(compareIncomeBands)).toEqual([
      '<4000',
      '4000–6000',
      '6000–8000',
      '8000–10000',
      '≥10000',
      '未知',
    ]);
  });
});
