import { attrs, tooltip } from './svg.ts';

/** What a clickable/filterable mark (a bar, a segment, a cell) carries. */
export interface MarkSpec {
  className: string;
  /** `data-*` attributes, keys without the `data-` prefix; empty values are left out. */
  data: Record<string, string | number | undefined>;
  /** Tooltip text, also the link's accessible name. */
  label: string;
  href?: string | null;
  inner: string;
}

// Links are built from data (names, codes): refuse schemes that would run script.
const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

/** `<g class data-…>` holding the mark, wrapped in `<a href>` when a safe href is given. */
export function renderMark({ className, data, label, href, inner }: MarkSpec): string {
  const dataAttrs: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(data))
    if (v !== undefined && v !== '') dataAttrs[`data-${k}`] = v;
  const link = href && !UNSAFE_URL.test(href) ? href : null;
  const content = tooltip(label) + inner;
  return `<g${attrs({ class: className, ...dataAttrs })}>${link ? `<a${attrs({ href: link })}>${content}</a>` : content}</g>`;
}

/** A mark's `data-filter-key` and `data-filter-value` (its label unless the options say otherwise). */
export function filterData<T>(
  options: FilterOptions<T>,
  row: T,
  index: number,
  label: string,
): Record<'filter-key' | 'filter-value', string | undefined> {
  const key = options.filterKey;
  return {
    'filter-key': key,
    'filter-value': key ? (options.filterValue?.(row, index) ?? label) : undefined,
  };
}

/** Filter attributes shared by the charts' options. */
export interface FilterOptions<T> {
  /** `data-filter-key` on each mark: which filter a click sets (e.g. `street`). */
  filterKey?: string;
  /** `data-filter-value` on each mark (default: its label). */
  filterValue?: (row: T, index: number) => string;
  /** Link each mark (a street or village page) so it works without JavaScript. */
  href?: (row: T, index: number) => string | null | undefined;
}
