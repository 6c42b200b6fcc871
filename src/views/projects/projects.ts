/**
 * The 资金项目 page's figures, derived from named-query results: totals, funds
 * by street, village, 项目类型 and 资金来源, progress by plan year, and their
 * one-line takeaways. Pure: the same functions serve the prerendered page, the
 * place pages and the browser.
 */
import { PROJECT_DONE_STATUSES, PROJECT_STATUSES } from '../../contract/enums.ts';
import type { Row } from '../../engine/engine.ts';
import type { ProjectDim } from '../../queries/projects.ts';
import { formatNumber, formatPercent, formatWanYuan } from '../../render/format.ts';
import { columns, type TableColumn } from '../../render/html/table.ts';
import { share, toNumber, toText } from '../shared/numbers.ts';

/** Money in charts and sentences: 万元 up to 1 亿, then 亿元 (two decimals: 3.57亿元). */
export const formatMoney = (wan: number): string => formatWanYuan(wan, 2);

/** Projects and funds of some projects. */
export interface FundSums {
  projects: number;
  budget_wan: number;
  disbursed_wan: number;
  /** Planned but not yet paid. */
  undisbursed_wan: number;
  /** 拨付率: disbursed / planned. */
  paid_share: number;
  /** 受益贫困户数 summed over the projects (户次: a household may count in several). */
  beneficiaries: number;
}

/** Projects and funds of one group (a street, a 项目类型, …): a chart's bar, a table's row. */
export interface FundRow extends FundSums {
  [key: string]: string | number;
  /** The group's value (a street name, a code, a type); '' for district-wide projects. */
  key: string;
  /** How the group is shown. */
  name: string;
}

/** One group's sums as a FundRow. */
export function toFundRow(key: string, name: string, r: Row | undefined): FundRow {
  const budget = toNumber(r?.budget_wan);
  const disbursed = toNumber(r?.disbursed_wan);
  return {
    key,
    name,
    projects: toNumber(r?.projects),
    budget_wan: budget,
    disbursed_wan: disbursed,
    undisbursed_wan: Math.max(0, roundMoney(budget - disbursed)),
    paid_share: share(disbursed, budget),
    beneficiaries: toNumber(r?.beneficiaries),
  };
}

/** Rounded to 0.01 万元 (the amounts' precision): differences and sums of exact amounts stay exact. */
const roundMoney = (wan: number) => Math.round(wan * 100) / 100;

/**
 * The sums of a list of projects (a village's, a street's), added in
 * hundredths of 万元 so they are as exact as the SQL's DECIMAL sums.
 */
export function sumProjects(
  items: readonly { budget_wan: number; disbursed_wan: number; beneficiary_households: number }[],
): FundSums {
  const cents = (wan: number) => Math.round(wan * 100);
  const budget = items.reduce((a, p) => a + cents(p.budget_wan), 0) / 100;
  const disbursed = items.reduce((a, p) => a + cents(p.disbursed_wan), 0) / 100;
  return {
    projects: items.length,
    budget_wan: budget,
    disbursed_wan: disbursed,
    undisbursed_wan: roundMoney(budget - disbursed),
    paid_share: share(disbursed, budget),
    beneficiaries: items.reduce((a, p) => a + p.beneficiary_households, 0),
  };
}

/** The whole selection's figures. */
export interface ProjectTotals extends FundSums {
  /** Projects by 项目状态. */
  byStatus: Record<string, number>;
  /** 已完工 or 已验收. */
  done: number;
  /** Projects showing each finding. */
  ahead: number;
  behind: number;
  no_beneficiaries: number;
}

/** projectBreakdown rows of one dim. */
const ofDim = (rows: readonly Row[], dim: ProjectDim) => rows.filter((r) => r.dim === dim);

/** The totals: the 'all' row and the statuses of `projectBreakdown`. */
export function projectTotals(rows: readonly Row[]): ProjectTotals {
  const all = ofDim(rows, 'all')[0];
  const byStatus = Object.fromEntries(
    PROJECT_STATUSES.map((s) => [
      s,
      toNumber(ofDim(rows, 'status').find((r) => r.key === s)?.projects),
    ]),
  );
  return {
    ...toFundRow('', '合计', all),
    byStatus,
    done: PROJECT_DONE_STATUSES.reduce((a, s) => a + (byStatus[s] ?? 0), 0),
    ahead: toNumber(all?.ahead),
    behind: toNumber(all?.behind),
    no_beneficiaries: toNumber(all?.no_beneficiaries),
  };
}

/**
 * One FundRow per group of `dim` (项目类型, 资金来源): the values of `order`
 * first, in that order, then any other the data has, by name; groups without
 * projects left out.
 */
export function fundRowsOf(
  rows: readonly Row[],
  dim: 'category' | 'fund_source',
  order: readonly string[],
): FundRow[] {
  const present = ofDim(rows, dim).map((r) => toText(r.key));
  const keys = [
    ...order.filter((k) => present.includes(k)),
    ...present.filter((k) => !order.includes(k)).sort(),
  ];
  return keys.map((k) =>
    toFundRow(
      k,
      k,
      ofDim(rows, dim).find((r) => r.key === k),
    ),
  );
}

/** A table of FundRows (or rows with the same sums), the group's name under `nameKey`. */
export const fundColumns = (label: string, nameKey = 'name'): TableColumn[] => [
  { key: nameKey, label },
  { key: 'projects', label: '项目', format: 'number' },
  ...columns({ budget_wan: '计划资金（万元）', disbursed_wan: '已拨付（万元）' }, 'money'),
  { key: 'paid_share', label: '拨付率', format: 'percent' },
  { key: 'beneficiaries', label: '受益贫困户（户次）', format: 'number' },
];

/** What district-wide projects (no street) are called where streets are listed. */
export const DISTRICT_WIDE = '全区项目';

/**
 * projectsByStreet rows → one FundRow per street of `streetOrder` (0 where
 * none), then any other street, then district-wide projects if there are any.
 */
export function streetFundRows(rows: readonly Row[], streetOrder: readonly string[]): FundRow[] {
  const byStreet = new Map(rows.map((r) => [r.street === null ? null : toText(r.street), r]));
  const others = [...byStreet.keys()].filter(
    (s): s is string => s !== null && !streetOrder.includes(s),
  );
  const district = byStreet.get(null);
  return [
    ...[...streetOrder, ...others].map((s) => toFundRow(s, s, byStreet.get(s))),
    ...(district ? [toFundRow('', DISTRICT_WIDE, district)] : []),
  ];
}

/** A village's projects and funds (projectsByVillage), with its street and code. */
export type VillageFundRow = FundRow & { street: string; village_code: string };

export function villageFundRows(rows: readonly Row[]): VillageFundRow[] {
  return rows.map((r) => ({
    ...toFundRow(toText(r.village_code), toText(r.village_name), r),
    street: toText(r.street),
    village_code: toText(r.village_code),
  }));
}

/** One plan year's projects by status (counts), statuses in their order. */
export type YearStatusRow = { year: string; total: number } & Record<string, string | number>;

/** projectBreakdown's 'year' rows → one row per plan year, oldest first. */
export function yearStatusRows(rows: readonly Row[]): YearStatusRow[] {
  const years = [...new Set(ofDim(rows, 'year').map((r) => toText(r.key)))].sort();
  return years.map((year) => {
    const out: YearStatusRow = { year, total: 0 };
    for (const s of PROJECT_STATUSES) {
      const n = toNumber(
        ofDim(rows, 'year').find((r) => r.key === year && r.status === s)?.projects,
      );
      out[s] = n;
      out.total += n;
    }
    return out;
  });
}

/** "计划资金 X，已拨付 Y（p%）" — a group's funds in one phrase. */
export function fundsPhrase(r: Pick<FundRow, 'budget_wan' | 'disbursed_wan'>): string {
  return `计划资金 ${formatMoney(r.budget_wan)}，已拨付 ${formatMoney(r.disbursed_wan)}（${formatPercent(share(r.disbursed_wan, r.budget_wan))}）`;
}

/** "X 的计划资金最多（a，占 p%）；拨付率最低的是 Y（q%）。" — `noun` names the grouping. */
export function fundsTakeaway(rows: readonly FundRow[], noun: string): string {
  const funded = rows.filter((r) => r.budget_wan > 0);
  const total = funded.reduce((a, r) => a + r.budget_wan, 0);
  if (funded.length === 0) return '没有符合条件的项目。';
  const top = funded.reduce((a, r) => (r.budget_wan > a.budget_wan ? r : a));
  const head = `按${noun}，${top.name}的计划资金最多（${formatMoney(top.budget_wan)}，占 ${formatPercent(share(top.budget_wan, total))}）`;
  if (funded.length === 1) return `${head}；拨付率 ${formatPercent(top.paid_share)}。`;
  const low = funded.reduce((a, r) => (r.paid_share < a.paid_share ? r : a));
  return `${head}；拨付率最低的是${low.name}（${formatPercent(low.paid_share)}）。`;
}

/** "585 个项目中已完工或已验收 204 个（34.9%），在建 126 个，未开工 255 个。" */
export function statusTakeaway(t: ProjectTotals): string {
  if (t.projects === 0) return '没有符合条件的项目。';
  const n = (s: string) => formatNumber(t.byStatus[s] ?? 0);
  return (
    `${formatNumber(t.projects)} 个项目中已完工或已验收 ${formatNumber(t.done)} 个（${formatPercent(share(t.done, t.projects))}），` +
    `在建 ${n('在建')} 个，未开工 ${n('未开工')} 个。`
  );
}

/** A point of the cumulative started / finished lines. */
export interface StartedPoint {
  [key: string]: string | number;
  date: string;
  started: number;
  finished: number;
}

/**
 * projectTimeline rows (cumulative, one per month with events) → points, the
 * last extended to the as-of date so the lines end where the data does.
 */
export function timelinePoints(rows: readonly Row[], asOf: string): StartedPoint[] {
  const points = rows
    .map((r) => ({
      date: toText(r.date),
      started: toNumber(r.started),
      finished: toNumber(r.finished),
    }))
    .filter((p) => p.date !== '' && p.date <= asOf);
  const last = points.at(-1);
  return last && last.date < asOf ? [...points, { ...last, date: asOf }] : points;
}

/** "截至 D，已开工 N 个、已完工 M 个；近 12 个月开工 a 个、完工 b 个。" */
export function timelineTakeaway(points: readonly StartedPoint[], asOf: string): string {
  const last = points.at(-1);
  if (!last || last.started === 0) return '还没有开工的项目。';
  const yearBefore = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const before = points.filter((p) => p.date <= yearBefore).at(-1);
  const recent = before
    ? `；近 12 个月开工 ${formatNumber(last.started - before.started)} 个、完工 ${formatNumber(last.finished - before.finished)} 个`
    : '';
  return `已开工 ${formatNumber(last.started)} 个项目，其中已完工 ${formatNumber(last.finished)} 个${recent}。`;
}

/** "N 个村中 k 个没有任何项目；计划资金最多的是 X（a）。" */
export function villagesTakeaway(rows: readonly VillageFundRow[]): string {
  if (rows.length === 0) return '没有符合条件的村。';
  const without = rows.filter((r) => r.projects === 0).length;
  const top = rows.reduce((a, r) => (r.budget_wan > a.budget_wan ? r : a));
  const head =
    without > 0
      ? `${formatNumber(rows.length)} 个村中 ${formatNumber(without)} 个没有符合条件的项目`
      : `${formatNumber(rows.length)} 个村都有项目`;
  return top.budget_wan > 0
    ? `${head}；计划资金最多的是${top.name}（${formatMoney(top.budget_wan)}，${formatNumber(top.projects)} 个项目）。`
    : `${head}。`;
}
