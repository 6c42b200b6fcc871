/**
 * What a village page draws from its VillagePage: the figures (exit
 * categories, measures, income bands, its projects' work periods) and the
 * tables of its register and its 三保障 gaps. Pure; each chart's id is its
 * figure's, as the page has always named them.
 */
import { EXIT_CATEGORIES } from '../../contract/enums.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { barChart, stackedBarChart, timelineChart } from '../../render/charts/index.ts';
import { columns } from '../../render/html/table.ts';
import { renderTableHtml } from '../../render/html/tableHtml.ts';
import { incomeByCategory, incomeTakeaway } from '../shared/incomeByCategory.ts';
import { securityRows } from '../shared/securityRows.ts';
import { figure, type FigureView } from '../shared/topicView.ts';
import { exitFigure } from './exitFigure.ts';
import { phasesTakeaway, projectPhases } from './placeProjects.ts';
import { measuresTakeaway } from './placeTakeaways.ts';
import type { VillagePage } from './villagePage.ts';

export interface VillageFigureOptions {
  povertyLine: number;
  asOf: string;
  /** What the household charts say when the village's rows are published elsewhere. */
  elsewhere?: string;
  /** A topic page (`/exit/`) filtered to the village, and to `extra` (`&gap=…`). */
  topic: (path: string, extra?: string) => string;
}

export interface VillageFigures {
  exit: FigureView;
  measures: FigureView;
  income: FigureView;
  /** Null when no project has a start date. */
  projects: FigureView | null;
  /** The register by stage, and the 三保障 gaps, as tables. */
  registrationHtml: string;
  gapsHtml: string;
}

export function villageFigures(page: VillagePage, o: VillageFigureOptions): VillageFigures {
  const { povertyLine, asOf, elsewhere, topic } = o;
  const reg = page.registration;
  const phases = projectPhases(page.projects.items, page.village.village_name);
  return {
    exit: exitFigure('village-exit-chart', page.exits, {
      chartId: 'village-exit-chart',
      empty: elsewhere,
      href: (c) => topic('/exit/', `&exit_category=${encodeURIComponent(c)}`),
    }),
    measures: figure('village-measures-chart', {
      chartId: 'village-measures-chart',
      title: '各项帮扶措施覆盖户数',
      takeaway: elsewhere ?? measuresTakeaway(page.measures, reg.households.now),
      chart: (name) =>
        barChart(page.measures, {
          ...name,
          label: 'measure',
          value: 'households',
          width: CHART_WIDTH,
          color: 'var(--c5, #009E73)',
        }),
      columns: [
        { key: 'measure', label: '措施' },
        { key: 'households', label: '户数', format: 'number' },
      ],
      rows: page.measures,
    }),
    income: figure('village-income-chart', {
      chartId: 'village-income-chart',
      title: '各收入段户数（按脱贫成效分类）',
      takeaway:
        elsewhere ?? incomeTakeaway(incomeByCategory(page.incomeRows, povertyLine), povertyLine),
      chart: (name) =>
        stackedBarChart(page.incomeBands, {
          ...name,
          // A full-width ～ in the label: the en dash renders wide in CJK fonts and would be clipped.
          label: (r) => r.band.replace(/[–-]/g, '～'),
          series: EXIT_CATEGORIES.map((c) => ({ key: c, name: c })),
          width: CHART_WIDTH,
        }),
      columns: [
        { key: 'band', label: '年人均可支配收入（元）' },
        ...EXIT_CATEGORIES.map((c) => ({ key: c, label: c, format: 'number' as const })),
        { key: 'total', label: '合计', format: 'number' },
      ],
      rows: page.incomeBands,
    }),
    projects:
      phases.length === 0
        ? null
        : figure('village-projects-chart', {
            chartId: 'village-projects-chart',
            title: '本村项目工期',
            takeaway: phasesTakeaway(page.projects.items),
            chart: (name) =>
              timelineChart(phases, {
                ...name,
                asOf,
                noun: '项目',
                statusNames: { done: '已完工', active: '在建', upcoming: '未开工' },
                rangeStyle: 'yearMonth',
                width: CHART_WIDTH,
              }),
            columns: [
              { key: 'name', label: '项目' },
              ...columns({ start: '开工日期', end: '完工日期' }, 'date'),
            ],
            rows: phases.map((x) => ({ ...x })),
          }),
    registrationHtml: renderTableHtml(
      [
        { key: 'stage', label: '阶段' },
        ...columns({ households: '户数', persons: '人数' }, 'number'),
      ],
      registrationRows(page),
      {
        caption: '开始时 + 新增纳入 − 清退 ± 其他人口变动 = 现有',
        class: 'mt-2 md:mt-0 print:mt-0',
      },
    ),
    gapsHtml: renderTableHtml(
      [
        { key: 'gap', label: '保障项' },
        { key: 'households', label: '未保障户数', format: 'number' },
        { key: 'share', label: '占比', format: 'percent' },
      ],
      securityRows(page.gaps),
      {
        caption: '未保障的户数（不含清退户）',
        links: { gap: (r) => topic('/exit/', `&gap=${encodeURIComponent(String(r.gap))}`) },
      },
    ),
  };
}

/**
 * Stages as rows, households and persons as columns: narrow enough for a phone
 * and paper. A village publishes only its current persons; the other cells read "—".
 */
function registrationRows({ registration: reg }: VillagePage) {
  const negate = (n: number | null) => (n === null ? null : -n);
  return [
    { stage: '回头看开始时', households: reg.households.start, persons: reg.persons.start },
    { stage: '新增纳入', households: reg.households.added, persons: reg.persons.added },
    { stage: '清退', households: -reg.households.removed, persons: negate(reg.persons.removed) },
    { stage: '其他人口变动', households: null, persons: reg.persons.other },
    { stage: '现有', households: reg.households.now, persons: reg.persons.now },
    { stage: '其中已脱贫', households: reg.households.exited, persons: reg.persons.exited },
  ];
}
