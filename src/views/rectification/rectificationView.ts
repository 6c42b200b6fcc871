/**
 * The 问题整改 page (/rectification/) for one filter state and one state of
 * its items list (search, order, page): its named queries and everything it
 * shows. Used by the page at build time (nothing set) and by the browser.
 */
import {
  RECT_SORTS,
  RECTIFICATION_FILTERS,
  rectificationBreakdown,
  rectificationItemCount,
  rectificationItems,
  rectificationOverdueByUnit,
  rectificationProgress,
  type BreakdownDim,
  type RectSortKey,
} from '../../queries/rectifications.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import type { Row } from '../../engine/engine.ts';
import type { CsvColumn } from '../../render/charts/chartDataCsv.ts';
import { barChart, stackedBarChart } from '../../render/charts/index.ts';
import { formatNumber, formatShare } from '../../render/format.ts';
import { SOURCE_LEVELS } from '../../contract/enums.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { url } from '../../render/nav.ts';
import { columns, type TableColumn } from '../../render/html/table.ts';
import { escapeHtml } from '../../render/html/tableHtml.ts';
import type { ListState } from '../shared/urlState.ts';
import { listCsv, listOptions, renderPagedList, type PagedListSpec } from '../shared/pagedList.ts';
import { RECT_COLUMNS, renderRectificationTableHtml } from './rectificationTableHtml.ts';
import {
  RECT_PAGE_SIZE,
  STATUS_COLORS,
  STATUS_SERIES,
  breakdownTotals,
  buildStatusStack,
  progressTakeaway,
  RECT_PATH,
  statusTakeaway,
  thinProgress,
  unitTakeaway,
  type RectItem,
} from './rectification.ts';
import { block, figure, text, toggle, type TopicView } from '../shared/topicView.ts';
import type { QueryResults, QuerySet, TopicSpec } from '../shared/topicSpec.ts';
import { toNumber } from '../shared/numbers.ts';
import { cumulativeFigure } from '../shared/cumulativeFigure.ts';

export interface RectificationContext {
  asOf: string;
}

/** The /rectification/ page's parts, by name. */
export type RectificationView = TopicView<
  'bySource' | 'byLevel' | 'byCategory' | 'progress' | 'overdueUnits',
  'overdueList' | 'itemsList',
  'itemsNote',
  'overdueNone' | 'overdueDetail'
>;

/** The page offers every filter its queries take. */
export const RECTIFICATION_FILTER_KEYS: readonly FilterKey[] = RECTIFICATION_FILTERS;
/** Columns the items list sorts by (the `sort` query key). */
const RECT_SORT_KEYS = Object.keys(RECT_SORTS) as RectSortKey[];

/** Overdue items listed in full at the top; the rest lead the paginated list. */
const OVERDUE_LIST_MAX = 10;
/** Units shown in the overdue-by-unit chart. */
const UNIT_CHART_MAX = 10;

export function rectificationQueries(
  f: FilterState,
  _ctx: unknown,
  list: ListState = {},
): QuerySet {
  const page = list.page ?? 1;
  // Under 未逾期 or 已完成 nothing is overdue and open: no list to query.
  const noOverdueOpen = f.overdue === '未逾期' || f.rect_status === '已完成';
  return {
    breakdown: rectificationBreakdown(f),
    progress: rectificationProgress(f),
    units: rectificationOverdueByUnit(f),
    ...(noOverdueOpen
      ? {}
      : { overdueTop: rectificationItems({ ...f, overdue: '逾期' }, OVERDUE_LIST_MAX) }),
    // Without a search, the list has every filtered item: the breakdown counts them.
    ...(list.q ? { count: rectificationItemCount(f, list.q) } : {}),
    items: rectificationItems(
      f,
      RECT_PAGE_SIZE,
      (page - 1) * RECT_PAGE_SIZE,
      listOptions<RectSortKey>(list),
    ),
  };
}

const series = STATUS_SERIES.map((s) => ({ key: s.key, name: s.name }));
const statusColumns = (label: string): TableColumn[] => [
  { key: 'key', label },
  ...columns(
    {
      total: '问题数',
      done: '按期完成',
      done_late: '逾期完成',
      in_progress: '整改中（未逾期）',
      not_started: '未启动（未逾期）',
      overdue_open: '逾期未完成',
    },
    'number',
  ),
  { key: 'done_share', label: '完成率', format: 'percent' },
];

/** The items list: 50 a page, pages 2… at /rectification/page/N/. */
export const rectList = (asOf: string): PagedListSpec<RectItem> => ({
  path: RECT_PATH,
  keys: RECTIFICATION_FILTER_KEYS,
  pageSize: RECT_PAGE_SIZE,
  id: 'rect-items',
  label: '问题清单',
  noun: '问题',
  unit: '项',
  sortKeys: RECT_SORT_KEYS,
  columns: RECT_COLUMNS,
  placeholder: '编号、描述、措施、单位…',
  order: {
    text: '逾期未完成的在前（逾期最久的最先），其次是其他未完成的，最后是已完成的',
    menu: '逾期未完成在前',
  },
  table: (items, o) => renderRectificationTableHtml(items, { asOf, ...o }),
});

export function renderRectificationView(
  r: QueryResults,
  ctx: RectificationContext,
  f: FilterState,
  list: ListState = {},
): RectificationView {
  const breakdown = (dim: BreakdownDim) => (r.breakdown ?? []).filter((row) => row.dim === dim);
  const totals = breakdownTotals(r.breakdown ?? []);
  const keyFigures: RectificationView['keyFigures'] = [
    { label: '发现问题', value: totals.items, unit: '项' },
    {
      label: '已完成',
      value: totals.done,
      unit: '项',
      tone: 'good',
      note: `${formatShare(totals.done, totals.items)}，其中逾期完成 ${formatNumber(totals.overdue - totals.overdue_open)} 项`,
    },
    {
      label: '整改中',
      value: totals.in_progress,
      unit: '项',
      note: formatShare(totals.in_progress, totals.items),
    },
    {
      label: '未启动',
      value: totals.not_started,
      unit: '项',
      note: formatShare(totals.not_started, totals.items),
    },
    {
      label: '逾期未完成',
      value: totals.overdue_open,
      unit: '项',
      tone: totals.overdue_open > 0 ? 'bad' : 'good',
      note: `占未完成的 ${formatShare(totals.overdue_open, totals.items - totals.done)}`,
    },
  ];

  const stack = (
    id: string,
    filter: 'source_type' | 'source_level' | 'category',
    label: string,
    title: string,
    rows: ReturnType<typeof buildStatusStack>,
  ) =>
    figure(id, {
      title,
      takeaway: statusTakeaway(rows, label),
      chart: (name) =>
        stackedBarChart(rows, {
          ...name,
          label: 'key',
          series,
          colors: STATUS_COLORS,
          width: CHART_WIDTH,
          filterKey: filter,
          filterValue: (row) => row.key,
          href: (row) => url(`/rectification/?${filter}=${encodeURIComponent(row.key)}`),
        }),
      columns: statusColumns(label),
      rows,
    });
  const bySource = stack(
    'rect-by-source',
    'source_type',
    '问题来源',
    '按问题来源的整改进展',
    buildStatusStack(breakdown('source_type')),
  );
  const byLevel = stack(
    'rect-by-level',
    'source_level',
    '来源层级',
    '按来源层级的整改进展',
    buildStatusStack(breakdown('source_level'), SOURCE_LEVELS),
  );
  const byCategory = stack(
    'rect-by-category',
    'category',
    '问题类别',
    '按问题类别的整改进展',
    buildStatusStack(breakdown('category')),
  );

  const progress = thinProgress(r.progress ?? [], ctx.asOf);
  const progressChart = cumulativeFigure('rect-progress', {
    title: '累计发现与累计完成的问题',
    takeaway: progressTakeaway(progress, ctx.asOf),
    series: { found: '累计发现', done: '累计完成' },
    points: progress,
  });

  // Overdue and open: the longest overdue, then who is responsible.
  const units = r.units ?? [];
  const unitRows = units.slice(0, UNIT_CHART_MAX);
  const unitText = unitTakeaway(units);
  const unitTitle =
    units.length > UNIT_CHART_MAX
      ? `逾期未完成问题最多的 ${UNIT_CHART_MAX} 个责任单位`
      : '各责任单位逾期未完成的问题';
  const overdueUnits = figure('rect-overdue-units', {
    title: unitTitle,
    takeaway: unitText,
    chart: (name) =>
      barChart(unitRows, {
        ...name,
        label: 'unit',
        value: 'items',
        color: 'var(--c-overdue, #a4262c)',
        width: CHART_WIDTH,
      }),
    columns: [
      { key: 'unit', label: '责任单位' },
      { key: 'items', label: '逾期未完成', format: 'number' },
      { key: 'earliest_deadline', label: '最早的整改时限', format: 'date' },
    ],
    rows: unitRows,
  });
  const overdueTop = ((r.overdueTop ?? []) as RectItem[]).filter((i) => i.status !== '已完成');
  const overduePages = Math.ceil(totals.overdue_open / RECT_PAGE_SIZE);
  const overdueMore =
    totals.overdue_open > overdueTop.length
      ? `；下面列出前 ${formatNumber(overdueTop.length)} 项，全部 ${formatNumber(totals.overdue_open)} 项排在问题清单的最前面（第 1${overduePages > 1 ? `—${formatNumber(overduePages)}` : ''} 页）`
      : '';
  const overdueList =
    `<p class="text-sm">共 <strong>${formatNumber(totals.overdue_open)}</strong> 项，逾期最久的排在最前${escapeHtml(overdueMore)}。</p>` +
    renderRectificationTableHtml(overdueTop, { asOf: ctx.asOf, caption: '逾期最久的未完成问题' });

  // The items list: this page of the filtered, searched, ordered items.
  const count = list.q ? toNumber((r.count ?? [])[0]?.items) : totals.items;
  const items = renderPagedList(rectList(ctx.asOf), (r.items ?? []) as RectItem[], count, f, list);
  return {
    keyFigures,
    figures: { bySource, byLevel, byCategory, progress: progressChart, overdueUnits },
    blocks: {
      overdueList: block('rect-overdue-list', overdueList),
      itemsList: block('rect-items-list', items.html),
    },
    texts: { itemsNote: text('rect-items-note', items.note) },
    toggles: {
      overdueNone: toggle('rect-overdue-none', totals.overdue_open > 0),
      overdueDetail: toggle('rect-overdue-detail', totals.overdue_open === 0),
    },
  };
}

const CSV_COLUMNS: CsvColumn<Row>[] = [
  { header: '问题编号', value: 'issue_id' },
  { header: '来源层级', value: 'source_level' },
  { header: '问题来源', value: 'source_type' },
  { header: '发现日期', value: 'found_date' },
  { header: '街道', value: 'street' },
  { header: '村代码', value: 'village_code' },
  { header: '村', value: 'village_name' },
  { header: '问题类别', value: 'category' },
  { header: '问题描述', value: 'description' },
  { header: '整改措施', value: 'measures' },
  { header: '责任单位', value: 'responsible_unit' },
  { header: '整改时限', value: 'deadline' },
  { header: '整改状态', value: 'status' },
  { header: '完成日期', value: 'completed_date' },
  { header: '是否逾期', value: (row) => (row.overdue ? '是' : '否') },
];

export const rectificationTopic: TopicSpec<RectificationContext, RectificationView> = {
  page: {
    path: RECT_PATH,
    title: '问题整改',
    description: '纪检、审计、巡查、巡视、督查和自查发现的扶贫问题及整改进展，逾期的排在最前。',
  },
  keys: RECTIFICATION_FILTER_KEYS,
  context: ({ campaign }) => ({ asOf: campaign.as_of }),
  queries: rectificationQueries,
  render: renderRectificationView,
  listCsv: listCsv<RectSortKey>(rectificationItems, CSV_COLUMNS, '问题清单.csv'),
};
