/**
 * A topic page's view state ↔ its URL query string, so the address is the
 * state: reload restores it, Back undoes a filter, a copied link opens the same
 * view. Pure (URLSearchParams only), tested without a browser.
 *
 * Unknown keys and values outside a filter's fixed options are dropped rather
 * than sent to the engine: a hand-edited link shows a valid view, never an error.
 */
import { FILTERS, type FilterKey, type FilterState } from '../../queries/filters.ts';

/** Sorting, search and paging of the page's long list (the rectification items). */
export interface ListState {
  /** Column key; `dir` says which way. */
  sort?: string;
  dir?: 'asc' | 'desc';
  /** Free-text search, at most SEARCH_MAX characters. */
  q?: string;
  /** 1-based page of the list. */
  page?: number;
}

export interface TopicUrlState {
  filters: FilterState;
  list: ListState;
}

/** Query-string keys of the list state (never FILTERS keys). */
export const LIST_KEYS = { sort: 'sort', q: 'q', page: 'page' } as const;
/** Longer search text is cut: the engine would scan for it all the same. */
export const SEARCH_MAX = 100;
/** A filter value is a name or a code; anything longer is not one of ours. */
const VALUE_MAX = 200;

function params(search: string | URLSearchParams): URLSearchParams {
  return typeof search === 'string' ? new URLSearchParams(search) : search;
}

/**
 * The filters of `keys` set in a query string. Values of enumerated filters
 * must be one of their options; street and village are checked by the caller
 * (they come from the data).
 */
export function parseFilterState(
  search: string | URLSearchParams,
  keys: readonly FilterKey[],
): FilterState {
  const p = params(search);
  const out: FilterState = {};
  for (const key of keys) {
    const value = p.get(key)?.trim();
    if (!value || value.length > VALUE_MAX) continue;
    const options = (FILTERS[key] as { options?: readonly string[] }).options;
    if (options && !options.includes(value)) continue;
    out[key] = value;
  }
  return out;
}

/** The list state in a query string; `sortKeys` are the columns that may be sorted. */
export function parseListState(
  search: string | URLSearchParams,
  sortKeys: readonly string[],
): ListState {
  const p = params(search);
  const out: ListState = {};
  const sort = p.get(LIST_KEYS.sort) ?? '';
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  if (sortKeys.includes(key)) {
    out.sort = key;
    out.dir = desc ? 'desc' : 'asc';
  }
  const q = (p.get(LIST_KEYS.q) ?? '').trim().slice(0, SEARCH_MAX);
  if (q) out.q = q;
  const page = Number(p.get(LIST_KEYS.page));
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

/** Both parts of a page's state from `location.search`. */
export function parseTopicUrl(
  search: string | URLSearchParams,
  keys: readonly FilterKey[],
  sortKeys: readonly string[] = [],
): TopicUrlState {
  return { filters: parseFilterState(search, keys), list: parseListState(search, sortKeys) };
}

/**
 * `?street=…&exit_category=…&sort=-deadline&q=…&page=2`, filters in `keys`
 * order (one state, one address), empty values left out; '' when nothing is set.
 */
export function topicSearch(state: TopicUrlState, keys: readonly FilterKey[]): string {
  const p = new URLSearchParams();
  for (const key of keys) {
    const value = state.filters[key];
    if (value) p.set(key, value);
  }
  const { sort, dir, q, page } = state.list;
  if (sort) p.set(LIST_KEYS.sort, dir === 'desc' ? `-${sort}` : sort);
  if (q) p.set(LIST_KEYS.q, q);
  if (page && page > 1) p.set(LIST_KEYS.page, String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter or list setting is set (then the page needs the engine on load). */
export function hasTopicState(state: TopicUrlState): boolean {
  return (
    Object.values(state.filters).some(Boolean) ||
    Boolean(state.list.sort || state.list.q || (state.list.page ?? 1) > 1)
  );
}

/** The filter state after choosing `value` for `key` ('' clears it); choosing a street clears a village of another street. */
export function withFilter(
  filters: FilterState,
  key: FilterKey,
  value: string,
  villageStreet?: (code: string) => string | undefined,
): FilterState {
  const out: FilterState = { ...filters };
  if (value) out[key] = value;
  else delete out[key];
  if (key === 'street' && out.village && villageStreet?.(out.village) !== value) delete out.village;
  if (key === 'village' && value && villageStreet) {
    const street = villageStreet(value);
    if (street) out.street = street;
  }
  return out;
}

/** "已筛选：街道 田墘街道；脱贫成效分类 重点帮扶" — '' when nothing is filtered. `nameOf` shows codes (villages) by name. */
export function describeFilters(
  filters: FilterState,
  keys: readonly FilterKey[],
  nameOf: (key: FilterKey, value: string) => string = (_, v) => v,
): string {
  const parts = keys
    .filter((k) => filters[k])
    .map((k) => `${FILTERS[k].label.replace(/"/g, '')} ${nameOf(k, filters[k] as string)}`);
  return parts.length === 0 ? '' : `已筛选：${parts.join('；')}`;
}
