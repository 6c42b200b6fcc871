/**
 * The “双到”村短板 page (/shuangdao/) for one filter state: its named
 * queries and everything it shows. Used by the page at build time (no filter)
 * and by the browser after a filter changes.
 */
import {
  shortcomingsByDimension,
  shuangdaoByStreet,
  shuangdaoMatrix,
} from '../../queries/shuangdao.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import { barChart, stackedBarChart } from '../../render/charts/index.ts';
import { formatNumber, formatShare, formatWanYuan, wanFigure } from '../../render/format.ts';
import { DIMENSIONS } from '../../contract/enums.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { url } from '../../render/nav.ts';
import type { Row } from '../../engine/engine.ts';
import { columns, type TableColumn, type TableRow } from '../../render/html/table.ts';
import { escapeHtml, renderTableHtml } from '../../render/html/tableHtml.ts';
import { renderShuangdaoStreetHtml } from './shuangdaoStreetHtml.ts';
import {
  buildDimensionRows,
  buildStreetSummary,
  gapTakeaway,
  groupMatrixByStreet,
  INLINE_MATRIX_VILLAGES,
  investmentTakeaway,
  projectTakeaway,
  shuangdaoStreetPath,
  shuangdaoTotals,
  streetTakeaway,
  type DimensionRow,
  type ShortcomingRow,
} from './shuangdao.ts';
import {
  block,
  figure,
  text,
  toggle,
  type BlockView,
  type TopicView,
} from '../shared/topicView.ts';
import type { QueryResults, QuerySet, TopicSpec } from '../shared/topicSpec.ts';

export interface ShuangdaoContext {
  /** Every street with its village count (streetList), in display order. */
  streets: { street: string; villages: number }[];
  /** Draw every street's matrix on the page (few 双到 villages in all). */
  inline: boolean;
}

/**
 * The /shuangdao/ page's parts, by name. `matrices` is null when the matrices
 * are on the street pages instead (too many 双到 villages to draw here).
 */
export type ShuangdaoView = Omit<
  TopicView<
    'gaps' | 'projects' | 'investment' | 'streets',
    'streetsTable',
    'streetCount' | 'streetsNone',
    'streetsNone'
  >,
  'blocks'
> & { blocks: { streetsTable: BlockView; matrices: BlockView | null } };

export const SHUANGDAO_FILTER_KEYS: readonly FilterKey[] = ['street', 'village', 'dimension'];

/** The per-street chart shows at most this many streets (those with most villages with gaps). */
const STREET_CHART_MAX = 15;

export function shuangdaoQueries(f: FilterState, ctx: ShuangdaoContext): QuerySet {
  return {
    dims: shortcomingsByDimension(f),
    byStreet: shuangdaoByStreet(f),
    ...(ctx.inline ? { matrix: shuangdaoMatrix(f) } : {}),
  };
}

export const streetColumns: TableColumn[] = [
  { key: 'street', label: '街道' },
  ...columns(
    {
      villages: '“双到”村',
      with_gap: '有短板的村',
      gaps: '短板（村×领域）',
      projects: '拟建项目',
      in_library: '纳入项目库',
    },
    'number',
  ),
  { key: 'investment_wan', label: '估算投资（万元）', format: 'wan' },
];
const streetLinks = { street: (r: TableRow) => url(shuangdaoStreetPath(String(r.street))) };
const dimensionHref = (d: string) => url(`/shuangdao/?dimension=${encodeURIComponent(d)}`);
/** A series of a figure per 领域: its column in the rows, its name and colour. */
interface DimensionSeries {
  key: string;
  name: string;
  color: string;
}

/**
 * Per-领域 stacked bars in two series (e.g. with / without a long-term
 * mechanism), each bar a filter; the table: 领域 and `columns`.
 */
function dimensionFigure(
  id: string,
  dims: DimensionRow[],
  f: { title: string; takeaway: string; series: [DimensionSeries, DimensionSeries] },
  columns: TableColumn[],
) {
  const series = f.series.map(({ key, name }) => ({ key, name }));
  const colors = f.series.map((s) => s.color);
  return figure(id, {
    title: f.title,
    takeaway: f.takeaway,
    chart: (name) =>
      stackedBarChart(dims, { ...name, label: 'dimension', series, colors, ...dimensionMarks }),
    columns: [{ key: 'dimension', label: '领域' }, ...columns],
    rows: dims,
  });
}

const dimensionMarks = {
  width: CHART_WIDTH,
  filterKey: 'dimension',
  filterValue: (r: { dimension: string }) => r.dimension,
  href: (r: { dimension: string }) => dimensionHref(r.dimension),
};

export function renderShuangdaoView(
  r: QueryResults,
  ctx: ShuangdaoContext,
  f: FilterState,
): ShuangdaoView {
  const dims = buildDimensionRows(r.dims ?? []);
  const byStreet = r.byStreet ?? [];
  // Filtered to a street or village, the other streets are out of view, not "without 双到 villages".
  const inView = new Set(byStreet.map((b) => String(b.street)));
  const streetsInView = f.village
    ? ctx.streets.filter((s) => inView.has(s.street))
    : f.street
      ? ctx.streets.filter((s) => s.street === f.street)
      : ctx.streets;
  const { rows: streets, withoutShuangdao } = buildStreetSummary(streetsInView, byStreet);
  const totals = shuangdaoTotals(streets);
  const investment = wanFigure(totals.investment_wan);
  const dimensions = f.dimension ? 1 : DIMENSIONS.length;

  const keyFigures: ShuangdaoView['keyFigures'] = [
    {
      label: '“双到”村',
      value: totals.villages,
      unit: '个',
      note: `第一轮 ${formatNumber(totals.round1)} 个，第二轮 ${formatNumber(totals.round2)} 个`,
    },
    {
      label: '有短板的村',
      value: totals.with_gap,
      unit: '个',
      tone: totals.with_gap > 0 ? 'bad' : 'good',
      note: `占 ${formatShare(totals.with_gap, totals.villages)}，至少一个领域未建立长效机制`,
    },
    {
      label: '未建立长效机制',
      value: totals.gaps,
      unit: '项',
      note: `共 ${formatNumber(totals.villages * dimensions)} 项（村×领域）`,
    },
    {
      label: '拟建项目',
      value: totals.projects,
      unit: '个',
      note: `纳入项目库 ${formatNumber(totals.in_library)} 个（${formatShare(totals.in_library, totals.projects)}）`,
    },
    {
      label: '估算投资',
      value: investment.value,
      unit: investment.unit,
      note: '拟建项目估算投资合计',
    },
  ];

  const gaps = dimensionFigure(
    'shuangdao-gaps',
    dims,
    {
      title: '各领域未建立长效机制的“双到”村数',
      takeaway: gapTakeaway(dims),
      series: [
        { key: 'with_gap', name: '未建立长效机制', color: 'var(--c2, #E69F00)' },
        { key: 'in_place', name: '已建立', color: 'var(--c1, #0072B2)' },
      ],
    },
    columns(
      { with_gap: '未建立长效机制的村', in_place: '已建立的村', villages: '“双到”村' },
      'number',
    ),
  );
  const projects = dimensionFigure(
    'shuangdao-projects',
    dims,
    {
      title: '各领域拟建项目及纳入项目库情况',
      takeaway: projectTakeaway(dims),
      series: [
        { key: 'in_library', name: '已纳入项目库', color: 'var(--c1, #0072B2)' },
        { key: 'not_in_library', name: '未纳入', color: 'var(--c2, #E69F00)' },
      ],
    },
    [
      ...columns(
        { projects: '拟建项目', in_library: '已纳入项目库', not_in_library: '未纳入' },
        'number',
      ),
      { key: 'investment_wan', label: '估算投资（万元）', format: 'wan' },
    ],
  );

  const investmentChart = figure('shuangdao-investment', {
    title: '各领域拟建项目估算投资',
    takeaway: investmentTakeaway(dims),
    chart: (name) =>
      barChart(dims, {
        ...name,
        label: 'dimension',
        value: 'investment_wan',
        format: (n) => formatWanYuan(n),
        ...dimensionMarks,
      }),
    columns: [
      { key: 'dimension', label: '领域' },
      { key: 'investment_wan', label: '估算投资（万元）', format: 'wan' },
      ...columns({ projects: '拟建项目', projects_unpriced: '未填估算投资的项目' }, 'number'),
    ],
    rows: dims,
  });

  const chartStreets = [...streets]
    .sort((a, b) => b.with_gap - a.with_gap || b.villages - a.villages)
    .slice(0, STREET_CHART_MAX);
  const streetsTitle =
    chartStreets.length < streets.length
      ? `有短板的“双到”村最多的 ${chartStreets.length} 个街道`
      : '各街道有短板的“双到”村';
  const streetsText = streetTakeaway(streets, withoutShuangdao);
  const streetsFigure = figure('shuangdao-streets', {
    title: streetsTitle,
    takeaway: streetsText,
    chart: (name) =>
      stackedBarChart(chartStreets, {
        ...name,
        label: 'street',
        series: [
          { key: 'with_gap', name: '有短板的村' },
          { key: 'complete', name: '四个领域都已建立' },
        ],
        colors: ['var(--c2, #E69F00)', 'var(--c1, #0072B2)'],
        width: CHART_WIDTH,
        filterKey: 'street',
        filterValue: (s) => s.street,
        href: (s) => url(shuangdaoStreetPath(s.street)),
      }),
    columns: streetColumns,
    rows: streets,
    links: streetLinks,
  });

  const streetsNone =
    withoutShuangdao.length > 0
      ? `以下 ${formatNumber(withoutShuangdao.length)} 个街道没有“双到”村：${withoutShuangdao.join('、')}。`
      : '';
  return {
    keyFigures,
    figures: { gaps, projects, investment: investmentChart, streets: streetsFigure },
    blocks: {
      streetsTable: block(
        'shuangdao-streets-table',
        renderTableHtml(streetColumns, streets, {
          caption: '各街道“双到”村短板汇总',
          links: streetLinks,
          class: 'my-2 [&_td]:whitespace-nowrap',
        }),
      ),
      matrices: ctx.inline ? block('shuangdao-matrices', renderMatrices(r.matrix ?? [])) : null,
    },
    texts: {
      streetCount: text('shuangdao-street-count', formatNumber(streets.length)),
      streetsNone: text('shuangdao-streets-none', streetsNone),
    },
    toggles: { streetsNone: toggle('shuangdao-streets-none', withoutShuangdao.length === 0) },
  };
}

/** Every street's village × 领域 matrix and shortcoming list, drawn on the page. */
function renderMatrices(rows: readonly Row[]): string {
  const matrices = groupMatrixByStreet(rows as ShortcomingRow[]);
  if (matrices.length === 0) return '<p class="card my-4 text-sm">没有符合筛选条件的“双到”村。</p>';
  return matrices
    .map((m, i) => {
      const id = `shuangdao-street-${i + 1}`;
      return (
        `<section class="mt-6" id="${id}" aria-labelledby="${id}-h">` +
        `<h2 id="${id}-h">${escapeHtml(m.street)}<span class="text-base font-normal text-muted">（${formatNumber(m.villages.length)} 个“双到”村）</span></h2>` +
        renderShuangdaoStreetHtml(m, { id, folded: matrices.length > 1 }) +
        `</section>`
      );
    })
    .join('');
}

export const shuangdaoTopic: TopicSpec<ShuangdaoContext, ShuangdaoView> = {
  page: {
    path: '/shuangdao/',
    title: '“双到”村短板',
    description:
      '第一、二轮扶贫“双到”村在基础设施、公共服务设施、产业发展、基层党建四个领域的长效机制、短板、拟建项目与估算投资。',
  },
  keys: SHUANGDAO_FILTER_KEYS,
  context: ({ streets }) => {
    const shuangdaoVillages = streets.reduce((a, r) => a + r.shuangdao_villages, 0);
    return {
      streets: streets.map((r) => ({ street: r.street, villages: r.villages })),
      inline: shuangdaoVillages > 0 && shuangdaoVillages <= INLINE_MATRIX_VILLAGES,
    };
  },
  villagesWith: 'shuangdao',
  queries: shuangdaoQueries,
  render: renderShuangdaoView,
};
