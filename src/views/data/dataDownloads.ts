/**
 * The data page's download list, from manifest.json: for each downloadable
 * published table its CSV and Parquet file, then the metadata files, each with
 * size and SHA-256 as the publisher measured them. Pure; fails loudly when the
 * manifest lacks a file the schemas promise, so the page never links to nothing.
 */
import type { PublishedTable } from '../../contract/published.ts';
import type { PublishManifest, PublishedFile } from '../../contract/manifest.ts';

/** One downloadable file. `path` is relative to the site root, e.g. `downloads/villages.csv`. */
export interface DownloadFile {
  path: string;
  /** File name without folder, e.g. `villages.csv`. */
  name: string;
  bytes: number;
  sha256: string;
  /** What it is, for people: "CSV（Excel 可直接打开）"… */
  label: string;
}

export interface TableDownloads {
  name: string;
  title: string;
  description: string;
  rows: number;
  csv: DownloadFile;
  parquet: DownloadFile;
}

export interface DownloadList {
  tables: TableDownloads[];
  /** datapackage.json, SHA256SUMS, the privacy report, then any other published file. */
  metadata: DownloadFile[];
}

/** The manifest fields the list needs. */
export type DownloadManifest = Pick<PublishManifest, 'files' | 'rows'>;

const METADATA_LABELS: readonly (readonly [string, string])[] = [
  ['datapackage.json', '数据包说明（Frictionless Data Package：表、列、类型、校验和）'],
  ['SHA256SUMS', '全部文件的 SHA-256 校验和（可用 sha256sum -c SHA256SUMS 核对）'],
  ['privacy-report.json', '隐私处理报告（JSON）'],
];
const FORMAT_LABELS: Readonly<Record<PublishedFile['format'], string>> = {
  csv: 'CSV，UTF-8 带 BOM，Excel 可直接打开',
  parquet: 'Parquet，供 Python、R、DuckDB 等分析工具',
  duckdb: 'DuckDB 数据库：网页查询所用，含全部公开表',
  json: 'JSON',
  sha256sums: 'SHA-256 校验和',
};

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function toDownload(f: PublishedFile, label: string): DownloadFile {
  return { path: f.path, name: baseName(f.path), bytes: f.bytes, sha256: f.sha256, label };
}

/** Builds the download list; throws when a promised file is missing from the manifest. */
export function buildDownloadList(
  tables: readonly PublishedTable[],
  manifest: DownloadManifest,
): DownloadList {
  const used = new Set<string>();
  const take = (f: PublishedFile | undefined, what: string, label: string): DownloadFile => {
    if (!f) throw new Error(`manifest.json 中缺少 ${what}：数据页无法列出下载`);
    used.add(f.path);
    return toDownload(f, label);
  };
  const fileOf = (table: string, format: PublishedFile['format']) =>
    manifest.files.find((f) => f.table === table && f.format === format);

  const list: TableDownloads[] = tables
    .filter((t) => t.download)
    .map((t) => {
      const rows = manifest.rows[t.name];
      if (rows === undefined) throw new Error(`manifest.json 中缺少表 ${t.name} 的行数`);
      return {
        name: t.name,
        title: t.title,
        description: t.description,
        rows,
        csv: take(fileOf(t.name, 'csv'), `${t.name} 的 CSV`, FORMAT_LABELS.csv),
        parquet: take(fileOf(t.name, 'parquet'), `${t.name} 的 Parquet`, FORMAT_LABELS.parquet),
      };
    });

  const metadata = METADATA_LABELS.map(([name, label]) =>
    take(
      manifest.files.find((f) => baseName(f.path) === name),
      name,
      label,
    ),
  );
  for (const f of manifest.files)
    if (!used.has(f.path)) metadata.push(toDownload(f, FORMAT_LABELS[f.format]));
  return { tables: list, metadata };
}
