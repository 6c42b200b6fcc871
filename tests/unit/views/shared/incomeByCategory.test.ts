import { describe, expect, it } from 'vitest';
import { incomeByCategory, incomeTakeaway } from '../../../../src/views/shared/incomeByCategory.ts';

describe('incomeByCategory', () => {
  const rows = [
    { income_band: '4000–6000', exit_category: '重点帮扶', households: 2 },
    { income_band: '<4000', exit_category: '重点帮扶', households: 8 },
    { income_band: '≥6000', exit_category: '巩固提升', households: 9 },
    { income_band: '<4000', exit_category: '巩固提升', households: 1 },
  ];

  it('counts households in bands wholly below the poverty line, per category', () => {
    const income = incomeByCategory(rows, 4000);
    expect(income.bands).toEqual(['<4000', '4000–6000', '≥6000']);
    expect(income.belowBands).toEqual(['<4000']);
    expect(income.limit).toBe(4000);
    const focus = income.rows.find((r) => r.category === '重点帮扶');
    expect(focus).toMatchObject({ total: 10, below: 8, '<4000': 8, '4000–6000': 2 });
    expect(focus?.below_share).toBeCloseTo(0.8);
  });

  it('says what share of 重点帮扶 households is below the line', () => {
    const income = incomeByCategory(rows, 4000);
    expect(incomeTakeaway(income, 4000)).toBe(
      '重点帮扶户中 80% 人均可支配收入低于 4,000 元（贫困线）；全部 20 户中为 45%。',
    );
  });

  it('reads the line from its argument: a line between bounds uses the nearest lower bound and says so', () => {
    const income = incomeByCategory(rows, 5000);
    expect(income.limit).toBe(4000);
    expect(incomeTakeaway(income, 5000)).toContain('贫困线 5,000 元不是收入段边界');
    const higher = incomeByCategory(rows, 6000);
    expect(higher.belowBands).toEqual(['<4000', '4000–6000']);
    expect(incomeTakeaway(higher, 6000)).toContain(
      '重点帮扶户中 100% 人均可支配收入低于 6,000 元（贫困线）',
    );
  });

  it('says so when no band lies below the line', () => {
    expect(incomeTakeaway(incomeByCategory(rows, 3000), 3000)).toContain('无法按贫困线统计');
  });
});
