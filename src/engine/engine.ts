import type { SqlQuery } from '../queries/sql.ts';

/** A row as both engines return it: queries cast results to these types in SQL. */
export type Row = Record<string, string | number | boolean | null | string[]>;

/** Per call. */
export interface QueryOptions {
  /** Stops the query (the browser engine interrupts it; the Node engine ignores it). */
  signal?: AbortSignal;
}

/** One query interface, two engines (Node at build time, DuckDB-WASM in the browser). */
export interface Engine {
  query<T extends Row = Row>(q: SqlQuery, options?: QueryOptions): Promise<T[]>;
}
