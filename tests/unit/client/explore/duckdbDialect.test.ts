/**
 * Every word the editor colours as DuckDB's is one DuckDB itself lists
 * (@duckdb/node-api, the engine the build uses; the browser's DuckDB-WASM is
 * the same SQL one minor version earlier).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  DUCKDB_FUNCTIONS,
  DUCKDB_KEYWORDS,
  DUCKDB_TYPES,
} from '../../../../src/client/explore/duckdbDialect.ts';

async function names(sql: string): Promise<Set<string>> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(sql)).getRows();
  conn.closeSync();
  return new Set(rows.map((r) => String(r[0]).toLowerCase()));
}
const words = (list: string) => list.split(/\s+/).filter(Boolean);

describe('DuckDB dialect of the SQL editor', () => {
  it('lists only DuckDB keywords', async () => {
    const known = await names('SELECT keyword_name FROM duckdb_keywords()');
    expect(words(DUCKDB_KEYWORDS).filter((w) => !known.has(w))).toEqual([]);
  });

  it('lists only DuckDB types', async () => {
    const known = await names('SELECT type_name FROM duckdb_types()');
    expect(words(DUCKDB_TYPES).filter((w) => !known.has(w))).toEqual([]);
  });

  it('lists only DuckDB functions', async () => {
    const known = await names('SELECT function_name FROM duckdb_functions()');
    expect(words(DUCKDB_FUNCTIONS).filter((w) => !known.has(w))).toEqual([]);
  });

  it('leaves the published tables’ column names uncoloured, but for reserved words', async () => {
    // A column named with a reserved word ("end") must be quoted in SQL anyway.
    const reserved = await names(
      "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'",
    );
    const { PUBLISHED_TABLES } = await import('../../../../src/contract/published.ts');
    const keywords = new Set(words(DUCKDB_KEYWORDS));
    const columns = PUBLISHED_TABLES.flatMap((t) => t.columns.map((c) => c.name));
    expect(columns.filter((c) => keywords.has(c) && !reserved.has(c))).toEqual([]);
  });
});
