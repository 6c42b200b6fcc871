/**
 * The parts every long list's query shares (问题清单, 项目清单): a search over
 * some text columns, and an order by a column the visitor picked from a fixed
 * list (the browser's sort buttons and order menu). Column names come from our
 * own code (ident), the search text only ever as a bound parameter.
 */
import { ident, joinSql, sql, type SqlQuery } from './sql.ts';

/** A list's order as the visitor set it: a key of its sorts, and a direction. */
export interface ListOrder<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

/** How a long list is searched and ordered: `K` names the columns it sorts by. */
export interface ListOptions<K extends string> {
  sort?: ListOrder<K>;
  /** Text to look for in the list's searched columns. */
  search?: string;
}

/** Rows whose `columns`, joined, contain `search` (case-insensitive); `TRUE` without a search. */
export function searchWhere(columns: readonly string[], search: string | undefined): SqlQuery {
  if (!search) return sql`TRUE`;
  const text = joinSql(
    columns.map((c) => ident(c)),
    ', ',
  );
  return sql`contains(lower(concat_ws(' ', ${text})), lower(${search}))`;
}

/**
 * `ORDER BY` columns for `order` (its key's columns in `sorts`, then `tiebreak`
 * so equal rows keep one order), or `fallback` when no valid order is set.
 */
export function listOrderBy<K extends string>(
  sorts: Readonly<Record<K, readonly string[]>>,
  order: ListOrder<K> | undefined,
  tiebreak: string,
  fallback: SqlQuery,
): SqlQuery {
  if (!order || !Object.hasOwn(sorts, order.key)) return fallback;
  const dir = order.dir === 'desc' ? sql` DESC` : sql``;
  return joinSql([...sorts[order.key].map((c) => sql`${ident(c)}${dir}`), ident(tiebreak)], ', ');
}
