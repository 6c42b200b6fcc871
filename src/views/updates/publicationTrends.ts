/**
 * The /updates/ page's data from publication records: trends across
 * publications (rows, line series, one-line takeaways) and each record's
 * figures as small tables. Pure.
 */
import { lineChart, type LineSeries } from '../../render/charts/lineChart.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { columns, type TableColumn } from '../../render/html/table.ts';
import { figure, type FigureView } from '../shared/topicView.ts';
import { formatDate, formatNumber } from '../../render/format.ts';
import { DIMENSIONS, EXIT_CATEGORIES, HOUSEHOLD_STATUSES } from '../../contract/enums.ts';
import type {
  ProjectFigures,
  PublicationFigures,
  PublicationRecord,
} from '../../contract/publicationRecord.ts';
import { orderedKeys, registered } from './publications.ts';

/** One row per publication (oldest first) with the figures the trend charts draw. */
export interface TrendRow {
  as_of: string;
  households: number;
  /** Null when the publication withholds some persons. */
  persons: number | null;
  items: number;
  done: number;
  overdue_open: number;
  /** Households per 脱贫成效分类, keyed by category. */
  [category: string]: string | number | null;
}

/** The exit categories present in any record, in the contract's order. */
export function exitCategoriesOf(records: readonly PublicationRecord[]): string[] {
  return orderedKeys(EXIT_CATEGORIES, ...records.map((r) => r.figures.households_by_exit_category));
}

/** The trend table: one row per publication, in the order given. */
export function trendRows(records: readonly PublicationRecord[]): TrendRow[] {
  const categories = exitCategoriesOf(records);
  return records.map((r) => {
    const reg = registered(r.figures);
    const row: TrendRow = {
      as_of: r.as_of,
      households: reg.households,
      persons: reg.persons,
      items: r.figures.rectifications.items,
      done: r.figures.rectifications.done,
      overdue_open: r.figures.rectifications.overdue_open,
    };
    for (const c of categories) row[c] = r.figures.households_by_exit_category[c] ?? 0;
    return row;
  });
}

/** Line series for lineChart: rectification progress, and households per exit category. */
export function trendSeries(records: readonly PublicationRecord[]): {
  rectifications: LineSeries[];
  exitCategories: LineSeries[];
} {
  const rows = trendRows(records);
  const series = (name: string, key: string): LineSeries => ({
    name,
    points: rows.map((r) => ({ date: r.as_of, value: Number(r[key] ?? 0) })),
  });
  return {
    rectifications: [
      series('发现问题', 'items'),
      series('已完成', 'done'),
      series('逾期未完成', 'overdue_open'),
    ],
    exitCategories: exitCategoriesOf(records).map((c) => series(c, c)),
  };
}

/** One-line takeaways for the two trend charts (records oldest first; at least one). */
export function trendTakeaways(records: readonly PublicationRecord[]): {
  rectifications: string;
  exitCategories: string;
} {
  const rows = trendRows(records);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last)
    return { rectifications: '暂无发布记录。', exitCategories: '暂无发布记录。' };
  const span = `从${formatDate(first.as_of)}到${formatDate(last.as_of)}`;
  const moved = exitCategoriesOf(records)
    .map((c) => ({ c, a: Number(first[c] ?? 0), b: Number(last[c] ?? 0) }))
    .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a))[0];
  return {
    rectifications: `${span}，整改已完成由 ${formatNumber(first.done)} 项变为 ${formatNumber(last.done)} 项（共发现 ${formatNumber(last.items)} 项），逾期未完成 ${formatNumber(last.overdue_open)} 项。`,
    exitCategories: moved
      ? `${span}，变化最大的是${moved.c}：由 ${formatNumber(moved.a)} 户变为 ${formatNumber(moved.b)} 户。`
      : `${span}，没有脱贫成效分类数据。`,
  };
}

/** The two trend figures: rectification progress, and households per exit category (at least two records). */
export function trendFigures(records: readonly PublicationRecord[]): FigureView[] {
  const rows = trendRows(records);
  const series = trendSeries(records);
  const takeaways = trendTakeaways(records);
  const asOf: TableColumn = { key: 'as_of', label: '数据截止日期', format: 'date' };
  return [
    figure('updates-rectifications', {
      chartId: 'updates-rectifications-chart',
      title: '历次发布的问题整改进度',
      takeaway: takeaways.rectifications,
      chart: (name) =>
        lineChart(series.rectifications, {
          ...name,
          width: CHART_WIDTH,
          format: (n: number) => `${formatNumber(n)} 项`,
        }),
      columns: [
        asOf,
        ...columns({ items: '发现问题', done: '已完成', overdue_open: '逾期未完成' }, 'number'),
      ],
      rows,
    }),
    figure('updates-exit', {
      chartId: 'updates-exit-chart',
      title: '历次发布的各脱贫成效分类户数',
      takeaway: takeaways.exitCategories,
      chart: (name) => lineChart(series.exitCategories, { ...name, width: CHART_WIDTH }),
      columns: [
        asOf,
        ...exitCategoriesOf(records).map((c) => ({ key: c, label: c, format: 'number' as const })),
      ],
      rows,
    }),
  ];
}

/**
 * One line for a publication: `建档立卡 1,446 户、4,683 人；整改已完成 83 / 120 项，逾期未完成 20 项；
 * 资金项目 585 个，已拨付 15,884.44 / 35,728.2 万元。`
 */
export function recordSummary(record: PublicationRecord): string {
  const reg = registered(record.figures);
  const r = record.figures.rectifications;
  const p = record.figures.projects;
  const projects = p
    ? `；资金项目 ${formatNumber(p.projects)} 个，已拨付 ${formatNumber(p.disbursed_wan, 2)} / ${formatNumber(p.budget_wan, 2)} 万元`
    : '';
  const persons = reg.persons === null ? '人数部分不公开' : `${formatNumber(reg.persons)} 人`;
  return `建档立卡 ${formatNumber(reg.households)} 户、${persons}；整改已完成 ${formatNumber(r.done)} / ${formatNumber(r.items)} 项，逾期未完成 ${formatNumber(r.overdue_open)} 项${projects}。`;
}

/** A small table of one record's figures. */
export interface FigureTable {
  id: string;
  title: string;
  rows: { label: string; value: number; unit: string }[];
}

/** The rectification table of a record: its rows' labels and figures (items). */
const RECTIFICATION_ROWS = [
  ['发现问题', 'items'],
  ['已完成', 'done'],
  ['整改中', 'in_progress'],
  ['未启动', 'not_started'],
  ['逾期未完成', 'overdue_open'],
  ['逾期（含逾期完成）', 'overdue'],
] as const satisfies readonly (readonly [string, keyof PublicationFigures['rectifications']])[];

/** The projects table of a record: label, figure, unit. */
const PROJECT_ROWS = [
  ['项目', 'projects', '个'],
  ['已完工或已验收', 'done', '个'],
  ['计划资金', 'budget_wan', '万元'],
  ['已拨付', 'disbursed_wan', '万元'],
  ['受益贫困户（户次）', 'beneficiaries', '户次'],
] as const satisfies readonly (readonly [string, keyof ProjectFigures, string])[];

/** One record's figures as small tables: register, exit categories, rectification, 双到, and projects if it has them. */
export function recordFigureTables(record: PublicationRecord): FigureTable[] {
  const f = record.figures;
  const reg = registered(f);
  const status = orderedKeys(HOUSEHOLD_STATUSES, f.people_by_status);
  const projects = f.projects;
  return [
    {
      id: 'register',
      title: '建档立卡',
      rows: [
        { label: '建档立卡户数', value: reg.households, unit: '户' },
        ...(reg.persons === null
          ? []
          : [{ label: '建档立卡人数', value: reg.persons, unit: '人' }]),
        ...status
          .filter((s) => f.people_by_status[s])
          .map((s) => ({
            label: `${s}户数`,
            value: f.people_by_status[s]?.households ?? 0,
            unit: '户',
          })),
        { label: '新增纳入（累计）', value: f.changes.households_added, unit: '户' },
        { label: '清退（累计）', value: f.changes.households_removed, unit: '户' },
      ],
    },
    {
      id: 'exit',
      title: '脱贫成效分类',
      rows: orderedKeys(EXIT_CATEGORIES, f.households_by_exit_category).map((c) => ({
        label: c,
        value: f.households_by_exit_category[c] ?? 0,
        unit: '户',
      })),
    },
    {
      id: 'rectification',
      title: '问题整改',
      rows: RECTIFICATION_ROWS.map(([label, key]) => ({
        label,
        value: f.rectifications[key],
        unit: '项',
      })),
    },
    {
      id: 'shuangdao',
      title: '“双到”村短板（未建立长效机制的村数）',
      rows: [
        { label: '“双到”村', value: f.shuangdao_villages, unit: '个' },
        ...orderedKeys(DIMENSIONS, f.shuangdao_villages_with_gap).map((d) => ({
          label: d,
          value: f.shuangdao_villages_with_gap[d] ?? 0,
          unit: '个',
        })),
      ],
    },
    ...(projects
      ? [
          {
            id: 'projects',
            title: '资金项目',
            rows: PROJECT_ROWS.map(([label, key, unit]) => ({
              label,
              value: projects[key],
              unit,
            })),
          },
        ]
      : []),
  ];
}
