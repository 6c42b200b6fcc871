/**
 * The downloads must hold the same rows as the DuckDB table of the same name:
 * then attacking the DuckDB tables covers every format. Compared as multisets
 * (order says nothing), after each format's values are normalised.
 */
import type { Row, Table, Value } from './table.ts';

export interface TableMismatch {
  table: string;
  file: string;
  /** Columns in one and not the other. */
  onlyInDatabase: string[];
  onlyInDownload: string[];
  rowsInDatabase: number;
  rowsInDownload: number;
  /** Rows (as text) more often in one than in the other, a few of each. */
  missingFromDownload: string[];
  extraInDownload: string[];
  /** How many rows differ in all (each side). */
  differingRows: number;
}

const canonical = (v: Value | undefined): string =>
  v === null || v === undefined
    ? '∅'
    : Array.isArray(v)
      ? `[${v.join('；')}]`
      : typeof v === 'number'
        ? String(Number(v.toPrecision(15)))
        : String(v);

function rowKey(row: Row, columns: readonly string[]): string {
  return columns.map((c) => canonical(row[c])).join('\u0001');
}

/** Null when the download holds exactly the database's rows; else what differs. */
export function compareTables(
  database: Table,
  download: Table,
  file: string,
  examples = 3,
): TableMismatch | null {
  const onlyInDatabase = database.columns.filter((c) => !download.columns.includes(c));
  const onlyInDownload = download.columns.filter((c) => !database.columns.includes(c));
  const columns = database.columns.filter((c) => download.columns.includes(c)).sort();
  const counts = new Map<string, number>();
  for (const row of database.rows) {
    const key = rowKey(row, columns);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const row of download.rows) {
    const key = rowKey(row, columns);
    counts.set(key, (counts.get(key) ?? 0) - 1);
  }
  const missing: string[] = [];
  const extra: string[] = [];
  let differing = 0;
  const show = (key: string) => key.split('\u0001').join(' | ');
  for (const [key, n] of counts) {
    if (n === 0) continue;
    differing += Math.abs(n);
    if (n > 0 && missing.length < examples) missing.push(show(key));
    if (n < 0 && extra.length < examples) extra.push(show(key));
  }
  if (differing === 0 && onlyInDatabase.length === 0 && onlyInDownload.length === 0) return null;
  return {
    table: database.name,
    file,
    onlyInDatabase,
    onlyInDownload,
    rowsInDatabase: database.rows.length,
    rowsInDownload: download.rows.length,
    missingFromDownload: missing,
    extraInDownload: extra,
    differingRows: differing,
  };
}
