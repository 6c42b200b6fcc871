/**
 * Reads a built site the way a visitor can: every table of its DuckDB file
 * (data/*.duckdb), every CSV and Parquet download (downloads/), and the k of
 * its privacy report. A site keeps earlier publications' database files
 * beside the current one (data/publication.json names them): those are
 * earlier publications, attacked as such by giving their sites as an earlier
 * --data/--site pair, so only the current file's tables are read here (every
 * file is still scanned for identifiers). Node only.
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
  /** The DuckDB file read: the current publication's (relative path). */
  databases: string[];
  /** Earlier publications' DuckDB files kept beside it (relative paths), not read as tables. */
  retained: string[];
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
  const found = files.filter((f) => /^data\/[^/]+\.duckdb$/.test(f));
  if (found.length === 0) throw new Error(`${dir}：没有 data/*.duckdb，不是构建好的网站`);
  const current = await currentDatabase(dir, files);
  const databases = current === null ? found : [current];
  if (current !== null && !found.includes(current))
    throw new Error(`${dir}：data/publication.json 指向的 ${current} 不存在`);
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
  const retained = found.filter((f) => !databases.includes(f));
  return { dir, databases, retained, tables, downloads, k, files };
}

/** The current database file named by data/publication.json, or null without one (older builds). */
async function currentDatabase(dir: string, files: readonly string[]): Promise<string | null> {
  if (!files.includes('data/publication.json')) return null;
  const pointer = JSON.parse(await readFile(path.join(dir, 'data/publication.json'), 'utf8')) as {
    db?: unknown;
  };
  if (typeof pointer.db !== 'string') throw new Error(`${dir}：data/publication.json 中没有 db`);
  return `data/${pointer.db}`;
}
