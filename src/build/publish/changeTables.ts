/**
 * The change records (attachment 5) as published: never one by one. A
 * neighbour knows who joined and who was removed, so a single record — its
 * date, persons and reason — would tell them what the village did not post.
 * What is published instead:
 *  - change_counts: how many changes of each type per village and week (a count
 *    gives nobody away);
 *  - street_changes: records and persons per street and type (exact);
 *  - change_reasons: reason categories per closed period (a calendar month
 *    that ended before the as-of date), street and type, only where the
 *    street has at least k such changes in the month in more than one
 *    category; otherwise rolled up to the district, and withheld when even the
 *    district fails. Tallies that grow with every weekly publication would give
 *    away the categories of the events in between; a closed month's tallies
 *    are published once and then stay as they were. A month an earlier
 *    publication already tallied (`FrozenReasons`, from its record) is
 *    published exactly as then: records dated in it that arrived later are
 *    added as one count per type, category withheld (LATE_REASON).
 */
import {
  CHANGE_TYPES,
  UNCATEGORISED_REASON,
  type CHANGE_REASON_CATEGORIES,
} from '../../contract/enums.ts';
import type { HouseholdChange } from '../../contract/input/householdChanges.ts';
import type { ReasonCells } from '../../contract/privacyReport.ts';
import type { Village } from '../../contract/input/villages.ts';

type ChangeType = (typeof CHANGE_TYPES)[number];

/** The categories a reason tally may show, and what a withheld tally is called. */
export type ReasonLabel =
  | (typeof CHANGE_REASON_CATEGORIES)[number]
  | typeof UNCATEGORISED_REASON
  | typeof WITHHELD_REASON
  | typeof LATE_REASON;
export const WITHHELD_REASON = '不公开';
/** Records dated in a month an earlier publication already tallied: counted, category withheld. */
export const LATE_REASON = '补录（不公开）';

export interface ChangeCountRow {
  street: string;
  village_code: string;
  village_name: string;
  week_start: string;
  change_type: ChangeType;
  records: number;
}

export interface StreetChangeRow {
  /** null: the district remainder (villages whose households are counted only in the district). */
  street: string | null;
  change_type: ChangeType;
  records: number;
  persons: number;
}

export interface ChangeReasonRow {
  /** The closed month, YYYY-MM. */
  period: string;
  street: string | null;
  change_type: ChangeType;
  reason_category: ReasonLabel;
  records: number;
}

/** The reason tallies an earlier publication published (its record), and its as-of date. */
export interface FrozenReasons {
  as_of: string;
  rows: readonly ChangeReasonRow[];
}

/** The Monday of a YYYY-MM-DD date's week, as YYYY-MM-DD (dates are UTC calendar days). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** A change with the place of its household. */
export type PlacedChange = HouseholdChange & { village: Village };

export function changeCounts(changes: readonly PlacedChange[]): ChangeCountRow[] {
  const cells = new Map<string, ChangeCountRow>();
  for (const c of changes) {
    const week = weekStart(c.date);
    const key = `${c.village.village_code}|${week}|${c.change_type}`;
    const cell = cells.get(key);
    if (cell) cell.records += 1;
    else
      cells.set(key, {
        street: c.village.street,
        village_code: c.village.village_code,
        village_name: c.village.village_name,
        week_start: week,
        change_type: c.change_type,
        records: 1,
      });
  }
  return [...cells.values()];
}

/** Records and persons per area (as street_people counts the households) and type. */
export function streetChanges(
  changes: readonly PlacedChange[],
  areaOf: (village: Village) => string | null,
): StreetChangeRow[] {
  const cells = new Map<string, StreetChangeRow>();
  for (const c of changes) {
    const street = areaOf(c.village);
    const key = `${street ?? ''}|${c.change_type}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { street, change_type: c.change_type, records: 0, persons: 0 };
      cells.set(key, cell);
    }
    cell.records += 1;
    cell.persons += c.persons_delta;
  }
  return [...cells.values()];
}

/** Tallies of one area and type: good to show when ≥ k records in more than one category. */
function tally(changes: readonly PlacedChange[]): Map<ReasonLabel, number> {
  const out = new Map<ReasonLabel, number>();
  for (const c of changes) {
    const label: ReasonLabel = c.reason_category ?? UNCATEGORISED_REASON;
    out.set(label, (out.get(label) ?? 0) + 1);
  }
  return out;
}

const showable = (t: Map<ReasonLabel, number>, k: number) =>
  [...t.values()].reduce((a, n) => a + n, 0) >= k && t.size >= 2;

/** The month of a YYYY-MM-DD date. */
const monthOf = (date: string) => date.slice(0, 7);

/**
 * Whether a month (YYYY-MM) ended before `asOf`: its last day is earlier, so
 * no record dated in it can be missing for lack of time — only for lateness.
 */
export function isClosedMonth(month: string, asOf: string): boolean {
  return monthOf(asOf) > month;
}

/** One month's tallies under the k rule: by street, else rolled up, else withheld. */
function monthTallies(
  period: string,
  changes: readonly PlacedChange[],
  k: number,
  cells: ReasonCells,
): ChangeReasonRow[] {
  const rows: ChangeReasonRow[] = [];
  for (const type of CHANGE_TYPES) {
    const ofType = changes.filter((c) => c.change_type === type);
    if (ofType.length === 0) continue;
    const byStreet = new Map<string, PlacedChange[]>();
    for (const c of ofType) {
      const list = byStreet.get(c.village.street);
      if (list) list.push(c);
      else byStreet.set(c.village.street, [c]);
    }
    const rest: PlacedChange[] = [];
    for (const [street, list] of byStreet) {
      const t = tally(list);
      if (!showable(t, k)) {
        rest.push(...list);
        continue;
      }
      for (const [reason_category, records] of t)
        rows.push({ period, street, change_type: type, reason_category, records });
      cells.street += t.size;
    }
    if (rest.length === 0) continue;
    const t = tally(rest);
    if (showable(t, k)) {
      for (const [reason_category, records] of t)
        rows.push({ period, street: null, change_type: type, reason_category, records });
      cells.district += t.size;
    } else {
      rows.push({
        period,
        street: null,
        change_type: type,
        reason_category: WITHHELD_REASON,
        records: rest.length,
      });
      cells.withheld += 1;
    }
  }
  return rows;
}

/**
 * The change_reasons rows: every closed month before `asOf`, as an earlier
 * publication tallied it (`frozen`) or afresh; changes of the month still
 * open wait for it to close.
 */
export function changeReasons(
  changes: readonly PlacedChange[],
  k: number,
  asOf: string,
  frozen: FrozenReasons | null = null,
): { rows: ChangeReasonRow[]; cells: ReasonCells } {
  const cells: ReasonCells = {
    street: 0,
    district: 0,
    withheld: 0,
    periods: 0,
    frozen_periods: 0,
    late_records: 0,
  };
  const byMonth = new Map<string, PlacedChange[]>();
  for (const c of changes) {
    const month = monthOf(c.date);
    if (!isClosedMonth(month, asOf)) continue;
    const list = byMonth.get(month);
    if (list) list.push(c);
    else byMonth.set(month, [c]);
  }
  // Only months the earlier publication had closed, and only if it came before this one.
  const published = new Map<string, ChangeReasonRow[]>();
  if (frozen && frozen.as_of < asOf)
    for (const r of frozen.rows) {
      if (!isClosedMonth(r.period, frozen.as_of)) continue;
      const list = published.get(r.period);
      if (list) list.push(r);
      else published.set(r.period, [r]);
    }
  const months = [...new Set([...byMonth.keys(), ...published.keys()])].sort();
  const rows: ChangeReasonRow[] = [];
  for (const period of months) {
    const list = byMonth.get(period) ?? [];
    cells.periods = (cells.periods ?? 0) + 1;
    const then = published.get(period);
    if (!then) {
      rows.push(...monthTallies(period, list, k, cells));
      continue;
    }
    cells.frozen_periods = (cells.frozen_periods ?? 0) + 1;
    const tallied = then.filter((r) => r.reason_category !== LATE_REASON);
    rows.push(...tallied.map((r) => ({ ...r })));
    // Records that arrived after the month was published: how many per type, nothing more.
    // (Records removed since stay in the tallies as published; street_changes has the totals.)
    for (const type of CHANGE_TYPES) {
      const counted = tallied
        .filter((r) => r.change_type === type)
        .reduce((n, r) => n + r.records, 0);
      const late = list.filter((c) => c.change_type === type).length - counted;
      if (late <= 0) continue;
      rows.push({
        period,
        street: null,
        change_type: type,
        reason_category: LATE_REASON,
        records: late,
      });
      cells.late_records = (cells.late_records ?? 0) + late;
    }
  }
  return { rows, cells };
}
