/**
 * Everything one village page shows, sliced out of grouped query results.
 * Pure: the rows go in, one `VillagePage` per village comes out, so 2,300
 * pages cost one pass over each result instead of a query each.
 */
import { CHANGE_TYPES, DIMENSIONS, EXIT_CATEGORIES, MEASURES } from '../../contract/enums.ts';
import { formatDate } from '../../render/format.ts';
import type { VillageRow } from '../../queries/places.ts';
import { compareIncomeBands } from '../../contract/incomeBands.ts';
import { groupBy } from '../shared/byStreet.ts';
import type { RectItem } from '../rectification/rectification.ts';
import type { AreaRegistration } from '../registration/registration.ts';
import type { ShortcomingRow as ShuangdaoShortcomingRow } from '../shuangdao/shuangdao.ts';
import type { ProjectItem, ShortcomingCoverageRow } from '../../queries/projects.ts';
import { indexPlaceProjects, type VillageProjects } from './placeProjects.ts';

/** One row of `registrationByArea(…, 'village' | 'street')`. */
export type RegistrationRow = AreaRegistration;
/** One row of `exitCategoryByArea(…)`. */
export type ExitAreaRow = {
  key: string;
  name: string;
  street: string;
  exit_category: string | null;
  households: number;
};
export type GapRow = {
  village_code: string;
  households: number;
  education_gap: number;
  medical_gap: number;
  housing_gap: number;
  any_gap: number;
};
export type MeasureRow = { village_code: string; measure: string; households: number };
export type IncomeRow = {
  village_code: string;
  income_band: string | null;
  exit_category: string | null;
  households: number;
};
/** One row of `changeCountsByVillage()`: changes of one type in one village (counts only). */
export type ChangeCountRow = { village_code: string; change_type: string; records: number };
/** One row of `shuangdaoMatrix(…)`. */
export type ShortcomingRow = ShuangdaoShortcomingRow;
/** One row of `rectificationsByPlace()`; village_code null = the whole street. */
export type RectificationRow = RectItem;

/**
 * Households and persons over the review: start + added − removed (+ other) = now.
 * Persons are null where they are not published (a village publishes only its
 * current 建档立卡 persons, and only with at least k households).
 */
export interface Registration {
  households: { start: number; added: number; removed: number; exited: number; now: number };
  persons: {
    start: number | null;
    added: number | null;
    removed: number | null;
    other: number | null;
    exited: number | null;
    now: number | null;
  };
}
export type ExitShare = { category: string; households: number; share: number };
/** A village's 三保障 gap counts, as `securityGapsByVillage` gives them (see securityRows). */
export type Gaps = Omit<GapRow, 'village_code'>;
/** Items by 整改状态; `overdue_open` = overdue and not done. */
export interface RectificationTotals {
  items: number;
  done: number;
  in_progress: number;
  not_started: number;
  overdue_open: number;
}
/** A row of the income-band table: the band, one count per exit category, the total. */
export type IncomeBandRow = { band: string; total: number } & Record<string, string | number>;

export interface VillagePage {
  village: VillageRow;
  registration: Registration;
  exits: ExitShare[];
  gaps: Gaps;
  measures: { measure: string; households: number }[];
  incomeBands: IncomeBandRow[];
  /** The village's households per income band × 脱贫成效分类, as queried (for incomeByCategory). */
  incomeRows: IncomeRow[];
  /** Changes per type (in the contract's order), types with changes only. */
  changeTypes: { change_type: string; records: number }[];
  shortcomings: ShortcomingRow[];
  rectifications: RectificationRow[];
  rectTotals: RectificationTotals;
  projects: VillageProjects;
}

export interface VillagePageInput {
  villages: readonly VillageRow[];
  registration: readonly RegistrationRow[];
  exits: readonly ExitAreaRow[];
  gaps: readonly GapRow[];
  measures: readonly MeasureRow[];
  incomes: readonly IncomeRow[];
  changes: readonly ChangeCountRow[];
  shortcomings: readonly ShortcomingRow[];
  rectifications: readonly RectificationRow[];
  /** Every project (projectItems, in place order) and the 双到 coverage (shortcomingCoverage). */
  projects: readonly ProjectItem[];
  coverage: readonly ShortcomingCoverageRow[];
}

/** A registration row (or none: an area without households) as start/added/removed/exited/now. */
export function toRegistration(r: RegistrationRow | undefined): Registration {
  return {
    households: {
      start: r?.households_start ?? 0,
      added: r?.households_added ?? 0,
      removed: r?.households_removed ?? 0,
      exited: r?.households_exited ?? 0,
      now: r?.households_now ?? 0,
    },
    persons: {
      start: r ? r.persons_start : 0,
      added: r ? r.persons_added : 0,
      removed: r ? r.persons_removed : 0,
      other: r ? r.persons_other : 0,
      exited: r ? r.persons_exited : 0,
      now: r ? r.persons_now : 0,
    },
  };
}

/** Households per exit category, every category present (0 when none), with its share. */
export function toExitShares(
  rows: readonly { exit_category: string | null; households: number }[],
): ExitShare[] {
  const total = rows.reduce((s, r) => s + (r.exit_category ? r.households : 0), 0);
  return EXIT_CATEGORIES.map((category) => {
    const households = rows
      .filter((r) => r.exit_category === category)
      .reduce((s, r) => s + r.households, 0);
    return { category, households, share: total > 0 ? households / total : 0 };
  });
}

/** Totals of a list of items by status. */
export function toRectificationTotals(items: readonly RectificationRow[]): RectificationTotals {
  const count = (p: (r: RectificationRow) => boolean) => items.filter(p).length;
  return {
    items: items.length,
    done: count((r) => r.status === '已完成'),
    in_progress: count((r) => r.status === '整改中'),
    not_started: count((r) => r.status === '未启动'),
    overdue_open: count((r) => r.overdue && r.status !== '已完成'),
  };
}

/** Income bands (low to high) × exit category, from one village's rows. */
export function toIncomeBandRows(rows: readonly IncomeRow[]): IncomeBandRow[] {
  const bands = [...new Set(rows.map((r) => r.income_band ?? '（未知）'))].sort(compareIncomeBands);
  return bands.map((band) => {
    const out: IncomeBandRow = { band, total: 0 };
    for (const c of EXIT_CATEGORIES) out[c] = 0;
    for (const r of rows) {
      if ((r.income_band ?? '（未知）') !== band) continue;
      const c = r.exit_category ?? '（未分类）';
      out[c] = Number(out[c] ?? 0) + r.households;
      out.total += r.households;
    }
    return out;
  });
}

/** Changes per type (in the contract's order), types with changes only. */
export function toChangeTypes(rows: readonly ChangeCountRow[]): VillagePage['changeTypes'] {
  return CHANGE_TYPES.map((change_type) => ({
    change_type,
    records: rows.filter((r) => r.change_type === change_type).reduce((s, r) => s + r.records, 0),
  })).filter((r) => r.records > 0);
}

/** Position in a fixed vocabulary (unknown values last). */
const orderIn = (list: readonly string[]) => (value: string) => {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
};
const measureOrder = orderIn(MEASURES);
const dimensionOrder = orderIn(DIMENSIONS);

/** One page per village, in the order of `input.villages`. */
export function buildVillagePages(input: VillagePageInput): VillagePage[] {
  const byCode = <T extends { village_code: string | null }>(rows: readonly T[]) =>
    groupBy(rows, (r) => r.village_code);
  const registration = new Map(input.registration.map((r) => [r.key, r]));
  const exits = groupBy(input.exits, (r) => r.key);
  const gaps = new Map(input.gaps.map((r) => [r.village_code, r]));
  const measures = byCode(input.measures);
  const incomes = byCode(input.incomes);
  const changes = byCode(input.changes);
  const shortcomings = byCode(input.shortcomings);
  const rectifications = byCode(input.rectifications);
  const projects = indexPlaceProjects(input.projects, input.coverage);

  return input.villages.map((village) => {
    const code = village.village_code;
    const g = gaps.get(code);
    const items = rectifications.get(code) ?? [];
    return {
      village,
      registration: toRegistration(registration.get(code)),
      exits: toExitShares(exits.get(code) ?? []),
      gaps: {
        households: g?.households ?? 0,
        education_gap: g?.education_gap ?? 0,
        medical_gap: g?.medical_gap ?? 0,
        housing_gap: g?.housing_gap ?? 0,
        any_gap: g?.any_gap ?? 0,
      },
      measures: (measures.get(code) ?? [])
        .map(({ measure, households }) => ({ measure, households }))
        .sort(
          (a, b) =>
            b.households - a.households || measureOrder(a.measure) - measureOrder(b.measure),
        ),
      incomeBands: toIncomeBandRows(incomes.get(code) ?? []),
      incomeRows: incomes.get(code) ?? [],
      changeTypes: toChangeTypes(changes.get(code) ?? []),
      shortcomings: (shortcomings.get(code) ?? [])
        .slice()
        .sort((a, b) => dimensionOrder(a.dimension) - dimensionOrder(b.dimension)),
      rectifications: items,
      rectTotals: toRectificationTotals(items),
      projects: projects.village(village),
    };
  });
}

/** Items split for reading: open ones (shown in full) and done ones (a compact table). */
export function splitByDone(items: readonly RectificationRow[]): {
  open: RectificationRow[];
  done: RectificationRow[];
} {
  return {
    open: items.filter((r) => r.status !== '已完成'),
    done: items.filter((r) => r.status === '已完成'),
  };
}

/** Table rows for done items: what, and when it was done — in time or late. */
export function doneItemRows(items: readonly RectificationRow[]) {
  return items.map((r) => ({
    issue_id: r.issue_id,
    problem: `${r.category}：${r.description}`,
    village_name: r.village_name ?? '全街道',
    responsible_unit: r.responsible_unit,
    completed: `${r.completed_date ? formatDate(r.completed_date) : '—'}（${r.overdue ? '逾期完成' : '按期'}）`,
  }));
}
