/**
 * A topic page as a spec: its filters, the named queries one filter state
 * needs, and the view of their results — what the build prerenders once with
 * no filter (loadTopicPage) and the browser runs after every change
 * (src/client/topic/topicPage.ts). Like a Mosaic client, a page declares its
 * queries and receives their typed results; running them is someone else's job.
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { Engine, Row } from '../../engine/engine.ts';
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import type { StreetRow } from '../../queries/places.ts';
import type { CsvColumn } from '../../render/charts/chartDataCsv.ts';
import type { VillageFlag } from '../places/villageFlags.ts';
import type { AnyTopicView } from './topicView.ts';
import type { ListState } from './urlState.ts';

/** The named queries a view needs, by name. */
export type QuerySet = Record<string, SqlQuery>;
/** Their results, by the same names. */
export type QueryResults = Record<string, Row[]>;

/** What the build knows before any query of the page: the campaign, the streets, what was published. */
export interface TopicSetting {
  campaign: Campaign;
  /** Every street with its village counts, in division-code order (streetList). */
  streets: StreetRow[];
  /** Whether projects.csv was provided (manifest.projects_provided): without it the projects table is empty. */
  projectsProvided: boolean;
}

/** One query for every row of a list, and how its rows become CSV columns. */
export interface ListCsv {
  query: SqlQuery;
  columns: CsvColumn<Row>[];
  filename: string;
}

/** A topic page as the site lists it: its path, its title (the `<h1>`) and what it is about (`<meta name="description">`). */
export interface TopicPageInfo {
  /** e.g. `/exit/`: the page's address, its filter form's action and its navigation section. */
  path: string;
  title: string;
  description: string;
}

/**
 * `C` is the page's context: what no filter changes (the street order, the
 * poverty line), built once from the setting and embedded in the page for the
 * browser. `V` is the page's view type.
 */
export interface TopicSpec<C, V extends AnyTopicView = AnyTopicView> {
  page: TopicPageInfo;
  /** Filters shown on the page, in form order (keys of FILTERS). */
  keys: readonly FilterKey[];
  context: (setting: TopicSetting) => C;
  queries: (filters: FilterState, ctx: C, list: ListState) => QuerySet;
  render: (results: QueryResults, ctx: C, filters: FilterState, list: ListState) => V;
  /**
   * The village filter offers only villages with this flag (VILLAGE_FLAGS; default:
   * all) — at build time from the rows, in the browser from the search index.
   */
  villagesWith?: VillageFlag;
  /** The page's long list in full (this filter state, search and order), for its CSV download. */
  listCsv?: (filters: FilterState, ctx: C, list: ListState) => ListCsv;
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
