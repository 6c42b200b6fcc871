/**
 * Households per 脱贫成效分类 as a figure, for the overview, a street and a
 * village: a bar per category, each a link to the exit page filtered to it.
 */
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { barChart } from '../../render/charts/index.ts';
import { figure, type FigureView } from '../shared/topicView.ts';
import { exitTakeaway } from './placeTakeaways.ts';
import type { ExitShare } from './villagePage.ts';

export interface ExitFigureOptions {
  /** The exit topic page filtered to the category (and the place). */
  href: (category: string) => string;
  /** The takeaway, when not exitTakeaway's. */
  takeaway?: string;
  /** The takeaway when no row is counted (a place whose rows are published elsewhere). */
  empty?: string;
  /** The SVG's id, as figure() takes it. */
  chartId?: string | null;
}

/** What makes a chart's category bars filters of the page and links to the exit page for their category. */
export function exitCategoryMarks(href: (category: string) => string) {
  return {
    filterKey: 'exit_category',
    filterValue: (r: { category: string }) => r.category,
    href: (r: { category: string }) => href(r.category),
  };
}

export function exitFigure(id: string, exits: ExitShare[], o: ExitFigureOptions): FigureView {
  const { href, empty, chartId } = o;
  return figure(id, {
    chartId,
    title: '各脱贫成效分类户数',
    takeaway:
      empty && exits.every((e) => e.households === 0) ? empty : (o.takeaway ?? exitTakeaway(exits)),
    chart: (name) =>
      barChart(exits, {
        ...name,
        label: 'category',
        value: 'households',
        width: CHART_WIDTH,
        ...exitCategoryMarks(href),
      }),
    columns: [
      { key: 'category', label: '分类' },
      { key: 'households', label: '户数', format: 'number' },
      { key: 'share', label: '占比', format: 'percent' },
    ],
    rows: exits,
  });
}
