/**
 * The 建档立卡与户数人数变动 page (/registration/) for one filter state:
 * its named queries and everything it shows. Used by the page at build time
 * (no filter) and by the browser after a filter changes.
 */
import {
  changeReasonTallies,
  changesByType,
  changesOverTime,
  registrationByArea,
} from '../../queries/households.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import { lineChart, stackedBarChart, waterfallChart } from '../../render/charts/index.ts';
import { formatNumber } from '../../render/format.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { streetHref, villageHref } from '../../render/nav.ts';
import { columns, type TableColumn, type TableRow } from '../../render/html/table.ts';
import { renderAreaGroupsHtml } from '../../render/html/areaGroupsHtml.ts';
import { NOWRAP_FIRST, renderTableHtml } from '../../render/html/tableHtml.ts';
import {
  areaChangeTakeaway,
  householdSteps,
  householdTakeaway,
  personSteps,
  personTakeaway,
  sumRegistration,
  toAreaRegistration,
  weeklyChanges,
  weeklyTakeaway,
} from './registration.ts';
import { groupByStreet, listsVillages, orderByStreet, topRows } from '../shared/byStreet.ts';
import { block, figure, text, type TopicView } from '../shared/topicView.ts';
import type { QueryResults, QuerySet, TopicSpec } from '../shared/topicSpec.ts';

export interface RegistrationContext {
  asOf: string;
  streetOrder: string[];
  villageCount: number;
}

/** The change tables carry street and village only: no other filter applies. */
export const REGISTRATION_FILTER_KEYS: readonly FilterKey[] = ['street', 'village'];

/** Village tables start open when there are few villages in all. */
const OPEN_VILLAGES_MAX = 20;
/** Past this many weeks the stacked weekly bars get too long: lines instead. */
const WEEK_BARS_MAX = 20;

const listVillages = (ctx: RegistrationContext) => listsVillages(ctx.villageCount);

/** The /registration/ page's parts, by name. */
export type RegistrationView = TopicView<
  'householdsWaterfall' | 'personsWaterfall' | 'streetsChart' | 'weekly',
  'streetsTable' | 'villages' | 'reasons',
  'recordsCount'
>;

export function registrationQueries(f: FilterState, ctx: RegistrationContext): QuerySet {
  return {
    // Street figures are exact (persons included); a village's are households and its current persons.
    ...(f.village ? {} : { streets: registrationByArea(f, 'street') }),
    ...(listVillages(ctx) || f.village ? { villages: registrationByArea(f, 'village') } : {}),
    byType: changesByType(f),
    weekly: changesOverTime(f),
    reasons: changeReasonTallies(f),
  };
}

const stepColumns: TableColumn[] = [
  { key: 'label', label: '项目' },
  { key: 'value', label: '数量', format: 'number' },
];
/** Households at the start of the review, what changed, and now: every area table has them. */
const HOUSEHOLD_LABELS = {
  households_start: '开始户数',
  households_added: '新增纳入',
  households_removed: '清退',
  households_exited: '已脱贫',
  households_now: '现有户数',
};
/** Villages publish households and their current persons only (docs/privacy.md). */
const villageColumns: TableColumn[] = [
  { key: 'name', label: '村' },
  ...columns({ ...HOUSEHOLD_LABELS, persons_now: '现有人数' }, 'number'),
];
const reasonColumns: TableColumn[] = [
  ...columns({ change_type: '变动类型', reason_category: '原因类别' }),
  { key: 'records', label: '条数', format: 'number' },
];
/** Streets publish persons too: at the start, what changed, and now. */
const areaColumns = (nameLabel: string): TableColumn[] => [
  { key: 'name', label: nameLabel },
  ...columns(
    {
      ...HOUSEHOLD_LABELS,
      persons_start: '开始人数',
      persons_added: '新增人数',
      persons_removed: '清退人数',
      persons_other: '人口增减',
      persons_exited: '已脱贫人数',
      persons_now: '现有人数',
    },
    'number',
  ),
];
const streetLinks = { name: (r: TableRow) => (r.key ? streetHref(String(r.name)) : '') };
const villageLinks = { name: (r: TableRow) => villageHref(String(r.key)) };

export function renderRegistrationView(
  r: QueryResults,
  ctx: RegistrationContext,
  f: FilterState = {},
): RegistrationView {
  const villages = orderByStreet((r.villages ?? []).map(toAreaRegistration), ctx.streetOrder);
  const streets = orderByStreet((r.streets ?? []).map(toAreaRegistration), ctx.streetOrder);
  // A village filter: the village's own figures (households; persons now only).
  const total = sumRegistration(f.village ? villages : streets);
  const byType = r.byType ?? [];
  const totalRecords = byType.reduce((a, t) => a + Number(t.records ?? 0), 0);

  const pairs: [string, number, number | null, ('good' | 'default')?][] = [
    ['回头看开始时', total.households_start, total.persons_start],
    ['新增纳入', total.households_added, total.persons_added],
    ['清退', total.households_removed, total.persons_removed],
    ['已脱贫', total.households_exited, total.persons_exited, 'good'],
    ['现有建档立卡', total.households_now, total.persons_now],
  ];
  const keyFigures = pairs.map(([label, value, persons, tone]) => ({
    label,
    value,
    unit: '户',
    ...(persons === null ? {} : { note: `${formatNumber(persons)} 人` }),
    tone: tone ?? 'default',
  }));

  const hSteps = householdSteps(total);
  const pSteps = personSteps(total, byType);
  const hTakeaway = householdTakeaway(total);
  const pTakeaway = personTakeaway(total, f.village ? 'village' : 'area');
  const waterfall = (id: string, title: string, takeaway: string, steps: typeof hSteps) =>
    figure(id, {
      title,
      takeaway,
      chart: (name) => waterfallChart(steps, { ...name, width: CHART_WIDTH, zero: false }),
      columns: stepColumns,
      rows: steps.map((s) => ({ ...s })),
    });
  const householdsWaterfall = waterfall(
    'registration-households-waterfall',
    '建档立卡户数：开始 → 现有',
    hTakeaway,
    hSteps,
  );
  const personsWaterfall = waterfall(
    'registration-persons-waterfall',
    '建档立卡人数：开始 → 现有',
    pTakeaway,
    pSteps,
  );

  // With a village chosen, its own bar; otherwise the streets'.
  const areas = f.village ? villages : streets;
  const unit = f.village ? '村' : '街道';
  const chartStreets = topRows(areas, (s) => s.households_added + s.households_removed);
  const streetChangeTitle =
    chartStreets.length < areas.length
      ? `新增纳入与清退户数（变动最多的 ${chartStreets.length} 个${unit}）`
      : `各${unit}新增纳入与清退户数`;
  const streetChangeTakeaway = areaChangeTakeaway(areas, unit);
  const streetsChart = figure('registration-streets-chart', {
    title: streetChangeTitle,
    takeaway: streetChangeTakeaway,
    chartId: 'registration-streets-svg',
    chart: (name) =>
      stackedBarChart(chartStreets, {
        ...name,
        label: 'name',
        series: [
          { key: 'households_added', name: '新增纳入' },
          { key: 'households_removed', name: '清退' },
        ],
        width: CHART_WIDTH,
        filterKey: f.village ? 'village' : 'street',
        filterValue: (s) => (f.village || !s.key ? s.key : s.name),
        // The district remainder (key '') has no page of its own.
        href: (s) => (f.village ? villageHref(s.key) : s.key ? streetHref(s.name) : null),
      }),
    columns: [
      { key: 'name', label: unit },
      ...columns(
        { households_added: '新增纳入（户）', households_removed: '清退（户）' },
        'number',
      ),
    ],
    rows: chartStreets,
    links: f.village ? villageLinks : streetLinks,
  });
  const streetsTable = f.village
    ? renderTableHtml(villageColumns, villages, {
        caption: '所选村的户数（村一级只公开户数和现有人数）',
        links: villageLinks,
        class: NOWRAP_FIRST,
      })
    : renderTableHtml(areaColumns('街道'), [...streets, total], {
        caption: `共 ${formatNumber(streets.length)} 个街道，最后一行为合计`,
        links: streetLinks,
        class: NOWRAP_FIRST,
      });

  const villagesHtml = listVillages(ctx)
    ? renderAreaGroupsHtml(groupByStreet(villages), {
        idPrefix: 'registration-villages',
        columns: villageColumns,
        open: ctx.villageCount <= OPEN_VILLAGES_MAX,
        caption: (s) => `${s}各村户数人数`,
        links: villageLinks,
        tableClass: NOWRAP_FIRST,
        streetLink: (s) => ({ href: streetHref(s), text: `${s}详情 →` }),
      })
    : `<p>共 ${formatNumber(ctx.villageCount)} 个村，分属 ${formatNumber(streets.length)} 个街道：各村明细见各街道页面（点上表中的街道名称）。</p>`;

  const { weeks, types } = weeklyChanges(r.weekly ?? [], ctx.asOf);
  const weeklyTitle = '每周变动记录数（按变动类型）';
  const weeklyText = weeklyTakeaway(weeks, types);
  const weekly = figure('registration-weekly', {
    title: weeklyTitle,
    takeaway: weeklyText,
    chart: (name) =>
      weeks.length <= WEEK_BARS_MAX
        ? stackedBarChart(weeks, {
            ...name,
            label: 'label',
            series: types.map((t) => ({ key: t, name: t })),
            width: CHART_WIDTH,
          })
        : lineChart(
            types.map((t) => ({
              name: t,
              points: weeks.map((w) => ({ date: w.week, value: Number(w[t] ?? 0) })),
            })),
            { ...name, width: CHART_WIDTH },
          ),
    columns: [
      { key: 'range', label: '周（周一至周日）' },
      ...types.map((t): TableColumn => ({ key: t, label: t, format: 'number' })),
      { key: 'total', label: '合计', format: 'number' },
    ],
    rows: weeks,
  });

  const reasons = r.reasons ?? [];
  // Reason tallies cover only the calendar months closed before the as-of date (docs/privacy.md).
  const [y, m] = ctx.asOf.split('-').map(Number) as [number, number];
  const closed = m === 1 ? `${y - 1} 年 12 月` : `${y} 年 ${m - 1} 月`;
  const months = `只计已结束的月份（截至 ${closed}底；本月的变动在月底以后的发布中公开）`;
  return {
    keyFigures,
    figures: { householdsWaterfall, personsWaterfall, streetsChart, weekly },
    blocks: {
      streetsTable: block('registration-streets-table', streetsTable),
      villages: block('registration-villages', villagesHtml),
      reasons: block(
        'registration-reasons',
        reasons.length === 0
          ? `<p class="text-sm text-muted">这一范围没有可公开的变动原因类别（条数太少时并入其余街道合计；${months}）。</p>`
          : renderTableHtml(reasonColumns, reasons, {
              caption: `${f.street || f.village ? '本街道的变动原因类别' : '全区的变动原因类别'}，${months}`,
            }),
      ),
    },
    texts: {
      recordsCount: text('registration-records-count', formatNumber(totalRecords)),
    },
    toggles: {},
  };
}

export const registrationTopic: TopicSpec<RegistrationContext, RegistrationView> = {
  page: {
    path: '/registration/',
    title: '建档立卡与户数人数变动',
    description: '各街道、各村建档立卡贫困户户数人数，回头看中的新增纳入、清退、脱贫与人口增减。',
  },
  keys: REGISTRATION_FILTER_KEYS,
  context: ({ campaign, streets }) => ({
    asOf: campaign.as_of,
    streetOrder: streets.map((r) => r.street),
    villageCount: streets.reduce((a, r) => a + r.villages, 0),
  }),
  queries: registrationQueries,
  render: renderRegistrationView,
};
