/**
 * manifest.json: what one publication holds — every published file with its
 * size and SHA-256, row counts, the privacy report. Written by the publish
 * step, read by the pages, the data page's downloads and the publication record.
 */
import type { PrivacyReport } from './privacyReport.ts';

export const DB_DIR = 'data';
export const DOWNLOADS_DIR = 'downloads';
export const MANIFEST_FILE = 'manifest.json';

/** Size and SHA-256 (hex) of a file. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

export type PublishedFormat = 'duckdb' | 'csv' | 'parquet' | 'json' | 'sha256sums';

/** One written file; `path` is relative to outDir, with forward slashes. */
export interface PublishedFile extends FileDigest {
  path: string;
  format: PublishedFormat;
  /** The published table the file holds, if any. */
  table?: string;
}

/** manifest.json: what was published. Deterministic: no timestamps, only the data's as_of. */
export interface PublishManifest {
  as_of: string;
  db: FileDigest & { path: string };
  /** Every file in outDir but manifest.json itself, sorted by path. */
  files: PublishedFile[];
  rows: Record<string, number>;
  /**
   * Whether projects.csv (optional) was provided. When false the projects table
   * is published empty, so queries still run, and pages say the publication has
   * no project data (a provided file with no rows is true, with 0 rows).
   */
  projects_provided: boolean;
  privacy: PrivacyReport;
}
