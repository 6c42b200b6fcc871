/**
 * A topic page's long list, paginated in SQL: its pages' addresses, the line
 * that says what is shown ("共 120 项，每页 50 项：…"), and the page links
 * around the table. One machinery for every long list (问题清单, 项目清单):
 * page 1 is the topic page itself, pages 2… are prerendered at
 * `<path>page/N/` for readers without JavaScript; with a filter, search or
 * order set, page links carry the state (`?…&page=2`) and the browser
 * applies them in place.
 */
import type { FilterKey, FilterState } from '../../queries/filters.ts';
import type { ListOptions } from '../../queries/listQuery.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import type { Row } from '../../engine/engine.ts';
import type { CsvColumn } from '../../render/charts/chartDataCsv.ts';
import type { ListCsv } from './topicSpec.ts';
import { formatNumber } from '../../render/format.ts';
import { url } from '../../render/nav.ts';
import { renderPageLinksHtml } from '../../render/html/pageLinksHtml.ts';
import { escapeHtml } from '../../render/html/tableHtml.ts';
import type { ListColumn } from '../../render/html/listTableHtml.ts';
import { hasTopicState, topicSearch, type ListState } from './urlState.ts';

/** The path of page `page` of the list of the topic page at `path` (page 1 is the page itself). */
export function listPagePath(path: string, page: number): string {
  return page <= 1 ? path : `${path}page/${page}/`;
}

/** The list's order as its table header shows it (`aria-sort`). */
export interface ListSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** What the table of one page gets: its caption, the number of its first row, the order. */
export interface ListTableOptions {
  caption: string;
  start: number;
  sort?: ListSort;
}

/** How one list is shown: on its topic page (page 1, ListSection) and on pages 2… (ListPage). */
export interface PagedListSpec<T> {
  /** The topic page's path, e.g. `/projects/`. */
  path: string;
  /** The page's filter keys (the state carried by page links). */
  keys: readonly FilterKey[];
  pageSize: number;
  /** The list section's element id: `<id>-h` its heading, `<id>-q` its search box. */
  id: string;
  /** The list's name: `项目清单` (its heading, captions and the page links' label). */
  label: string;
  /** What one row is and its counter: `问题` / `项`, `项目` / `个`. */
  noun: string;
  unit: string;
  /** How the total is counted, when not just `unit`: `个项目` ("共 585 个项目"). */
  counted?: string;
  /** The sort keys the list's query takes (the address's `sort`). */
  sortKeys: readonly string[];
  /** The table's columns; those with a sort key are the order menu's. */
  columns: readonly ListColumn[];
  /** What the search box suggests one searches: `编号、名称、任务、单位…`. */
  placeholder: string;
  /** The default order, in a sentence (`按项目编号排列`) and as the order menu's first option says it. */
  order: { text: string; menu: string };
  table: (items: readonly T[], o: ListTableOptions) => string;
}

/** The list state as its query takes it: the order by a column of `K`, and the search. */
export function listOptions<K extends string>(list: ListState): ListOptions<K> {
  return {
    sort: list.sort ? { key: list.sort as K, dir: list.dir ?? 'asc' } : undefined,
    search: list.q,
  };
}

/** A list's CSV download (a TopicSpec's `listCsv`): `items` for every row of the filters, search and order. */
export function listCsv<K extends string>(
  items: (f: FilterState, limit: null, offset: number, o: ListOptions<K>) => SqlQuery,
  columns: CsvColumn<Row>[],
  filename: string,
): (f: FilterState, ctx: unknown, list: ListState) => ListCsv {
  return (f, _ctx, list) => ({ query: items(f, null, 0, listOptions<K>(list)), columns, filename });
}

/** "按整改时限降序排列" — the order `list` asks for, or `fallback` (the list's default order). */
export function sortOrderText(
  columns: readonly { label: string; sort: string }[],
  list: ListState,
  fallback: string,
): string {
  const col = columns.find((c) => c.sort === list.sort);
  if (!col) return fallback;
  return `按${col.label}${list.dir === 'desc' ? '降序' : '升序'}排列`;
}

/** Previous / numbered / next links above and below one page's table, as HTML. */
export function renderPagedTableHtml(
  page: number,
  lastPage: number,
  href: (page: number) => string,
  label: string,
  table: string,
): string {
  return (
    renderPageLinksHtml(page, lastPage, href, `${label}分页（上）`) +
    table +
    renderPageLinksHtml(page, lastPage, href, `${label}分页`)
  );
}

/** The rows' numbers on page `page`: the first one's, and the last page. */
export function pageRange(
  count: number,
  page: number,
  pageSize: number,
): { first: number; lastPage: number } {
  return { first: (page - 1) * pageSize + 1, lastPage: Math.max(1, Math.ceil(count / pageSize)) };
}

/**
 * One page of the list (the rows the query returned for it) with its note and
 * page links. `count` is how many rows the filters and search match in all.
 */
export function renderPagedList<T>(
  spec: PagedListSpec<T>,
  items: readonly T[],
  count: number,
  filters: FilterState,
  list: ListState,
): { note: string; html: string } {
  const { pageSize, label, noun, unit } = spec;
  const page = list.page ?? 1;
  const { first, lastPage } = pageRange(count, page, pageSize);
  const stateful = hasTopicState({ filters, list });
  const href = (p: number) =>
    stateful
      ? url(`${spec.path}${topicSearch({ filters, list: { ...list, page: p } }, spec.keys)}`)
      : url(listPagePath(spec.path, p));
  const range =
    items.length > 0 && lastPage > 1
      ? `本页为第 ${formatNumber(first)}—${formatNumber(first + items.length - 1)} ${unit}。`
      : '';
  const note = `共 ${formatNumber(count)} ${spec.counted ?? unit}${list.q ? `含“${list.q}”` : ''}，每页 ${pageSize} ${unit}：${sortOrderText(spec.columns, list, spec.order.text)}。${range}`;
  if (items.length === 0)
    return {
      note,
      html:
        `<p class="card my-4 text-sm">${escapeHtml(count === 0 ? `没有符合条件的${noun}。` : `这一页没有${noun}：请回到第 1 页。`)}</p>` +
        renderPageLinksHtml(Math.min(page, lastPage), lastPage, href, `${label}分页`),
    };
  const table = spec.table(items, {
    caption: `${label}（第 ${formatNumber(page)} 页，共 ${formatNumber(lastPage)} 页）`,
    start: first,
    sort: list.sort ? { key: list.sort, dir: list.dir ?? 'asc' } : undefined,
  });
  return { note, html: renderPagedTableHtml(page, lastPage, href, label, table) };
}
