/**
 * Income against the poverty line, per 脱贫成效分类: the exit page's chart and
 * every village page's takeaway read the published income bands the same way.
 */
import { EXIT_CATEGORIES } from '../../contract/enums.ts';
import { orderIncomeBands, parseIncomeBand } from '../../contract/incomeBands.ts';
import type { Row } from '../../engine/engine.ts';
import { formatNumber, formatPercent } from '../../render/format.ts';
import { share, toNumber, toText } from './numbers.ts';

/** Per category, households per income band and how many sit below the poverty line. */
export type IncomeCategoryRow = {
  category: string;
  total: number;
  below: number;
  below_share: number;
} & Record<string, number | string>;

export interface IncomeByCategory {
  /** Band labels, lowest first. */
  bands: string[];
  /** The bands counted as below the line (their upper bound ≤ `limit`). */
  belowBands: string[];
  /** The largest band bound not above the poverty line: the line itself when it is a bound. */
  limit: number | null;
  rows: IncomeCategoryRow[];
}

/**
 * `incomeBands` rows (band × category) pivoted per category. Income is only
 * published as bands, so "below the line" means a band lying wholly below it;
 * when the line is not a band bound, the nearest lower bound is used (`limit`).
 */
export function incomeByCategory(rows: readonly Row[], povertyLine: number): IncomeByCategory {
  const bands = orderIncomeBands(rows.map((r) => toText(r.income_band)));
  const belowBands = bands.filter((b) => {
    const p = parseIncomeBand(b);
    return p !== null && p.hi <= povertyLine;
  });
  const his = belowBands.map((b) => parseIncomeBand(b)?.hi ?? -Infinity);
  const limit = his.length > 0 ? Math.max(...his) : null;
  const out = EXIT_CATEGORIES.map((category) => {
    const row = { category, total: 0, below: 0, below_share: 0 } as IncomeCategoryRow;
    for (const b of bands) row[b] = 0;
    for (const r of rows) {
      if (r.exit_category !== category) continue;
      const b = toText(r.income_band);
      row[b] = toNumber(row[b]) + toNumber(r.households);
      row.total += toNumber(r.households);
      if (belowBands.includes(b)) row.below += toNumber(r.households);
    }
    row.below_share = share(row.below, row.total);
    return row;
  });
  return { bands, belowBands, limit, rows: out };
}

/** One-line takeaway, e.g. "重点帮扶户中 78% 人均收入低于 4,000 元（贫困线）". */
export function incomeTakeaway(income: IncomeByCategory, povertyLine: number): string {
  const focus = income.rows.find((r) => r.category === '重点帮扶');
  const all = income.rows.reduce((a, r) => a + r.total, 0);
  if (all === 0) return '暂无收入数据。';
  if (income.limit === null)
    return `没有完全低于贫困线 ${formatNumber(povertyLine)} 元的收入段，无法按贫困线统计。`;
  const under = `低于 ${formatNumber(income.limit)} 元${income.limit === povertyLine ? '（贫困线）' : `（贫困线 ${formatNumber(povertyLine)} 元不是收入段边界）`}`;
  const below = income.rows.reduce((a, r) => a + r.below, 0);
  const head =
    focus && focus.total > 0
      ? `重点帮扶户中 ${formatPercent(focus.below_share, 0)} 人均可支配收入${under}`
      : `人均可支配收入${under}的有 ${formatNumber(below)} 户`;
  return `${head}；全部 ${formatNumber(all)} 户中为 ${formatPercent(share(below, all), 0)}。`;
}
