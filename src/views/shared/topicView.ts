/**
 * What a topic page shows for one filter state, as plain data and HTML
 * strings: the prerendered page renders it at build time, the browser renders
 * it again after a filter changes and swaps it in (src/client/topic/topicPage.ts).
 * One pure function per page builds it (src/views/<page>/<page>View.ts), from the
 * results of the page's named queries — so both see the same numbers.
 */
import type { Engine, Row } from '../../engine/engine.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import type { CsvColumn } from '../../render/charts/chartDataCsv.ts';
import type { TableColumn, TableRow } from '../../render/html/table.ts';
import type { ListState } from './urlState.ts';

/** One ChartFigure's content (its element id is the key in `TopicView.figures`). */
export interface FigureView {
  title: string;
  takeaway: string;
  svg: string;
  columns: TableColumn[];
  rows: TableRow[];
  links?: Record<string, (row: TableRow) => string>;
}

/** One KeyFigure's changing parts, found by its label (`data-figure`). */
export interface KeyFigureView {
  label: string;
  value: number;
  unit?: string;
  note?: string;
  tone?: 'default' | 'good' | 'bad';
}

export interface TopicView {
  figures: Record<string, FigureView>;
  keyFigures: KeyFigureView[];
  /** Element id → its inner HTML (escaped by the renderer that made it). */
  html: Record<string, string>;
  /** Element id → its text. */
  text: Record<string, string>;
  /** Element id → whether it is hidden. */
  hidden: Record<string, boolean>;
}

/** The named queries a view needs, by name. */
export type QuerySet = Record<string, SqlQuery>;
/** Their results, by the same names. */
export type QueryResults = Record<string, Row[]>;

/**
 * A topic page for the browser: its filters, the queries one state needs and
 * the view of their results. `C` is the page's build-time context (things no
 * filter changes: the street order, the poverty line), embedded in the page.
 */
export interface TopicSpec<C> {
  /** Filters shown on the page, in form order (keys of FILTERS). */
  keys: readonly FilterKey[];
  queries: (filters: FilterState, ctx: C, list: ListState) => QuerySet;
  render: (results: QueryResults, ctx: C, filters: FilterState, list: ListState) => TopicView;
  /** The page's long list in full (this filter state, search and order), for its CSV download. */
  listCsv?: (filters: FilterState, ctx: C, list: ListState) => ListCsv;
}

/** One query for every row of a list, and how its rows become CSV columns. */
export interface ListCsv {
  query: SqlQuery;
  columns: CsvColumn<Row>[];
  filename: string;
}

/**
 * Runs every query of a set. They are sent together: the worker still runs
 * them one by one, but the message round trips overlap instead of adding up.
 */
export async function runQuerySet(engine: Engine, queries: QuerySet): Promise<QueryResults> {
  const entries = Object.entries(queries);
  const results = await Promise.all(entries.map(([, q]) => engine.query(q)));
  return Object.fromEntries(entries.map(([name], i) => [name, results[i] ?? []]));
}

/** An empty view, to build on. */
export function emptyView(): TopicView {
  return { figures: {}, keyFigures: [], html: {}, text: {}, hidden: {} };
}

/** What a figure's chart is called: its id (the figure's + "-svg"), its title and description. */
export interface ChartName {
  id: string;
  title: string;
  description: string;
}

/**
 * Sets figure `id` of a view; its chart is named by the figure's title and
 * takeaway, so the picture and the caption cannot say different things.
 */
export function setFigure(
  view: TopicView,
  id: string,
  f: Omit<FigureView, 'svg'> & { chart: (name: ChartName) => string },
): void {
  const { title, takeaway, chart, columns, rows, links } = f;
  const svg = chart({ id: `${id}-svg`, title, description: takeaway });
  view.figures[id] = { title, takeaway, svg, columns, rows, ...(links ? { links } : {}) };
}
