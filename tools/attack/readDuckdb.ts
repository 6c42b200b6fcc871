/**
 * Reads published tables with @duckdb/node-api, read-only: every table of a
 * published DuckDB file, or one Parquet download (DuckDB's read_parquet).
 * Node only.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { normalizeValue } from './normalizeValue.ts';
import type { Row, Table } from './table.ts';

/** A table with the DuckDB type of each column (to read a CSV download the same way). */
export interface TypedTable extends Table {
  types: Readonly<Record<string, string>>;
}

const OPTIONS = {
  autoload_known_extensions: 'false',
  autoinstall_known_extensions: 'false',
} as const;

async function readQuery(conn: DuckDBConnection, name: string, sql: string): Promise<TypedTable> {
  const reader = await conn.runAndReadAll(sql);
  const columns = reader.columnNames();
  const types = Object.fromEntries(columns.map((c, i) => [c, String(reader.columnTypes()[i])]));
  const rows: Row[] = reader.getRowsJS().map((values) => {
    const row: Record<string, ReturnType<typeof normalizeValue>> = {};
    columns.forEach((c, i) => (row[c] = normalizeValue(values[i])));
    return row;
  });
  return { name, columns, rows, types };
}

const quoteIdentifier = (s: string) => `"${s.replaceAll('"', '""')}"`;
const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every table and view of a DuckDB file, opened read-only. */
export async function readDuckdbTables(file: string): Promise<TypedTable[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY', ...OPTIONS });
  const conn = await instance.connect();
  try {
    const names = await conn.runAndReadAll(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name",
    );
    const tables: TypedTable[] = [];
    for (const [name] of names.getRowsJS())
      tables.push(
        await readQuery(conn, String(name), `SELECT * FROM ${quoteIdentifier(String(name))}`),
      );
    return tables;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** One Parquet file as a table. */
export async function readParquetTable(file: string, name: string): Promise<TypedTable> {
  const instance = await DuckDBInstance.create(':memory:', OPTIONS);
  const conn = await instance.connect();
  try {
    return await readQuery(conn, name, `SELECT * FROM read_parquet(${quoteLiteral(file)})`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
