/**
 * Areas by street: the one grouping and ordering every page uses, streets in
 * division-code order (`streetList`), rows in the query's order within a street.
 */

/** Above this many villages a page lists streets only and links to street pages. */
export const VILLAGE_LIST_MAX = 200;
/** At most this many rows in a per-area chart; the data table keeps them all. */
export const CHART_MAX_ROWS = 20;

/** Whether a page lists its villages (else streets only, linking to street pages). */
export const listsVillages = (villageCount: number): boolean => villageCount <= VILLAGE_LIST_MAX;

/** Rows grouped by a key, each group in input order (null keys under ''). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r) ?? '';
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A street and its rows. */
export interface StreetGroup<T> {
  street: string;
  rows: T[];
}

/**
 * Rows grouped under their street: the streets of `streetOrder` first, in that
 * order and even when they have no rows, then any others as they come.
 */
export function groupByStreet<T extends { street: string }>(
  rows: readonly T[],
  streetOrder: readonly string[] = [],
): StreetGroup<T>[] {
  const groups = new Map<string, T[]>(streetOrder.map((s) => [s, []]));
  for (const [street, list] of groupBy(rows, (r) => r.street)) {
    const seeded = groups.get(street);
    if (seeded) seeded.push(...list);
    else groups.set(street, list);
  }
  return [...groups].map(([street, list]) => ({ street, rows: list }));
}

/**
 * Orders areas by the order of their streets (e.g. `streetList`, by division
 * code), keeping the query's order within a street; unknown streets go last.
 */
export function orderByStreet<T extends { street: string }>(
  rows: readonly T[],
  streets: readonly string[],
): T[] {
  const rank = new Map(streets.map((x, i) => [x, i]));
  const r = (x: T) => rank.get(x.street) ?? streets.length;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => r(a.row) - r(b.row) || a.i - b.i)
    .map((x) => x.row);
}

/** The rows with the largest `value`, at most `limit` (a chart's rows), ties in input order. */
export function topRows<T>(
  rows: readonly T[],
  value: (row: T) => number,
  limit = CHART_MAX_ROWS,
): T[] {
  if (rows.length <= limit) return [...rows];
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.row);
}
