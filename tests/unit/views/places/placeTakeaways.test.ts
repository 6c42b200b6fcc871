import { describe, expect, it } from 'vitest';
import { exitTakeaway, measuresTakeaway } from '../../../../src/views/places/placeTakeaways.ts';

describe('exitTakeaway', () => {
  it('names the largest category with its share and the households needing 重点帮扶', () => {
    expect(
      exitTakeaway([
        { category: '巩固提升', households: 6, share: 0.6 },
        { category: '加大帮扶', households: 3, share: 0.3 },
        { category: '重点帮扶', households: 1, share: 0.1 },
      ]),
    ).toBe('10 户中，巩固提升最多（60%）；需重点帮扶 1 户。');
  });
  it('says so when there are no households', () => {
    expect(exitTakeaway([{ category: '巩固提升', households: 0, share: 0 }])).toBe(
      '暂无建档立卡户。',
    );
  });
});

describe('measuresTakeaway', () => {
  it('names the most used measure and its share of households', () => {
    expect(measuresTakeaway([{ measure: '教育帮扶', households: 3 }], 12)).toContain(
      '教育帮扶（3 户，占 25%）',
    );
  });
  it('says so when nothing is in use', () => {
    expect(measuresTakeaway([], 12)).toBe('暂无在用的帮扶措施。');
  });
});
