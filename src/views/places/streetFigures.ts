/**
 * What a street page draws from its StreetPage: its exit categories, each
 * village's as shares, its 双到 villages' matrix, and the tables of its
 * villages and of their projects. Pure; each chart's id is its figure's, as
 * the page has always named them.
 */
import { DIMENSIONS, EXIT_CATEGORIES } from '../../contract/enums.ts';
import { formatNumber } from '../../render/format.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { heatmapChart, stackedBarChart } from '../../render/charts/index.ts';
import { villageHref } from '../../render/nav.ts';
import { columns } from '../../render/html/table.ts';
import { renderTableHtml } from '../../render/html/tableHtml.ts';
import { fundColumns } from '../projects/projects.ts';
import { figure, type FigureView } from '../shared/topicView.ts';
import { exitFigure } from './exitFigure.ts';
import type { StreetPage } from './streetPage.ts';
import { shuangdaoLabel } from './villages.ts';

export interface StreetFigureOptions {
  /** A topic page (`/exit/`) filtered to the street, and to `extra` (`&exit_category=…`). */
  topic: (path: string, extra?: string) => string;
  /** Whether some of its villages' household rows are published elsewhere (streetDetailNote). */
  rowsElsewhere: boolean;
}

export interface StreetFigures {
  exit: FigureView;
  exitVillages: FigureView;
  /** Null when the street has no 双到 village. */
  shuangdao: FigureView | null;
  villagesHtml: string;
  projectsHtml: string;
}

/** Wide tables keep every cell on one line; they scroll sideways on a phone. */
const NOWRAP = '[&_td]:whitespace-nowrap [&_th]:whitespace-nowrap';

export function streetFigures(page: StreetPage, o: StreetFigureOptions): StreetFigures {
  const { street } = page;
  const withHouseholds = page.villages.filter((v) => v.households > 0);
  const villageLink = {
    village_name: (r: { village_code?: unknown }) => villageHref(String(r.village_code)),
  };
  const exitVillagesTitle = '各村脱贫成效分类（户数占比）';
  return {
    exit: exitFigure('street-exit-chart', page.exits, {
      chartId: 'street-exit-chart',
      empty: o.rowsElsewhere ? '本街道没有按村公开的户级数据，见上面的说明。' : undefined,
      href: (c) => o.topic('/exit/', `&exit_category=${encodeURIComponent(c)}`),
    }),
    // The chart describes its bars itself; the takeaway says how to read them.
    exitVillages: {
      id: 'street-exit-villages',
      title: exitVillagesTitle,
      takeaway: '每行一个村，按户数占比显示三类，行末为户数；点村名看该村详情。',
      svg: stackedBarChart(withHouseholds, {
        id: 'street-exit-villages',
        title: exitVillagesTitle,
        label: 'village_name',
        series: EXIT_CATEGORIES.map((c) => ({ key: c, name: c })),
        normalize: true,
        width: CHART_WIDTH,
        filterKey: 'village',
        filterValue: (r) => r.village_code,
        href: (r) => villageHref(r.village_code),
      }),
      columns: [
        { key: 'village_name', label: '村（居）' },
        ...EXIT_CATEGORIES.map((c) => ({ key: c, label: c, format: 'number' as const })),
        { key: 'households', label: '合计', format: 'number' },
      ],
      rows: withHouseholds,
      links: villageLink,
    },
    shuangdao: page.shuangdaoVillages.length === 0 ? null : shuangdaoMatrix(page),
    villagesHtml: renderTableHtml(
      [
        { key: 'village_name', label: '村（居）' },
        ...columns(
          {
            households: '现有户数',
            persons: '人数',
            households_added: '新增纳入',
            households_removed: '清退',
            households_exited: '已脱贫',
          },
          'number',
        ),
        { key: 'shuangdao', label: '“双到”' },
        ...columns({ rect_open: '整改未完成', rect_overdue_open: '其中逾期' }, 'number'),
      ],
      page.villages.map((v) => ({
        ...v,
        shuangdao: v.shuangdao_round ? `第${v.shuangdao_round}轮` : '',
      })),
      {
        caption: `${street}各村（居）建档立卡户数与整改情况，点村名看详情`,
        links: villageLink,
        class: NOWRAP,
      },
    ),
    projectsHtml: renderTableHtml(
      [
        ...fundColumns('村（居）', 'village_name'),
        { key: 'flagged', label: '需关注', format: 'number' },
      ],
      // The per-finding counts fold into one (projects with any finding).
      page.projects.villages.map(({ findings: _, ...v }) => v),
      {
        caption: `${street}各村的项目（不含覆盖全街道的项目），点村名看项目详情`,
        links: {
          village_name: (r) => `${villageHref(String(r.village_code))}#village-projects`,
        },
        class: NOWRAP,
      },
    ),
  };
}

/** One row per 双到 village (its name), one column per 领域, cells 是/否; a cell links to the village's shortcomings. */
function shuangdaoMatrix(page: StreetPage): FigureView {
  const villages = page.shuangdaoVillages;
  const gapVillages = new Set(
    page.shortcomings.filter((s) => s.mechanism_in_place !== '是').map((s) => s.village_code),
  );
  return figure('street-shuangdao-matrix', {
    chartId: 'street-shuangdao-matrix',
    title: '各“双到”村各领域是否已建立长效机制',
    takeaway: `${formatNumber(villages.length)} 个“双到”村中，${formatNumber(gapVillages.size)} 个村至少一个领域未建立长效机制（“否”）。`,
    chart: (name) =>
      heatmapChart(
        page.shortcomings.map((s) => ({
          row: s.village_name,
          column: s.dimension,
          value: s.mechanism_in_place,
        })),
        {
          ...name,
          rows: villages.map((v) => v.village_name),
          columns: DIMENSIONS,
          width: CHART_WIDTH,
          href: (cell) => {
            const v = villages.find((x) => x.village_name === cell.row);
            return v ? `${villageHref(v.village_code)}#village-shuangdao` : null;
          },
        },
      ),
    columns: [
      ...columns({ village_name: '村', round: '轮次' }),
      ...DIMENSIONS.map((d) => ({ key: d, label: d })),
    ],
    rows: villages.map((v) => ({
      village_code: v.village_code,
      village_name: v.village_name,
      round: shuangdaoLabel(v.shuangdao_round),
      ...Object.fromEntries(
        DIMENSIONS.map((d) => [
          d,
          page.shortcomings.find((s) => s.village_code === v.village_code && s.dimension === d)
            ?.mechanism_in_place ?? null,
        ]),
      ),
    })),
    links: { village_name: (r) => villageHref(String(r.village_code)) },
  });
}
