/**
 * The exit page's figures (attachment 2: 脱贫成效分类), derived from
 * named-query results. Pure: the same functions serve the prerendered page and,
 * later, the browser.
 */
import {
  EXIT_CATEGORIES,
  HOUSEHOLD_TYPES,
  LABOR_CAPACITIES,
  type ExitCategory,
} from '../../contract/enums.ts';
import { formatNumber, formatPercent } from '../../render/format.ts';
import type { HeatmapCell } from '../../render/charts/heatmapChart.ts';
import { HIDDEN_VALUE } from '../../queries/households.ts';
import type { Row } from '../../engine/engine.ts';
import { share, toNumber, toText } from '../shared/numbers.ts';
import { securityRows } from '../shared/securityRows.ts';

/** Households per category with shares, categories in the plan's order. */
export function exitTotals(
  rows: readonly Row[],
): { category: string; households: number; share: number }[] {
  const total = rows.reduce((a, r) => a + toNumber(r.households), 0);
  return EXIT_CATEGORIES.map((category) => {
    const households = rows
      .filter((r) => r.exit_category === category)
      .reduce((a, r) => a + toNumber(r.households), 0);
    return { category, households, share: share(households, total) };
  });
}

/** One area's households per category. */
export type ExitAreaRow = {
  key: string;
  name: string;
  street: string;
  total: number;
  /** Share of 重点帮扶 among the area's households. */
  focus_share: number;
} & Record<ExitCategory, number>;

/** `exitCategoryByArea` rows (area × category) pivoted to one row per area, in first-seen order. */
export function exitByArea(rows: readonly Row[]): ExitAreaRow[] {
  const byKey = new Map<string, ExitAreaRow>();
  for (const r of rows) {
    const key = toText(r.key);
    let row = byKey.get(key);
    if (!row) {
      row = {
        key,
        name: toText(r.name),
        street: toText(r.street),
        total: 0,
        focus_share: 0,
      } as ExitAreaRow;
      for (const c of EXIT_CATEGORIES) row[c] = 0;
      byKey.set(key, row);
    }
    const c = toText(r.exit_category);
    if ((EXIT_CATEGORIES as readonly string[]).includes(c))
      row[c as ExitCategory] += toNumber(r.households);
    row.total += toNumber(r.households);
  }
  const out = [...byKey.values()];
  for (const row of out) row.focus_share = share(row.重点帮扶, row.total);
  return out;
}

/** Each category's share of the area's households (for 100% bars' tables). */
export function exitShareRows(rows: readonly ExitAreaRow[]): Record<string, string | number>[] {
  return rows.map((r) => {
    const out: Record<string, string | number> = { key: r.key, name: r.name, total: r.total };
    for (const c of EXIT_CATEGORIES) out[c] = share(r[c], r.total);
    return out;
  });
}

/** One-line takeaway of categories by area: where 重点帮扶 weighs most. */
export function exitAreaTakeaway(rows: readonly ExitAreaRow[], unit: string): string {
  const total = rows.reduce((a, r) => a + r.total, 0);
  if (total === 0) return '暂无建档立卡户。';
  const focus = rows.reduce((a, r) => a + r.重点帮扶, 0);
  // The district's rows (key '') are no area to name.
  const areas = rows.some((r) => r.key !== '') ? rows.filter((r) => r.key !== '') : rows;
  const worst = areas.reduce((a, r) => (r.focus_share > a.focus_share ? r : a));
  if (focus === 0) return `${formatNumber(total)} 户中没有需重点帮扶的户。`;
  return (
    `需重点帮扶 ${formatNumber(focus)} 户（${formatPercent(share(focus, total))}）；` +
    `占比最高的${unit}是${worst.name}（${formatPercent(worst.focus_share)}，${formatNumber(worst.重点帮扶)} 户）。`
  );
}

/** One-line takeaway of the 三保障 gaps. */
export function securityTakeaway(gaps: Row | undefined): string {
  const total = toNumber(gaps?.households);
  if (total === 0) return '暂无建档立卡户。';
  const rows = securityRows(gaps);
  const any = rows[3]?.households ?? 0;
  if (any === 0) return `全部 ${formatNumber(total)} 户义务教育、基本医疗、住房安全均有保障。`;
  const worst = rows.slice(0, 3).reduce((a, r) => (r.households > a.households ? r : a));
  return (
    `${formatNumber(any)} 户（${formatPercent(share(any, total))}）至少一项"三保障"未落实；` +
    `缺口最多的是${worst.gap}（${formatNumber(worst.households)} 户）。`
  );
}

/** Measures in use with each one's share of households. */
export function measureRows(
  rows: readonly Row[],
  households: number,
): { measure: string; households: number; share: number }[] {
  return rows.map((r) => ({
    measure: toText(r.measure),
    households: toNumber(r.households),
    share: share(toNumber(r.households), households),
  }));
}

/** One-line takeaway of the measures: the most used and how many a household has on average. */
export function measureTakeaway(
  rows: readonly { measure: string; households: number; share: number }[],
  households: number,
): string {
  if (rows.length === 0 || households === 0) return '暂无帮扶措施数据。';
  const top = rows.reduce((a, r) => (r.households > a.households ? r : a));
  const uses = rows.reduce((a, r) => a + r.households, 0);
  return (
    `最常用的是${top.measure}，${formatNumber(top.households)} 户在用（${formatPercent(top.share)}）；` +
    `平均每户 ${formatNumber(uses / households, 1)} 项措施。`
  );
}

/** The label the `householdTypes` query gives a value blanked for k-anonymity. */
export const HIDDEN_LABEL = HIDDEN_VALUE;
/** How the chart and table show it: short enough for a heatmap header. */
export const HIDDEN_SHORT = '未公开';

/**
 * Household type × labour capacity as heatmap cells and table rows, in the
 * contract's order; values blanked for k-anonymity last, shown as `HIDDEN_SHORT`.
 */
export function typeMatrix(rows: readonly Row[]): {
  rows: string[];
  columns: string[];
  cells: HeatmapCell[];
  table: Record<string, string | number>[];
  hidden: number;
  total: number;
} {
  const order = (known: readonly string[], values: string[]) => [
    ...known.filter((k) => values.includes(k)),
    ...[...new Set(values)].filter((v) => !known.includes(v) && v !== HIDDEN_LABEL).sort(),
    ...(values.includes(HIDDEN_LABEL) ? [HIDDEN_LABEL] : []),
  ];
  const types = order(
    HOUSEHOLD_TYPES,
    rows.map((r) => toText(r.household_type)),
  );
  const labour = order(
    LABOR_CAPACITIES,
    rows.map((r) => toText(r.labor_capacity)),
  );
  const count = (t: string, l: string) =>
    rows
      .filter((r) => r.household_type === t && r.labor_capacity === l)
      .reduce((a, r) => a + toNumber(r.households), 0);
  const show = (v: string) => (v === HIDDEN_LABEL ? HIDDEN_SHORT : v);
  const cells = types.flatMap((t) =>
    labour.map((l) => ({ row: show(t), column: show(l), value: count(t, l) })),
  );
  const table = types.map((t) => {
    const row: Record<string, string | number> = { household_type: show(t) };
    let sum = 0;
    for (const l of labour) {
      row[show(l)] = count(t, l);
      sum += count(t, l);
    }
    row.total = sum;
    return row;
  });
  const hidden = rows
    .filter((r) => r.household_type === HIDDEN_LABEL || r.labor_capacity === HIDDEN_LABEL)
    .reduce((a, r) => a + toNumber(r.households), 0);
  const total = rows.reduce((a, r) => a + toNumber(r.households), 0);
  return { rows: types.map(show), columns: labour.map(show), cells, table, hidden, total };
}

/** One-line takeaway of type × labour capacity: share without labour capacity, and what is hidden. */
export function typeTakeaway(rows: readonly Row[]): string {
  const total = rows.reduce((a, r) => a + toNumber(r.households), 0);
  if (total === 0) return '暂无建档立卡户。';
  const known = rows.filter((r) => r.labor_capacity !== HIDDEN_LABEL);
  const knownTotal = known.reduce((a, r) => a + toNumber(r.households), 0);
  const without = known
    .filter((r) => r.labor_capacity === '无劳动能力')
    .reduce((a, r) => a + toNumber(r.households), 0);
  const hidden = total - knownTotal;
  return (
    `公开劳动能力的 ${formatNumber(knownTotal)} 户中 ${formatPercent(share(without, knownTotal))} 无劳动能力` +
    (hidden > 0 ? `；另有 ${formatNumber(hidden)} 户为保护隐私未公开劳动能力。` : '。')
  );
}
