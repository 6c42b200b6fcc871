/**
 * The registration page's figures (attachments 1 and 5: 建档立卡情况, 户数人数变动),
 * derived from named-query results. Pure: the same functions serve the
 * prerendered page and, later, the browser.
 */
import { CHANGE_TYPES } from '../../contract/enums.ts';
import { formatDate, formatNumber, parseIsoDate } from '../../render/format.ts';
import type { WaterfallStep } from '../../render/charts/waterfallChart.ts';
import type { Row } from '../../engine/engine.ts';

import { toNumber, toText } from '../shared/numbers.ts';

/**
 * Households and persons of one area (street or village) at the start and now.
 * Households are always exact; persons are exact for streets and null for a
 * village, which publishes only its current 建档立卡 persons (and those only
 * with at least k households). A type alias, not an interface, so rows fit
 * TableRow's index signature.
 */
export type AreaRegistration = {
  key: string;
  name: string;
  street: string;
  households_start: number;
  households_added: number;
  households_removed: number;
  households_exited: number;
  households_now: number;
  persons_start: number | null;
  persons_added: number | null;
  persons_removed: number | null;
  /** Net of 人口增加 and 人口减少. */
  persons_other: number | null;
  persons_exited: number | null;
  persons_now: number | null;
};

const HOUSEHOLD_KEYS = [
  'households_start',
  'households_added',
  'households_removed',
  'households_exited',
  'households_now',
] as const;
const PERSON_KEYS = [
  'persons_start',
  'persons_added',
  'persons_removed',
  'persons_other',
  'persons_exited',
  'persons_now',
] as const;

/** A `registrationByArea` row: households a number (missing → 0), persons a number or null. */
export function toAreaRegistration(row: Row): AreaRegistration {
  const out = {
    key: toText(row.key),
    name: toText(row.name),
    street: toText(row.street),
  } as AreaRegistration;
  for (const k of HOUSEHOLD_KEYS) out[k] = toNumber(row[k]);
  for (const k of PERSON_KEYS)
    out[k] = row[k] === null || row[k] === undefined ? null : toNumber(row[k]);
  return out;
}

/** Column sums of area rows; a persons sum is null when any row's is. */
export function sumRegistration(rows: readonly AreaRegistration[]): AreaRegistration {
  const total = { key: '', name: '合计', street: '' } as AreaRegistration;
  for (const k of HOUSEHOLD_KEYS) total[k] = rows.reduce((a, r) => a + r[k], 0);
  for (const k of PERSON_KEYS)
    total[k] = rows.reduce<number | null>(
      (a, r) => (a === null || r[k] === null ? null : a + r[k]),
      0,
    );
  return total;
}

/** start + 新增纳入 − 清退 = now, for households. */
export function householdSteps(t: AreaRegistration): WaterfallStep[] {
  return [
    { label: '回头看开始时', value: t.households_start, kind: 'total' },
    { label: '新增纳入', value: t.households_added, kind: 'delta' },
    { label: '清退', value: -t.households_removed, kind: 'delta' },
    { label: '现有', value: t.households_now, kind: 'total' },
  ];
}

/** An area whose person counts are published (streets; a village publishes households only). */
type KnownPersons = AreaRegistration & {
  [
    K in 'persons_start' | 'persons_added' | 'persons_removed' | 'persons_other' | 'persons_now'
  ]: number;
};

function personsKnown(t: AreaRegistration): t is KnownPersons {
  const { persons_start, persons_added, persons_removed, persons_other, persons_now } = t;
  return [persons_start, persons_added, persons_removed, persons_other, persons_now].every(
    (n) => n !== null,
  );
}

/**
 * start + 新增纳入 − 清退 ± 人口增减 = now, for persons. `personsByType` (from
 * `changesByType`) splits 人口增加 and 人口减少; without it their net shows as one step.
 */
export function personSteps(t: AreaRegistration, personsByType?: readonly Row[]): WaterfallStep[] {
  if (!personsKnown(t)) return [];
  const steps: WaterfallStep[] = [
    { label: '回头看开始时', value: t.persons_start, kind: 'total' },
    { label: '新增纳入', value: t.persons_added, kind: 'delta' },
    { label: '清退', value: -t.persons_removed, kind: 'delta' },
  ];
  const of = (type: string) =>
    personsByType
      ?.filter((r) => r.change_type === type)
      .reduce((a, r) => a + toNumber(r.persons), 0) ?? 0;
  const up = of('人口增加');
  const down = of('人口减少');
  if (personsByType && up + down === t.persons_other) {
    steps.push({ label: '人口增加', value: up, kind: 'delta' });
    steps.push({ label: '人口减少', value: down, kind: 'delta' });
  } else {
    steps.push({ label: '人口增减', value: t.persons_other, kind: 'delta' });
  }
  steps.push({ label: '现有', value: t.persons_now, kind: 'total' });
  return steps;
}

/** "净增加 3 户" / "净减少 12 户" / "没有变化". */
function net(delta: number, unit: string): string {
  if (delta === 0) return '总数不变';
  return `净${delta > 0 ? '增加' : '减少'} ${formatNumber(Math.abs(delta))} ${unit}`;
}

/** One-line takeaway of the household waterfall. */
export function householdTakeaway(t: AreaRegistration): string {
  if (t.households_start === 0 && t.households_now === 0) return '暂无建档立卡户。';
  return (
    `回头看中新增纳入 ${formatNumber(t.households_added)} 户、清退 ${formatNumber(t.households_removed)} 户，` +
    `建档立卡户由 ${formatNumber(t.households_start)} 户变为 ${formatNumber(t.households_now)} 户（${net(t.households_now - t.households_start, '户')}）。`
  );
}

/**
 * One-line takeaway of the person waterfall: of a village (`place` 'village',
 * which publishes no person changes), or of a street or the district, whose
 * persons are null only where a street has too few households to publish them.
 */
export function personTakeaway(t: AreaRegistration, place: 'village' | 'area' = 'village'): string {
  if (!personsKnown(t))
    return place === 'area'
      ? '人数不全部公开：户数太少的街道、户级数据并入全区的村只公开户数（为保护隐私）。'
      : `村一级不公开人数的变动（为保护隐私，变动人数只按街道公开）${t.persons_now === null ? '' : `；现有建档立卡 ${formatNumber(t.persons_now)} 人`}。`;
  if (t.persons_start === 0 && t.persons_now === 0) return '暂无建档立卡人口。';
  return (
    `建档立卡人口由 ${formatNumber(t.persons_start)} 人变为 ${formatNumber(t.persons_now)} 人（${net(t.persons_now - t.persons_start, '人')}）：` +
    `新增纳入 +${formatNumber(t.persons_added)}，清退 −${formatNumber(t.persons_removed)}，家庭人口增减 ${t.persons_other >= 0 ? '+' : '−'}${formatNumber(Math.abs(t.persons_other))}。`
  );
}

/**
 * A week as "6月4日至10日" (or "6月25日至7月1日"), from its Monday; a week
 * running past `asOf` (the data's cut-off date) ends there: "7月16日至20日".
 */
export function weekLabel(monday: string, asOf?: string): string {
  const t = parseIsoDate(monday);
  if (t === null) return monday;
  const cutoff = asOf === undefined ? null : parseIsoDate(asOf);
  const sunday = t + 6 * 86_400_000;
  const end = new Date(cutoff !== null && cutoff >= t && cutoff < sunday ? cutoff : sunday);
  const start = new Date(t);
  if (end.getTime() === start.getTime()) return formatDate(monday, 'monthDay');
  const endText =
    end.getUTCMonth() === start.getUTCMonth()
      ? `${end.getUTCDate()}日`
      : `${end.getUTCMonth() + 1}月${end.getUTCDate()}日`;
  return `${formatDate(monday, 'monthDay')}至${endText}`;
}

/**
 * One week's change records, one count per change type. `label` is short
 * ("6月25日起") for chart rows, whose label column is sized from an estimate of
 * the text width; `range` is the full week for tables and sentences.
 */
export type WeekRow = { week: string; label: string; range: string; total: number } & Record<
  string,
  number | string
>;

/**
 * `changesOverTime` rows (week × type) pivoted to one row per week, weeks in
 * order, and the change types that occur (in the contract's order). `asOf`
 * ends the last week's label at the data's cut-off date.
 */
export function weeklyChanges(
  rows: readonly Row[],
  asOf?: string,
): { weeks: WeekRow[]; types: string[] } {
  const byWeek = new Map<string, WeekRow>();
  const seen = new Set<string>();
  for (const r of rows) {
    const week = toText(r.week);
    const type = toText(r.change_type);
    let row = byWeek.get(week);
    if (!row) {
      row = {
        week,
        label: `${formatDate(week, 'monthDay')}起`,
        range: weekLabel(week, asOf),
        total: 0,
      } as WeekRow;
      for (const t of CHANGE_TYPES) row[t] = 0;
      byWeek.set(week, row);
    }
    row[type] = toNumber(row[type]) + toNumber(r.records);
    row.total += toNumber(r.records);
    seen.add(type);
  }
  const known: readonly string[] = CHANGE_TYPES;
  const types = [
    ...CHANGE_TYPES.filter((t) => seen.has(t)),
    ...[...seen].filter((t) => !known.includes(t)).sort(),
  ];
  const weeks = [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  return { weeks, types };
}

/** One-line takeaway of the weekly changes: the total and the busiest week with its main type. */
export function weeklyTakeaway(weeks: readonly WeekRow[], types: readonly string[]): string {
  const total = weeks.reduce((a, w) => a + w.total, 0);
  if (total === 0) return '暂无户数人数变动记录。';
  const busiest = weeks.reduce((a, w) => (w.total > a.total ? w : a));
  const main = types.reduce(
    (a, t) => (toNumber(busiest[t]) > toNumber(busiest[a]) ? t : a),
    types[0] ?? '',
  );
  return (
    `共 ${formatNumber(total)} 条变动记录，分布在 ${formatNumber(weeks.length)} 周；` +
    `最多的是 ${busiest.range}（${formatNumber(busiest.total)} 条，以${main}为主，${formatNumber(toNumber(busiest[main]))} 条）。`
  );
}

/** One-line takeaway of added and removed households per area. */
export function areaChangeTakeaway(rows: readonly AreaRegistration[], unit: string): string {
  const added = rows.reduce<AreaRegistration | undefined>(
    (a, r) => (r.households_added > (a?.households_added ?? 0) ? r : a),
    undefined,
  );
  const removed = rows.reduce<AreaRegistration | undefined>(
    (a, r) => (r.households_removed > (a?.households_removed ?? 0) ? r : a),
    undefined,
  );
  if (!added && !removed) return `各${unit}均没有新增纳入或清退。`;
  const parts: string[] = [];
  if (removed)
    parts.push(`清退最多的是${removed.name}（${formatNumber(removed.households_removed)} 户）`);
  if (added)
    parts.push(`新增纳入最多的是${added.name}（${formatNumber(added.households_added)} 户）`);
  return parts.join('；') + '。';
}
