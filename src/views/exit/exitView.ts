/**
 * The 脱贫成效分类 page (/exit/) for one filter state: which named queries it
 * runs and everything it shows, built from their results. Used by the page at
 * build time (no filter) and by the browser after a filter changes.
 */
import { EXIT_CATEGORIES } from '../../contract/enums.ts';
import {
  exitCategoryByArea,
  exitCategoryPeople,
  HOUSEHOLD_FILTERS,
  householdTypes,
  incomeBands,
  measuresInUse,
  securityGaps,
  villagesNotFullyListed,
} from '../../queries/households.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import { barChart, heatmapChart, stackedBarChart } from '../../render/charts/index.ts';
import { formatNumber, formatPercent } from '../../render/format.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { streetHref, url, villageHref } from '../../render/nav.ts';
import type { TableColumn, TableRow } from '../../render/html/table.ts';
import { NOWRAP_FIRST, escapeHtml, renderTableHtml } from '../../render/html/tableHtml.ts';
import { notListedNote } from '../places/householdDetailNote.ts';
import { renderAreaGroupsHtml } from '../../render/html/areaGroupsHtml.ts';
import { groupByStreet, listsVillages, orderByStreet, topRows } from '../shared/byStreet.ts';
import {
  HIDDEN_SHORT,
  exitAreaTakeaway,
  exitByArea,
  exitShareRows,
  exitTotals,
  measureRows,
  measureTakeaway,
  securityTakeaway,
  typeMatrix,
  typeTakeaway,
} from './exit.ts';
import { securityRows } from '../shared/securityRows.ts';
import { incomeByCategory, incomeTakeaway } from '../shared/incomeByCategory.ts';
import { block, figure, text, type ChartName, type TopicView } from '../shared/topicView.ts';
import { exitCategoryMarks } from '../places/exitFigure.ts';
import type { QueryResults, QuerySet, TopicSpec } from '../shared/topicSpec.ts';

/** What no filter changes, embedded in the page for the browser. */
export interface ExitContext {
  povertyLine: number;
  /** Streets in division-code order (streetList). */
  streetOrder: string[];
  villageCount: number;
}

/** The /exit/ page's parts, by name. */
export type ExitView = TopicView<
  'streetsCount' | 'streetsShare' | 'income' | 'security' | 'measures' | 'householdTypes',
  'villages',
  'householdsTotal' | 'hiddenCount'
>;

/** The page offers every filter its household queries take. */
export const EXIT_FILTER_KEYS: readonly FilterKey[] = HOUSEHOLD_FILTERS;
/**
 * Filters the exact person counts (street_people) cannot apply — persons are
 * published by street, not by village or household: households are counted instead.
 */
const HOUSEHOLD_ONLY: readonly FilterKey[] = ['village', 'household_type', 'labor_capacity', 'gap'];

/** Village tables start open when there are few villages in all. */
const OPEN_VILLAGES_MAX = 20;

const listVillages = (ctx: ExitContext) => listsVillages(ctx.villageCount);

export function exitQueries(f: FilterState, ctx: ExitContext): QuerySet {
  const householdOnly = HOUSEHOLD_ONLY.some((k) => f[k]);
  return {
    ...(householdOnly ? {} : { people: exitCategoryPeople(f) }),
    streets: exitCategoryByArea(f, 'street'),
    ...(listVillages(ctx)
      ? { villages: exitCategoryByArea(f, 'village'), notListed: villagesNotFullyListed(f) }
      : {}),
    income: incomeBands(f),
    gaps: securityGaps(f),
    measures: measuresInUse(f),
    types: householdTypes(f),
  };
}

const series = EXIT_CATEGORIES.map((c) => ({ key: c, name: c }));
const areaColumns = (nameLabel: string): TableColumn[] => [
  { key: 'name', label: nameLabel },
  ...EXIT_CATEGORIES.map((c): TableColumn => ({ key: c, label: c, format: 'number' })),
  { key: 'total', label: '合计', format: 'number' },
  { key: 'focus_share', label: '重点帮扶占比', format: 'percent' },
];
// The district's rows (key '') have no street page.
const streetLinks = { name: (r: TableRow) => (r.key ? streetHref(String(r.name)) : '') };
const villageLinks = { name: (r: TableRow) => villageHref(String(r.key)) };
const categoryHref = (c: string) => url(`/exit/?exit_category=${encodeURIComponent(c)}`);

export function renderExitView(r: QueryResults, ctx: ExitContext, f: FilterState): ExitView {
  const streets = orderByStreet(exitByArea(r.streets ?? []), ctx.streetOrder);

  // Key figures: exact persons from street_people unless a household-only filter is set, or a
  // street there is published by 建档状态 only (too few households): then the household rows.
  const uncategorised = (r.people ?? []).some(
    (p) => p.exit_category === null || p.exit_category === undefined,
  );
  const householdOnly = HOUSEHOLD_ONLY.some((k) => f[k]) || uncategorised;
  const people = householdOnly
    ? EXIT_CATEGORIES.map((c) => ({
        exit_category: c,
        households: streets.reduce((a, s) => a + s[c], 0),
      }))
    : (r.people ?? []);
  const totals = exitTotals(people);
  const personsOf = (c: string) =>
    Number((r.people ?? []).find((p) => p.exit_category === c)?.persons ?? 0);
  const keyFigures: ExitView['keyFigures'] = totals.map((t) => ({
    label: t.category,
    value: t.households,
    unit: '户',
    note: householdOnly
      ? `占 ${formatPercent(t.share)}`
      : `${formatNumber(personsOf(t.category))} 人，占 ${formatPercent(t.share)}`,
    tone: t.category === '重点帮扶' ? 'bad' : t.category === '巩固提升' ? 'good' : 'default',
  }));

  const chartStreets = topRows(streets, (s) => s.focus_share);
  const cut = chartStreets.length < streets.length;
  const byStreetTakeaway = exitAreaTakeaway(streets, '街道');
  const countTitle = cut
    ? `脱贫成效分类户数（重点帮扶占比最高的 ${chartStreets.length} 个街道）`
    : '各街道脱贫成效分类户数';
  const shareTitle = cut
    ? `脱贫成效分类占比（重点帮扶占比最高的 ${chartStreets.length} 个街道）`
    : '各街道脱贫成效分类占比';
  /** The streets' stacked bars, as counts or as shares; each bar filters by its street (not the remainder). */
  const streetBars =
    (normalize: boolean) =>
    (name: ChartName): string =>
      stackedBarChart(chartStreets, {
        ...name,
        label: 'name',
        series,
        normalize,
        width: CHART_WIDTH,
        filterKey: 'street',
        filterValue: (s) => (s.key ? s.name : ''),
        href: (s) => (s.key ? streetHref(s.name) : null),
      });
  const streetsCount = figure('exit-streets-count', {
    title: countTitle,
    takeaway: byStreetTakeaway,
    chart: streetBars(false),
    columns: areaColumns('街道'),
    rows: chartStreets,
    links: streetLinks,
  });
  const streetsShare = figure('exit-streets-share', {
    title: shareTitle,
    takeaway: byStreetTakeaway,
    chart: streetBars(true),
    columns: [
      { key: 'name', label: '街道' },
      ...EXIT_CATEGORIES.map((c): TableColumn => ({ key: c, label: c, format: 'percent' })),
      { key: 'total', label: '户数', format: 'number' },
    ],
    rows: exitShareRows(chartStreets),
    links: streetLinks,
  });

  const villagesHtml = listVillages(ctx)
    ? renderAreaGroupsHtml(
        groupByStreet(orderByStreet(exitByArea(r.villages ?? []), ctx.streetOrder)),
        {
          idPrefix: 'exit-villages',
          columns: areaColumns('村'),
          open: ctx.villageCount <= OPEN_VILLAGES_MAX,
          caption: (s) => `${s}各村脱贫成效分类户数`,
          links: villageLinks,
          tableClass: NOWRAP_FIRST,
          empty: '没有符合筛选条件的建档立卡户。',
        },
      ) + notListedHtml(r.notListed ?? [])
    : `<p class="text-sm text-muted">共 ${formatNumber(ctx.villageCount)} 个村：下表按街道汇总，各村明细见各街道页面（点街道名称）。</p>` +
      renderTableHtml(areaColumns('街道'), streets, {
        caption: '各街道脱贫成效分类户数',
        links: streetLinks,
        class: NOWRAP_FIRST,
      });

  const income = incomeByCategory(r.income ?? [], ctx.povertyLine);
  const incomeFigure = figure('exit-income', {
    title: '各分类户的人均可支配收入段',
    takeaway: incomeTakeaway(income, ctx.povertyLine),
    chart: (name) =>
      stackedBarChart(income.rows, {
        ...name,
        label: 'category',
        series: income.bands.map((b) => ({ key: b, name: `${b} 元` })),
        normalize: true,
        colors: 'sequential',
        width: CHART_WIDTH,
        ...exitCategoryMarks(categoryHref),
      }),
    columns: [
      { key: 'category', label: '分类' },
      ...income.bands.map((b): TableColumn => ({ key: b, label: `${b} 元`, format: 'number' })),
      { key: 'total', label: '合计', format: 'number' },
      {
        key: 'below_share',
        label: `低于 ${formatNumber(income.limit ?? ctx.povertyLine)} 元占比`,
        format: 'percent',
      },
    ],
    rows: income.rows,
  });

  const gapsRow = (r.gaps ?? [])[0];
  const gaps = securityRows(gapsRow);
  const security = figure('exit-security', {
    title: '“三保障”未落实户数',
    takeaway: securityTakeaway(gapsRow),
    chart: (name) =>
      barChart(gaps, {
        ...name,
        label: 'label',
        value: 'households',
        color: 'var(--c-bad, #d55e00)',
        width: CHART_WIDTH,
        filterKey: 'gap',
        filterValue: (row) => row.gap,
        href: (row) => url(`/exit/?gap=${encodeURIComponent(row.gap)}`),
      }),
    columns: [
      { key: 'label', label: '项目' },
      { key: 'households', label: '户数', format: 'number' },
      { key: 'share', label: '占全部户', format: 'percent' },
    ],
    rows: gaps,
  });

  const households = Number(gapsRow?.households ?? 0);
  const measures = measureRows(r.measures ?? [], households);
  const measuresFigure = figure('exit-measures', {
    title: '在用的帮扶措施（户数）',
    takeaway: measureTakeaway(measures, households),
    chart: (name) =>
      barChart(measures, {
        ...name,
        label: 'measure',
        value: 'households',
        width: CHART_WIDTH,
      }),
    columns: [
      { key: 'measure', label: '帮扶措施' },
      { key: 'households', label: '户数', format: 'number' },
      { key: 'share', label: '占全部户', format: 'percent' },
    ],
    rows: measures,
  });

  const types = typeMatrix(r.types ?? []);
  const householdTypes = figure('exit-household-types', {
    title: '户类型 × 劳动能力（户数）',
    takeaway: typeTakeaway(r.types ?? []),
    chart: (name) =>
      heatmapChart(types.cells, {
        ...name,
        rows: types.rows,
        columns: types.columns,
        width: CHART_WIDTH,
        filterKey: 'household_type',
        // The row blanked for privacy is not a value one can filter by.
        filterValue: (row) => (row === HIDDEN_SHORT ? '' : row),
        href: (cell) =>
          cell.row === HIDDEN_SHORT
            ? null
            : url(`/exit/?household_type=${encodeURIComponent(cell.row)}`),
      }),
    columns: [
      { key: 'household_type', label: '户类型' },
      ...types.columns.map((c): TableColumn => ({ key: c, label: c, format: 'number' })),
      { key: 'total', label: '合计', format: 'number' },
    ],
    rows: types.table,
  });
  return {
    keyFigures,
    figures: {
      streetsCount,
      streetsShare,
      income: incomeFigure,
      security,
      measures: measuresFigure,
      householdTypes,
    },
    blocks: { villages: block('exit-villages', villagesHtml) },
    texts: {
      householdsTotal: text(
        'exit-households-total',
        formatNumber(totals.reduce((a, t) => a + t.households, 0)),
      ),
      hiddenCount: text('exit-hidden-count', formatNumber(types.hidden)),
    },
    toggles: {},
  };
}

/** The note under the village tables: villages whose rows are not all listed there, and why. */
function notListedHtml(rows: readonly Record<string, unknown>[]): string {
  const note = notListedNote(
    rows.map((r) => ({
      village_name: String(r.village_name),
      household_detail: String(r.household_detail),
      households: Number(r.households),
      listed: Number(r.listed),
    })),
  );
  return note
    ? `<p class="text-sm text-muted" id="exit-villages-not-listed">${escapeHtml(note)}</p>`
    : '';
}

export const exitTopic: TopicSpec<ExitContext, ExitView> = {
  page: {
    path: '/exit/',
    title: '脱贫成效分类',
    description:
      '建档立卡贫困户按巩固提升、加大帮扶、重点帮扶分类，收入与贫困线、“三保障”、帮扶措施。',
  },
  keys: EXIT_FILTER_KEYS,
  context: ({ campaign, streets }) => ({
    povertyLine: campaign.poverty_line.yuan,
    streetOrder: streets.map((r) => r.street),
    villageCount: streets.reduce((a, r) => a + r.villages, 0),
  }),
  queries: exitQueries,
  render: renderExitView,
};
