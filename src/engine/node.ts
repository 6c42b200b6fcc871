/**
 * The build-time engine: @duckdb/node-api over the published DuckDB file,
 * read-only — pages see exactly what the browser will see, nothing more.
 * Node only.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Engine, Row } from './engine.ts';
import type { SqlQuery } from '../queries/sql.ts';

/** Opens a published database file read-only. */
export async function openNodeEngine(dbFile: string): Promise<Engine & { close(): void }> {
  const instance = await DuckDBInstance.create(dbFile, {
    access_mode: 'READ_ONLY',
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
  });
  const conn: DuckDBConnection = await instance.connect();
  return {
    async query<T extends Row = Row>(q: SqlQuery): Promise<T[]> {
      const reader = await conn.runAndReadAll(q.text, [...q.params]);
      return reader.getRowObjectsJS().map(toPlainRow) as T[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** DuckDB JS values → the plain types both engines agree on. */
function toPlainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v) as Row[string];
  return out;
}

function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}
