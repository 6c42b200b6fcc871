/**
 * Reads a built site the way a visitor can: every table of its DuckDB file
 * (data/*.duckdb), every CSV and Parquet download (downloads/), and the k of
 * its privacy report. Node only.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsvDownload } from './readCsvDownload.ts';
import { readDuckdbTables, readParquetTable, type TypedTable } from './readDuckdb.ts';
import type { Table } from './table.ts';

export interface Download {
  /** Path relative to the site, e.g. `downloads/households.csv`. */
  file: string;
  table: Table;
}

export interface Site {
  dir: string;
  /** DuckDB files found (relative paths). */
  databases: string[];
  tables: TypedTable[];
  downloads: Download[];
  /** privacy.k from downloads/privacy-report.json, if published. */
  k: number | null;
  /** Every file of the site (relative paths, forward slashes). */
  files: string[];
}

/** Reads the site at `dir`. */
export async function readSite(dir: string): Promise<Site> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const databases = files.filter((f) => /^data\/[^/]+\.duckdb$/.test(f));
  if (databases.length === 0) throw new Error(`${dir}：没有 data/*.duckdb，不是构建好的网站`);
  const tables: TypedTable[] = [];
  for (const db of databases) tables.push(...(await readDuckdbTables(path.join(dir, db))));
  const types = new Map(tables.map((t) => [t.name, t.types]));

  const downloads: Download[] = [];
  for (const file of files) {
    const m = /^downloads\/([^/]+)\.(csv|parquet)$/.exec(file);
    if (!m) continue;
    const name = m[1] as string;
    const full = path.join(dir, file);
    const table =
      m[2] === 'csv'
        ? readCsvDownload(await readFile(full, 'utf8'), name, types.get(name) ?? {})
        : await readParquetTable(full, name);
    downloads.push({ file, table });
  }

  let k: number | null = null;
  if (files.includes('downloads/privacy-report.json')) {
    const report = JSON.parse(
      await readFile(path.join(dir, 'downloads/privacy-report.json'), 'utf8'),
    ) as { k?: unknown };
    if (typeof report.k === 'number') k = report.k;
  }
  return { dir, databases, tables, downloads, k, files };
}
