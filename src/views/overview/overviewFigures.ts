/**
 * The overview page's figures: households by 脱贫成效分类, the 双到 villages'
 * shortcomings by 领域 (each bar a link to its topic page, filtered), and the
 * review's work phases. Pure.
 */
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { barChart, timelineChart } from '../../render/charts/index.ts';
import { formatDate } from '../../render/format.ts';
import { url } from '../../render/nav.ts';
import { figure, type FigureView } from '../shared/topicView.ts';
import { exitFigure } from '../places/exitFigure.ts';
import type { Overview } from './overview.ts';
import { columns } from '../../render/html/table.ts';

/** A phase of the review (phaseList); a type, not an interface, so it is a table row. */
export type Phase = { name: string; start: string; end: string };

/** The overview's three figures; `current` names the phases `asOf` falls in. */
export function overviewFigures(
  o: Overview,
  phases: Phase[],
  asOf: string,
  current: readonly string[],
): Record<'exit' | 'shuangdao' | 'timeline', FigureView> {
  const timelineTitle = '“回头看”工作阶段';
  return {
    exit: exitFigure('overview-exit', o.exitRows, {
      chartId: null,
      takeaway: o.exitTakeaway,
      href: (c) => url(`/exit/?exit_category=${encodeURIComponent(c)}`),
    }),
    shuangdao: figure('overview-shuangdao', {
      chartId: null,
      title: '各领域未建立长效机制的“双到”村数',
      takeaway: o.shuangdaoTakeaway,
      chart: (name) =>
        barChart(o.shuangdaoRows, {
          ...name,
          label: 'dimension',
          value: 'villages_with_gap',
          max: Math.max(1, o.shuangdaoVillages),
          width: CHART_WIDTH,
          color: 'var(--c2, #e69f00)',
          href: (r) => url(`/shuangdao/?dimension=${encodeURIComponent(r.dimension)}`),
        }),
      columns: [
        { key: 'dimension', label: '领域' },
        ...columns({ villages_with_gap: '有短板的村', villages: '“双到”村' }, 'number'),
      ],
      rows: o.shuangdaoRows,
    }),
    // The SVG describes the phases itself: the takeaway says where the review stands.
    timeline: {
      id: 'overview-timeline',
      title: timelineTitle,
      takeaway: `数据截止 ${formatDate(asOf)}${current.length ? `，处于「${current.join('」「')}」阶段` : ''}。`,
      svg: timelineChart(phases, { title: timelineTitle, asOf, width: CHART_WIDTH }),
      columns: [{ key: 'name', label: '阶段' }, ...columns({ start: '开始', end: '结束' }, 'date')],
      rows: phases,
    },
  };
}
