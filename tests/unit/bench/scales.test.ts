import { describe, expect, it } from 'vitest';
import { BUILD_SCALES, PROVINCE, SAMPLE, sampleArgs, scaleAt } from '../../../bench/scales.ts';

describe('benchmark scales', () => {
  it('scales households, changes and rectifications with villages at the sample ratios', () => {
    const s = scaleAt(500);
    expect(s.villages).toBe(500);
    expect(s.households / s.villages).toBeCloseTo(SAMPLE.households / SAMPLE.villages, 1);
    expect(s.changes / s.households).toBeCloseTo(SAMPLE.changes / SAMPLE.households, 2);
    expect(s.rectifications / s.villages).toBeCloseTo(SAMPLE.rectifications / SAMPLE.villages, 1);
  });

  it('builds at 45, 500 and 2,300 villages, the last with the full 700,000 households', () => {
    expect(BUILD_SCALES.map((s) => s.villages)).toEqual([45, 500, 2300]);
    expect(BUILD_SCALES.at(-1)).toBe(PROVINCE);
    expect(PROVINCE.households).toBe(700_000);
  });

  it('passes every count to the generator', () => {
    expect(sampleArgs(scaleAt(500))).toEqual([
      '--households',
      '16667',
      '--villages',
      '500',
      '--changes',
      '3333',
      '--rectifications',
      '1333',
    ]);
  });
});
