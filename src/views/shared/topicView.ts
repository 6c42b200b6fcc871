/**
 * What a topic page shows for one filter state, as plain data and HTML
 * strings: the prerendered page renders it at build time, the browser renders
 * it again after a filter changes and swaps it in (src/client/topic/topicPage.ts).
 * One pure function per page builds it (src/views/<page>/<page>View.ts), from the
 * results of the page's named queries — so both see the same numbers.
 *
 * A page's view type names its parts (`view.figures.streetsCount`), so the page
 * and the view cannot disagree on a name without a type error; each part carries
 * the id of the element it fills, which is all the browser needs to swap it.
 */
import type { FigureView } from '../../render/html/chartFigureHtml.ts';
import type { KeyFigureView } from '../../render/html/keyFigure.ts';

export type { FigureView, KeyFigureView };

/** A block whose inner HTML is replaced (escaped by the renderer that made it). */
export interface BlockView {
  id: string;
  html: string;
}

/** A count or phrase in running text (`data-topic-text`). */
export interface TextView {
  id: string;
  text: string;
}

/** An element shown or hidden by the state. */
export interface ToggleView {
  id: string;
  hidden: boolean;
}

/**
 * A topic page's view: `F`, `B`, `T`, `H` name its figures, blocks, texts and
 * toggles. Every name of the page's type must be filled.
 */
export interface TopicView<
  F extends string = string,
  B extends string = never,
  T extends string = never,
  H extends string = never,
> {
  keyFigures: KeyFigureView[];
  figures: Record<F, FigureView>;
  blocks: Record<B, BlockView>;
  texts: Record<T, TextView>;
  toggles: Record<H, ToggleView>;
}

/**
 * Any page's view, as the browser swaps it in. A page may leave a block out of
 * its view type's promise (null: the element stays as prerendered).
 */
export interface AnyTopicView {
  keyFigures: KeyFigureView[];
  figures: Record<string, FigureView>;
  blocks: Record<string, BlockView | null>;
  texts: Record<string, TextView>;
  toggles: Record<string, ToggleView>;
}

/** What a figure's chart is called: its id (the figure's + "-svg"), its title and description. */
export interface ChartName {
  /** Absent: the chart's own id (from its kind and title). */
  id?: string;
  title: string;
  description: string;
}

/**
 * Figure `id`; its chart is named by the figure's title and takeaway, so the
 * picture and the caption cannot say different things.
 */
export function figure(
  id: string,
  f: Omit<FigureView, 'id' | 'svg'> & {
    chart: (name: ChartName) => string;
    /** The SVG's id, when it is not the figure's + "-svg"; null: the chart's own. */
    chartId?: string | null;
  },
): FigureView {
  const { title, takeaway, chart, chartId = `${id}-svg`, columns, rows, links } = f;
  const svg = chart({ ...(chartId === null ? {} : { id: chartId }), title, description: takeaway });
  return { id, title, takeaway, svg, columns, rows, ...(links ? { links } : {}) };
}

export const block = (id: string, html: string): BlockView => ({ id, html });
export const text = (id: string, value: string): TextView => ({ id, text: value });
export const toggle = (id: string, hidden: boolean): ToggleView => ({ id, hidden });
