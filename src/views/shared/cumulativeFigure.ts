/**
 * Running totals over time (projects started and finished, problems found and
 * done) as a figure: a line per count, and a table of the date and each count.
 */
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { lineChart } from '../../render/charts/index.ts';
import { columns } from '../../render/html/table.ts';
import { figure, type FigureView } from './topicView.ts';

/** One date's running totals, keyed as the figure's `series`. */
export type CumulativePoint<K extends string> = { [key: string]: string | number; date: string } & {
  [k in K]: number;
};

export function cumulativeFigure<K extends string>(
  id: string,
  f: {
    title: string;
    takeaway: string;
    /** What the table calls the date column: `日期` unless said (`月份`). */
    dateLabel?: string;
    /** The counts, by key: their line's and column's name. */
    series: Readonly<Record<K, string>>;
    points: readonly CumulativePoint<NoInfer<K>>[];
  },
): FigureView {
  const keys = Object.keys(f.series) as K[];
  return figure(id, {
    title: f.title,
    takeaway: f.takeaway,
    chart: (name) =>
      lineChart(
        keys.map((key) => ({
          name: f.series[key],
          points: f.points.map((p) => ({ date: p.date, value: p[key] })),
        })),
        { ...name, width: CHART_WIDTH },
      ),
    columns: [
      { key: 'date', label: f.dateLabel ?? '日期', format: 'date' },
      ...columns(f.series, 'number'),
    ],
    rows: [...f.points],
  });
}
