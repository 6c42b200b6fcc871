import { describe, expect, it } from 'vitest';
import { money } from '../../../src/contract/input/cells.ts';

/** The value, or the message and Frictionless code of the one issue. */
function cell(schema: ReturnType<typeof money>, raw: string): number | string {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const [issue] = r.error.issues;
  return `${issue?.message} [${(issue as { params?: { code?: string } }).params?.code}]`;
}

describe('money cells (万元)', () => {
  const budget = money({ positive: true });
  const disbursed = money();

  it('accepts plain numbers with up to two decimals, normalising separators and full-width digits', () => {
    expect(
      ['12.5', '85', '0.01', '1,085.50', '１２.５', ' 12.5 ', '12.500'].map((v) =>
        cell(budget, v.trim()),
      ),
    ).toEqual([12.5, 85, 0.01, 1085.5, 12.5, 12.5, 12.5]);
    expect(cell(disbursed, '0')).toBe(0);
  });

  it('refuses an amount with a unit and says what to write instead', () => {
    expect(
      ['12.5万', '12.5 万元', '１２.５万元', '125,000元', '1,234元', '1.2亿'].map((v) =>
        cell(budget, v),
      ),
    ).toMatchInlineSnapshot(`
        [
          "金额以万元为单位填写纯数字："12.5万" 应写作 12.5 [type-error]",
          "金额以万元为单位填写纯数字："12.5 万元" 应写作 12.5 [type-error]",
          "金额以万元为单位填写纯数字："１２.５万元" 应写作 12.5 [type-error]",
          "金额以万元为单位填写纯数字："125,000元" 即 12.5 万元，应写作 12.5 [type-error]",
          "金额以万元为单位填写纯数字："1,234元" 即 0.1234 万元，应写作 0.12（最多两位小数） [type-error]",
          "金额以万元为单位填写纯数字："1.2亿" 即 12000 万元，应写作 12000 [type-error]",
        ]
      `);
  });

  it('refuses more than two decimals, zero or negative budgets, negative disbursements and text', () => {
    expect([
      cell(budget, '85.125'),
      cell(budget, '0'),
      cell(budget, '-3'),
      cell(disbursed, '-0.5'),
      cell(budget, '约12万'),
      cell(budget, '¥12.5'),
    ]).toMatchInlineSnapshot(`
      [
        "金额（万元）最多两位小数（精确到百元），实际为 85.125 [constraint-error]",
        "应大于 0，实际为 0 [constraint-error]",
        "应大于 0，实际为 -3 [constraint-error]",
        "应不小于 0，实际为 -0.5 [constraint-error]",
        "应为以万元为单位的金额（纯数字，如 12.5），实际为 "约12万" [type-error]",
        "应为以万元为单位的金额（纯数字，如 12.5），实际为 "¥12.5" [type-error]",
      ]
    `);
  });

  it('says an empty cell needs an amount, and that no disbursement is 0', () => {
    expect([cell(budget, ''), cell(disbursed, '')]).toMatchInlineSnapshot(`
      [
        "不能为空，应为大于 0 的金额（万元） [constraint-error]",
        "不能为空，应为金额（万元）；没有时填 0 [constraint-error]",
      ]
    `);
  });
});
