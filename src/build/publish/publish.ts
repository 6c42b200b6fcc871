/**
 * Writes the publication: the DuckDB file the pages and the browser query, the
 * downloads (CSV, Parquet, datapackage.json, SHA256SUMS, privacy report) and
 * manifest.json. Everything is written into a temporary sibling folder and
 * renamed into place at the end, so a crash leaves no half-written output.
 *
 * outDir/
 *   manifest.json
 *   data/huitoukan.<sha256 first 10>.duckdb
 *   downloads/<table>.csv, <table>.parquet, datapackage.json,
 *             privacy-report.json, SHA256SUMS
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Dataset } from '../../contract/input/datasets.ts';
import { PUBLISHED_TABLES } from '../../contract/published.ts';
import {
  DB_DIR,
  DOWNLOADS_DIR,
  MANIFEST_FILE,
  type FileDigest,
  type PublishManifest,
  type PublishedFile,
} from '../../contract/manifest.ts';
import { formatSha256Sums, sha256File } from './checksums.ts';
import { writeCsv } from './csvOut.ts';
import { buildDatapackage, type TableDownload } from './datapackage.ts';
import { openDuckdbWriter, verifyDuckdb, type DuckdbWriter } from './duckdbWriter.ts';
import { shapeForPublication } from './privacy.ts';
import type { FrozenReasons } from './changeTables.ts';

export interface PublishOptions {
  /** Progress lines with timings (for the build and the benchmark). */
  log?: (line: string) => void;
  /** DuckDB worker threads (default: DuckDB's own, one per core). */
  duckdbThreads?: number;
  /** The reason tallies of the latest earlier publication (see changeReasons). */
  frozenReasons?: FrozenReasons | null;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function writeJson(path: string, value: unknown): Promise<FileDigest> {
  await writeFile(path, json(value));
  return sha256File(path);
}

/** Publishes a validated dataset into outDir (replacing what was there) and returns the manifest. */
export async function publish(
  data: Dataset,
  outDir: string,
  opts: PublishOptions = {},
): Promise<PublishManifest> {
  const started = performance.now();
  let last = { wall: started, cpu: process.cpuUsage() };
  // CPU time beside wall time: on a shared machine wall time alone misleads.
  const log = (what: string) => {
    const now = { wall: performance.now(), cpu: process.cpuUsage() };
    const cpu = (now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system) / 1000;
    opts.log?.(`${what}: ${Math.round(now.wall - last.wall)} ms (CPU ${Math.round(cpu)} ms)`);
    last = now;
  };

  const { tables, report } = shapeForPublication(data, opts.frozenReasons ?? null);
  log('privacy shaping');

  const parent = dirname(outDir);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(outDir)}.tmp-${stamp}`);
  let writer: DuckdbWriter | undefined;
  try {
    await mkdir(join(tmp, DB_DIR), { recursive: true });
    await mkdir(join(tmp, DOWNLOADS_DIR));
    // Tables that are not offered for download still go through a CSV to reach DuckDB.
    await mkdir(join(tmp, 'scratch'));

    const unnamedDb = join(tmp, DB_DIR, 'huitoukan.duckdb');
    writer = await openDuckdbWriter(
      unnamedDb,
      opts.duckdbThreads ? { threads: opts.duckdbThreads } : {},
    );
    const files: PublishedFile[] = [];
    const downloads: TableDownload[] = [];
    // Each table's CSV is handed to DuckDB as soon as it is written, largest
    // first: DuckDB loads it on its own threads while this thread writes the rest.
    const bySize = [...PUBLISHED_TABLES].sort(
      (a, b) => (tables[b.name]?.length ?? 0) - (tables[a.name]?.length ?? 0),
    );
    for (const table of bySize) {
      const rows = tables[table.name] ?? [];
      const rel = table.download
        ? `${DOWNLOADS_DIR}/${table.name}.csv`
        : `scratch/${table.name}.csv`;
      const { neutralized, ...csv } = writeCsv(join(tmp, rel), table, rows);
      writer.add({
        table,
        csvPath: join(tmp, rel),
        neutralized,
        ...(table.download
          ? { parquetPath: join(tmp, DOWNLOADS_DIR, `${table.name}.parquet`) }
          : {}),
      });
      if (table.download) {
        files.push({ path: rel, ...csv, format: 'csv', table: table.name });
        downloads.push({ table, csv: { path: `${table.name}.csv`, ...csv } });
      }
      // Let the event loop start the queued load before writing the next CSV.
      await new Promise((resolve) => setImmediate(resolve));
    }
    downloads.sort((a, b) => PUBLISHED_TABLES.indexOf(a.table) - PUBLISHED_TABLES.indexOf(b.table));
    log('CSV');

    await writer.finish();
    writer = undefined;
    log('DuckDB + Parquet (after the CSVs)');

    for (const d of downloads) {
      const path = `${DOWNLOADS_DIR}/${d.table.name}.parquet`;
      const digest = await sha256File(join(tmp, path));
      files.push({ path, ...digest, format: 'parquet', table: d.table.name });
      d.parquet = { path: `${d.table.name}.parquet`, ...digest };
    }
    const dbDigest = await sha256File(unnamedDb);
    const dbPath = `${DB_DIR}/huitoukan.${dbDigest.sha256.slice(0, 10)}.duckdb`;
    await rename(unnamedDb, join(tmp, dbPath));
    const rows = Object.fromEntries(
      PUBLISHED_TABLES.map((t) => [t.name, tables[t.name]?.length ?? 0]),
    );
    await verifyDuckdb(join(tmp, dbPath), rows);
    files.push({ path: dbPath, ...dbDigest, format: 'duckdb' });
    log('hash + verify');

    const reportPath = `${DOWNLOADS_DIR}/privacy-report.json`;
    const reportDigest = await writeJson(join(tmp, reportPath), report);
    files.push({ path: reportPath, ...reportDigest, format: 'json' });
    const pkg = buildDatapackage(data.campaign, downloads, [
      {
        name: 'privacy-report',
        path: 'privacy-report.json',
        title: '隐私处理报告',
        description:
          '户级数据的 k-匿名处理情况：各步合并或留空的行数、户数不足 k 的村、不公开的内容。',
        format: 'json',
        mediatype: 'application/json',
        ...reportDigest,
      },
    ]);
    const pkgPath = `${DOWNLOADS_DIR}/datapackage.json`;
    files.push({ path: pkgPath, ...(await writeJson(join(tmp, pkgPath), pkg)), format: 'json' });

    // SHA256SUMS sits in downloads/: its paths are relative to that folder.
    const sumsPath = `${DOWNLOADS_DIR}/SHA256SUMS`;
    const sums = formatSha256Sums(
      files.map((f) => ({
        path: f.path.startsWith(`${DOWNLOADS_DIR}/`)
          ? f.path.slice(DOWNLOADS_DIR.length + 1)
          : `../${f.path}`,
        sha256: f.sha256,
      })),
    );
    await writeFile(join(tmp, sumsPath), sums);
    files.push({
      path: sumsPath,
      ...(await sha256File(join(tmp, sumsPath))),
      format: 'sha256sums',
    });

    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    const manifest: PublishManifest = {
      as_of: data.campaign.as_of,
      db: { path: dbPath, ...dbDigest },
      files,
      rows,
      projects_provided: data.projects !== null,
      privacy: report,
    };
    await writeFile(join(tmp, MANIFEST_FILE), json(manifest));
    await rm(join(tmp, 'scratch'), { recursive: true });

    await swapInto(tmp, outDir, stamp);
    log('metadata + swap');
    opts.log?.(`publish total: ${Math.round(performance.now() - started)} ms`);
    return manifest;
  } catch (error) {
    await writer?.abort();
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Replaces outDir by the finished folder: two renames, never a half-written outDir. */
async function swapInto(ready: string, outDir: string, stamp: string): Promise<void> {
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${stamp}`);
  let hadOld = true;
  try {
    await rename(outDir, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(ready, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
