/**
 * Pre-built answers: for every topic page, the results of its named queries
 * under each single-filter choice (each street, each village, each value of
 * each enumerated filter), computed at build time (src/build/answers/) and
 * rendered in the browser by the page's own spec.render — so a first tap is
 * answered from a small static file while DuckDB-WASM is still far away.
 *
 * Where a state's answer lives (one source of truth for the build and the
 * browser), under the publication's answers folder, per page:
 *   streets.json           no filter, and each street — small enough at most
 *                          pages to fetch after first paint, so a first tap on
 *                          a street is answered with no request at all
 *   streets/<street>.json  one street and each of its villages (street as
 *                          streetShard()): what a tap on a street fetches when
 *                          streets.json is not there; it brings the villages
 *                          the village list then offers
 *   <key>.json             each value of one enumerated filter
 * A file holds `{ v, states: { <state>: { <query name>: { c, r } } } }`, the
 * state written as the page's canonical query string (topicSearch): '' for no
 * filter; each query's rows as column names `c` and value rows `r` (a third of
 * the bytes of row objects, and quicker to parse on a phone).
 *
 * Only filter states with nothing else set are pre-built: a search, an order
 * or a later page of the list, or two filters at once, go to the engine.
 */
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import type { Row } from '../../engine/engine.ts';
import type { QueryResults } from './topicSpec.ts';
import { topicSearch, type TopicUrlState } from './urlState.ts';

/** Format version of an answers file; a browser that reads another one uses the engine. */
export const ANSWERS_VERSION = 2;

/** One query's rows, packed: column names once, then the values of each row. */
export interface PackedRows {
  c: string[];
  r: Row[keyof Row][][];
}
export type PackedResults = Record<string, PackedRows>;

export interface AnswerFile {
  v: number;
  states: Record<string, PackedResults>;
}

/** Query results → their packed form (columns from the first row: every row of a query has the same). */
export function packResults(results: QueryResults): PackedResults {
  return Object.fromEntries(
    Object.entries(results).map(([name, rows]) => {
      const c = rows[0] ? Object.keys(rows[0]) : [];
      return [name, { c, r: rows.map((row) => c.map((k) => row[k] ?? null)) }];
    }),
  );
}

/** The packed form → query results, row objects as the engine returns them. */
export function unpackResults(packed: PackedResults): QueryResults {
  return Object.fromEntries(
    Object.entries(packed).map(([name, { c, r }]) => [
      name,
      r.map((values) => Object.fromEntries(c.map((k, i) => [k, values[i] ?? null])) as Row),
    ]),
  );
}

/** Where one state's answer is: its key, and the files that hold it (the one to fetch first). */
export interface AnswerRef {
  state: string;
  files: readonly [string, ...string[]];
}

/** What the build tells the pages about the answers (answers.json beside the published files). */
export interface AnswersIndex {
  /** `data/answers/<digest>/`, relative to the site root; a page's files are in `<dir><page>/`. */
  dir: string;
  /** Per page: the files worth fetching after first paint (small, and what a first tap needs). */
  pages: Record<string, { prefetch: string[] }>;
}

/** The file of a page's street states (with the unfiltered state). */
export const STREETS_FILE = 'streets.json';

/**
 * A short, stable file name for a street's village shard: FNV-1a (32 bit) of
 * its name in hex. Names are Chinese; a hash keeps URLs plain and is the same
 * in Node and the browser without any table.
 */
export function streetShard(street: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < street.length; i++) {
    h ^= street.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The list state is untouched (first page, default order, no search). */
const plainList = (s: TopicUrlState): boolean =>
  !s.list.sort && !s.list.q && (s.list.page ?? 1) <= 1;

/**
 * Where the answer to `state` is pre-built, or undefined when it needs the
 * engine. A village comes with its street (the form sets both).
 */
export function answerRef(state: TopicUrlState, keys: readonly FilterKey[]): AnswerRef | undefined {
  if (!plainList(state)) return undefined;
  const set = keys.filter((k) => state.filters[k]);
  const key = answerState(state.filters, keys);
  const { street, village } = state.filters;
  if (set.length === 0) return { state: key, files: [STREETS_FILE] };
  const shard = street ? `streets/${streetShard(street)}.json` : '';
  if (set.length === 1 && street) return { state: key, files: [shard, STREETS_FILE] };
  if (set.length === 2 && street && village) return { state: key, files: [shard] };
  const [only] = set;
  if (set.length === 1 && only && only !== 'village')
    return { state: key, files: [`${only}.json`] };
  return undefined;
}

/** The canonical key of a filter state in its answer files. */
export function answerState(filters: FilterState, keys: readonly FilterKey[]): string {
  return topicSearch({ filters, list: {} }, keys);
}
