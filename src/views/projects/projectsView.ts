/**
 * The 资金项目 page (/projects/) for one filter state and one state of its
 * project list (search, order, page): its named queries and everything it
 * shows. Used by the page at build time (nothing set) and by the browser.
 */
import {
  DIMENSIONS,
  FUND_SOURCES,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
} from '../../contract/enums.ts';
import { PUBLISHED_TABLES } from '../../contract/published.ts';
import type { Row } from '../../engine/engine.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import {
  PROJECT_FILTERS,
  PROJECT_SORTS,
  projectBreakdown,
  projectItemCount,
  projectItems,
  projectsByStreet,
  projectsByVillage,
  projectTimeline,
  shortcomingCoverage,
  type ProjectItem,
  type ProjectSortKey,
  type ShortcomingCoverageRow,
} from '../../queries/projects.ts';
import { type ProjectFinding } from '../../queries/projectFindings.ts';
import type { CsvColumn } from '../../render/charts/chartDataCsv.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { heatmapChart, stackedBarChart } from '../../render/charts/index.ts';
import { formatNumber, formatShare, wanFigure } from '../../render/format.ts';
import { renderChartFigureHtml } from '../../render/html/chartFigureHtml.ts';
import { renderAreaGroupsHtml } from '../../render/html/areaGroupsHtml.ts';
import { columns, type TableColumn, type TableRow } from '../../render/html/table.ts';
import { NOWRAP_FIRST, renderTableHtml } from '../../render/html/tableHtml.ts';
import { streetHref, url, villageHref } from '../../render/nav.ts';
import { CHART_MAX_ROWS, VILLAGE_LIST_MAX, groupByStreet, topRows } from '../shared/byStreet.ts';
import { toNumber } from '../shared/numbers.ts';
import { cumulativeFigure } from '../shared/cumulativeFigure.ts';
import { listCsv, listOptions, renderPagedList, type PagedListSpec } from '../shared/pagedList.ts';
import type { QueryResults, QuerySet, TopicSpec } from '../shared/topicSpec.ts';
import { block, figure, text, type ChartName, type TopicView } from '../shared/topicView.ts';
import { topicSearch, type ListState } from '../shared/urlState.ts';
import {
  COVERAGE_COLORS,
  MATRIX_VILLAGES_MAX,
  coverageByStreet,
  coverageMatrix,
  coverageTakeaway,
} from './coverage.ts';
import { PROJECT_COLUMNS, renderProjectTableHtml } from './projectHtml.ts';
import { renderFindingsHtml, type FindingLists } from './findingsHtml.ts';
import { COVERAGE_STATES } from './projectFindings.ts';
import {
  fundColumns,
  fundRowsOf,
  fundsTakeaway,
  projectTotals,
  statusTakeaway,
  streetFundRows,
  timelinePoints,
  timelineTakeaway,
  villageFundRows,
  villagesTakeaway,
  yearStatusRows,
  type FundRow,
} from './projects.ts';

/** What no filter changes, embedded in the page for the browser. */
export interface ProjectsContext {
  asOf: string;
  /** manifest.projects_provided: without projects.csv the page says so and queries nothing. */
  provided: boolean;
  /** Streets in division-code order (streetList). */
  streetOrder: string[];
  villageCount: number;
}

/** The /projects/ page's parts, by name. */
export type ProjectsView = TopicView<
  'streets' | 'villages' | 'categories' | 'sources' | 'years' | 'timeline',
  'villagesTable' | 'coverage' | 'findings' | 'itemsList',
  'itemsNote'
>;

export const PROJECTS_PATH = '/projects/';
/** The page's filters: every filter a project has (in form order). */
export const PROJECTS_FILTER_KEYS: readonly FilterKey[] = PROJECT_FILTERS;
/** Columns the project list sorts by (the `sort` query key). */
const PROJECT_SORT_KEYS = Object.keys(PROJECT_SORTS) as ProjectSortKey[];
/** Projects a page of the list (/projects/, /projects/page/2/, …). */
export const PROJECT_PAGE_SIZE = 50;
/** Projects each finding lists on the page; the rest are one filter away in the list. */
const FINDING_LIST_MAX = 20;
/** Village tables start open when there are few villages in all. */
const OPEN_VILLAGES_MAX = 20;

/** The filter state that lists finding `x` within `f` — none when `f` asks for another finding. */
const withFinding = (f: FilterState, x: ProjectFinding): FilterState | null =>
  f.project_finding && f.project_finding !== x ? null : { ...f, project_finding: x };

/** The queries of one state of the findings' project lists, by finding (skipped ones left out). */
const FINDING_QUERY_NAMES: Readonly<Record<ProjectFinding, string>> = {
  拨付超前: 'ahead',
  拨付滞后: 'behind',
  无受益贫困户: 'noBeneficiaries',
};

export function projectsQueries(
  f: FilterState,
  ctx: ProjectsContext,
  list: ListState = {},
): QuerySet {
  if (!ctx.provided) return {};
  const page = list.page ?? 1;
  const findingLists: QuerySet = {};
  for (const [x, name] of Object.entries(FINDING_QUERY_NAMES) as [ProjectFinding, string][]) {
    const state = withFinding(f, x);
    if (state) findingLists[name] = projectItems(state, FINDING_LIST_MAX);
  }
  return {
    breakdown: projectBreakdown(f),
    streets: projectsByStreet(f),
    villages: projectsByVillage(f),
    timeline: projectTimeline(f),
    coverage: shortcomingCoverage(f),
    ...findingLists,
    // Without a search, the list has every filtered project: the breakdown counts them.
    ...(list.q ? { count: projectItemCount(f, list.q) } : {}),
    items: projectItems(
      f,
      PROJECT_PAGE_SIZE,
      (page - 1) * PROJECT_PAGE_SIZE,
      listOptions<ProjectSortKey>(list),
    ),
  };
}

/** The project list: 50 a page, pages 2… at /projects/page/N/. */
export const PROJECT_LIST: PagedListSpec<ProjectItem> = {
  path: PROJECTS_PATH,
  keys: PROJECTS_FILTER_KEYS,
  pageSize: PROJECT_PAGE_SIZE,
  id: 'projects-items',
  label: '项目清单',
  noun: '项目',
  unit: '个',
  counted: '个项目',
  sortKeys: PROJECT_SORT_KEYS,
  columns: PROJECT_COLUMNS,
  placeholder: '编号、名称、任务、单位…',
  order: { text: '按项目编号排列', menu: '按项目编号' },
  table: (items, o) => renderProjectTableHtml(items, o),
};

const FUND_SERIES = [
  { key: 'disbursed_wan', name: '已拨付' },
  { key: 'undisbursed_wan', name: '未拨付' },
];
const FUND_COLORS = ['var(--c1, #0072B2)', 'var(--s2, #a5cce4)'];
const STATUS_COLORS = [
  'var(--c-todo, #f3c97a)',
  'var(--c-doing, #9ecae9)',
  'var(--c-fixed, #7fcdb1)',
  'var(--c-fixed-late, #00684b)',
];
const filterHref = (key: FilterKey, value: string) =>
  url(`${PROJECTS_PATH}?${key}=${encodeURIComponent(value)}`);

/** Planned funds as stacked bars (paid, not yet paid), each bar a filter. */
function fundChart(
  rows: readonly FundRow[],
  name: ChartName,
  filterKey: FilterKey,
  href: (r: FundRow) => string | null,
): string {
  return stackedBarChart(rows, {
    ...name,
    label: 'name',
    series: FUND_SERIES,
    colors: FUND_COLORS,
    // One unit in a chart (its title says 万元), so bars compare at a glance.
    format: (n) => formatNumber(n, 1),
    width: CHART_WIDTH,
    filterKey,
    filterValue: (r) => r.key,
    href,
  });
}

/** A funds figure: the chart and its table, one row per group. */
function fundFigure(
  id: string,
  title: string,
  rows: readonly FundRow[],
  o: {
    noun: string;
    filterKey: FilterKey;
    href: (r: FundRow) => string | null;
    links?: Record<string, (r: TableRow) => string>;
  },
) {
  // Many streets (a province's hundred): the chart shows the best-funded, the table all.
  const charted = topRows(rows, (r) => r.budget_wan);
  return figure(id, {
    title:
      charted.length < rows.length
        ? `计划资金最多的 ${formatNumber(charted.length)} 个${o.noun}（万元）`
        : title,
    takeaway: fundsTakeaway(rows, o.noun),
    chart: (name) => fundChart(charted, name, o.filterKey, o.href),
    columns: fundColumns(o.noun),
    rows: [...rows],
    ...(o.links ? { links: o.links } : {}),
  });
}

const villageLinks = { name: (r: TableRow) => villageHref(String(r.village_code)) };

/** The funds by 项目类型 and by 资金来源: the breakdown's dimension and its values, the filter a bar sets. */
const FUND_BREAKDOWNS = {
  categories: {
    id: 'projects-categories',
    noun: '项目类型',
    dim: 'category',
    values: PROJECT_CATEGORIES,
    filterKey: 'project_category',
  },
  sources: {
    id: 'projects-sources',
    noun: '资金来源',
    dim: 'fund_source',
    values: FUND_SOURCES,
    filterKey: 'fund_source',
  },
} as const;
type FundBreakdown = (typeof FUND_BREAKDOWNS)[keyof typeof FUND_BREAKDOWNS];

export function renderProjectsView(
  r: QueryResults,
  ctx: ProjectsContext,
  f: FilterState,
  list: ListState = {},
): ProjectsView {
  const totals = projectTotals(r.breakdown ?? []);
  const budget = wanFigure(totals.budget_wan, 2);
  const disbursed = wanFigure(totals.disbursed_wan, 2);
  const keyFigures: ProjectsView['keyFigures'] = [
    { label: '项目', value: totals.projects, unit: '个' },
    {
      label: '计划资金',
      value: budget.value,
      unit: budget.unit,
      note: `${formatNumber(totals.budget_wan, 2)} 万元`,
    },
    {
      label: '已拨付',
      value: disbursed.value,
      unit: disbursed.unit,
      note: `拨付率 ${formatShare(totals.disbursed_wan, totals.budget_wan)}（${formatNumber(totals.disbursed_wan, 2)} 万元）`,
    },
    {
      label: '受益贫困户',
      value: totals.beneficiaries,
      unit: '户次',
      note: '各项目受益户数之和',
    },
    {
      label: '已完工或已验收',
      value: totals.done,
      unit: '个',
      tone: 'good',
      note: `占 ${formatShare(totals.done, totals.projects)}，其中已验收 ${formatNumber(totals.byStatus['已验收'] ?? 0)} 个`,
    },
  ];

  const streets = streetFundRows(r.streets ?? [], f.street || f.village ? [] : ctx.streetOrder);
  const streetsFigure = fundFigure('projects-streets', '各街道计划资金与已拨付（万元）', streets, {
    noun: '街道',
    filterKey: 'street',
    // District-wide projects have no street to filter by, and no street page.
    href: (s) => (s.key ? streetHref(s.key) : null),
    links: { name: (row) => (row.key ? streetHref(String(row.key)) : '') },
  });

  const villages = villageFundRows(r.villages ?? []);
  const chartVillages = topRows(villages, (v) => v.budget_wan, CHART_MAX_ROWS).filter(
    (v) => v.budget_wan > 0,
  );
  const villagesTitle =
    chartVillages.length < villages.length
      ? `计划资金最多的 ${formatNumber(chartVillages.length)} 个村（万元）`
      : '各村计划资金与已拨付（万元）';
  const villagesFigure = figure('projects-villages', {
    title: villagesTitle,
    takeaway: villagesTakeaway(villages),
    chart: (name) => fundChart(chartVillages, name, 'village', (v) => villageHref(v.key)),
    columns: fundColumns('村'),
    rows: chartVillages,
    links: villageLinks,
  });
  const villagesTable =
    ctx.villageCount <= VILLAGE_LIST_MAX
      ? renderAreaGroupsHtml(
          groupByStreet(villages, f.street || f.village ? [] : ctx.streetOrder),
          {
            idPrefix: 'projects-villages-table',
            columns: fundColumns('村'),
            open: ctx.villageCount <= OPEN_VILLAGES_MAX,
            caption: (s) => `${s}各村项目资金（只含村级项目；街道和全区项目见上图）`,
            links: villageLinks,
            tableClass: NOWRAP_FIRST,
            empty: '没有符合筛选条件的村。',
          },
        )
      : `<p class="text-sm text-muted">共 ${formatNumber(ctx.villageCount)} 个村：各村明细见各街道页面（点上图或表中的街道名称）。</p>`;

  const byBreakdown = (b: FundBreakdown) =>
    fundFigure(
      b.id,
      `各${b.noun}的计划资金与已拨付（万元）`,
      fundRowsOf(r.breakdown ?? [], b.dim, b.values),
      {
        noun: b.noun,
        filterKey: b.filterKey,
        href: (row) => filterHref(b.filterKey, row.key),
      },
    );

  const years = yearStatusRows(r.breakdown ?? []);
  const yearsFigure = figure('projects-years', {
    title: '各计划年度项目进展',
    takeaway: statusTakeaway(totals),
    chart: (name) =>
      stackedBarChart(years, {
        ...name,
        label: (y) => `${y.year}年`,
        series: PROJECT_STATUSES.map((s) => ({ key: s, name: s })),
        colors: STATUS_COLORS,
        width: CHART_WIDTH,
      }),
    columns: [
      { key: 'year', label: '计划年度' },
      ...PROJECT_STATUSES.map((s): TableColumn => ({ key: s, label: s, format: 'number' })),
      { key: 'total', label: '合计', format: 'number' },
    ],
    rows: years,
  });

  const points = timelinePoints(r.timeline ?? [], ctx.asOf);
  const timelineFigure = cumulativeFigure('projects-timeline', {
    title: '累计开工与完工的项目',
    takeaway: timelineTakeaway(points, ctx.asOf),
    dateLabel: '月份',
    series: { started: '累计开工', finished: '累计完工' },
    points,
  });

  const coverage = (r.coverage ?? []) as ShortcomingCoverageRow[];
  const findings: FindingLists = {
    拨付超前: (r.ahead ?? []) as ProjectItem[],
    拨付滞后: (r.behind ?? []) as ProjectItem[],
    无受益贫困户: (r.noBeneficiaries ?? []) as ProjectItem[],
  };

  const count = list.q ? toNumber((r.count ?? [])[0]?.projects) : totals.projects;
  const items = renderPagedList(PROJECT_LIST, (r.items ?? []) as ProjectItem[], count, f, list);
  return {
    keyFigures,
    figures: {
      streets: streetsFigure,
      villages: villagesFigure,
      categories: byBreakdown(FUND_BREAKDOWNS.categories),
      sources: byBreakdown(FUND_BREAKDOWNS.sources),
      years: yearsFigure,
      timeline: timelineFigure,
    },
    blocks: {
      villagesTable: block('projects-villages-table', villagesTable),
      coverage: block('projects-coverage', renderCoverageHtml(coverage)),
      findings: block(
        'projects-findings',
        renderFindingsHtml({
          totals,
          coverage,
          lists: findings,
          listHref: (x) =>
            url(
              `${PROJECTS_PATH}${topicSearch({ filters: { ...f, project_finding: x }, list: {} }, PROJECTS_FILTER_KEYS)}`,
            ),
        }),
      ),
      itemsList: block('projects-items-list', items.html),
    },
    texts: { itemsNote: text('projects-items-note', items.note) },
    toggles: {},
  };
}

/** The 双到 matrix (village × 领域, COVERAGE_STATES) or, too large to draw, a summary per street. */
function renderCoverageHtml(rows: readonly ShortcomingCoverageRow[]): string {
  const villages = new Set(rows.map((r) => r.village_code)).size;
  if (villages === 0) return '<p class="card my-4 text-sm">没有符合筛选条件的“双到”村。</p>';
  const takeaway = coverageTakeaway(rows);
  if (villages > MATRIX_VILLAGES_MAX)
    return (
      `<p class="text-sm">${takeaway} 共 ${formatNumber(villages)} 个“双到”村，下表按街道汇总；选择一个街道即可看到各村的矩阵。</p>` +
      renderTableHtml(
        [
          { key: 'street', label: '街道' },
          { key: 'villages', label: '“双到”村', format: 'number' },
          ...COVERAGE_STATES.map((s): TableColumn => ({ key: s, label: s, format: 'number' })),
        ],
        coverageByStreet(rows),
        { caption: '各街道“双到”村领域与项目（村×领域的个数）', class: NOWRAP_FIRST },
      )
    );
  const matrix = coverageMatrix(rows);
  const codeOf = new Map(matrix.rows.map((m) => [m.label, m.code]));
  const title = '“双到”村各领域：短板与对应项目';
  return renderChartFigureHtml(
    figure('projects-coverage-matrix', {
      title,
      takeaway,
      chart: (name) =>
        heatmapChart(matrix.cells, {
          ...name,
          rows: matrix.rows.map((m) => m.label),
          columns: DIMENSIONS,
          colors: COVERAGE_COLORS,
          categories: COVERAGE_STATES,
          width: CHART_WIDTH,
          filterKey: 'village',
          filterValue: (label) => codeOf.get(label) ?? '',
          href: (cell) => {
            const code = codeOf.get(cell.row);
            return code ? `${villageHref(code)}#village-projects` : null;
          },
        }),
      columns: [
        ...columns({ village_name: '村', dimension: '领域', mechanism_in_place: '长效机制' }),
        { key: 'projects', label: '对应项目', format: 'number' },
        { key: 'budget_wan', label: '计划资金（万元）', format: 'money' },
      ],
      rows: [...rows],
      links: villageLinks,
    }),
  );
}

/** Every column of the published table, with its Chinese header (the download's columns). */
const CSV_COLUMNS: CsvColumn<Row>[] = (
  PUBLISHED_TABLES.find((t) => t.name === 'projects')?.columns ?? []
).map((c) => ({ header: c.label, value: c.name }));

export const projectsTopic: TopicSpec<ProjectsContext, ProjectsView> = {
  page: {
    path: PROJECTS_PATH,
    title: '资金项目',
    description:
      '扶贫资金项目：各街道、各村的计划资金与拨付，项目进展，“双到”村短板与项目的对应，需关注的情况和全部项目清单。',
  },
  keys: PROJECTS_FILTER_KEYS,
  context: ({ campaign, streets, projectsProvided }) => ({
    asOf: campaign.as_of,
    provided: projectsProvided,
    streetOrder: streets.map((s) => s.street),
    villageCount: streets.reduce((a, s) => a + s.villages, 0),
  }),
  queries: projectsQueries,
  render: renderProjectsView,
  listCsv: listCsv<ProjectSortKey>(projectItems, CSV_COLUMNS, '项目清单.csv'),
};
