import { describe, expect, it } from 'vitest';
import { buildDownloadList, type DownloadManifest } from '../../../../src/views/data/dataDownloads.ts';
import type { PublishedTable } from '../../../../src/contract/published.ts';
import type { PublishedFile } from '../../../../src/contract/manifest.ts';

const table = (name: string, download: boolean): PublishedTable => ({
  name,
  title: `${name} title`,
  description: `${name} description`,
  sortBy: [],
  columns: [],
  download,
});
const file = (
  path: string,
  format: PublishedFile['format'],
  bytes: number,
  table?: string,
): PublishedFile => ({
  path,
  format,
  bytes,
  sha256: `${path.replace(/\W/g, '')}`.padEnd(64, '0'),
  ...(table ? { table } : {}),
});

const tables = [table('b', true), table('a', true), table('hidden', false)];
const manifest: DownloadManifest = {
  rows: { a: 12, b: 3, hidden: 4 },
  // Sorted by path, as publish writes it: not in table order.
  files: [
    file('data/huitoukan.0123456789.duckdb', 'duckdb', 900),
    file('downloads/SHA256SUMS', 'sha256sums', 500),
    file('downloads/a.csv', 'csv', 100, 'a'),
    file('downloads/a.parquet', 'parquet', 80, 'a'),
    file('downloads/b.csv', 'csv', 10, 'b'),
    file('downloads/b.parquet', 'parquet', 8, 'b'),
    file('downloads/datapackage.json', 'json', 300),
    file('downloads/privacy-report.json', 'json', 200),
  ],
};

describe('buildDownloadList', () => {
  it('lists downloadable tables in schema order with their CSV, Parquet and row count', () => {
    const list = buildDownloadList(tables, manifest);
    expect(list.tables.map((t) => [t.name, t.rows, t.csv.path, t.parquet.path])).toEqual([
      ['b', 3, 'downloads/b.csv', 'downloads/b.parquet'],
      ['a', 12, 'downloads/a.csv', 'downloads/a.parquet'],
    ]);
    expect(list.tables[1]?.csv).toMatchObject({
      name: 'a.csv',
      bytes: 100,
      sha256: manifest.files[2]?.sha256,
    });
  });

  it('puts the metadata files first, then every other published file, each once', () => {
    const list = buildDownloadList(tables, manifest);
    expect(list.metadata.map((f) => f.name)).toEqual([
      'datapackage.json',
      'SHA256SUMS',
      'privacy-report.json',
      'huitoukan.0123456789.duckdb',
    ]);
    const all = [...list.tables.flatMap((t) => [t.csv, t.parquet]), ...list.metadata].map(
      (f) => f.path,
    );
    expect(new Set(all).size).toBe(manifest.files.length);
  });

  it('fails loudly when a promised file or row count is missing', () => {
    const noParquet = {
      ...manifest,
      files: manifest.files.filter((f) => f.path !== 'downloads/a.parquet'),
    };
    expect(() => buildDownloadList(tables, noParquet)).toThrow(/a 的 Parquet/);
    const noSums = { ...manifest, files: manifest.files.filter((f) => f.format !== 'sha256sums') };
    expect(() => buildDownloadList(tables, noSums)).toThrow(/SHA256SUMS/);
    expect(() => buildDownloadList(tables, { ...manifest, rows: { b: 3 } })).toThrow(/行数/);
  });
});
