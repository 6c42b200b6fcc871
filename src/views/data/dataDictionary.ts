/**
 * The data dictionary, generated from the schemas (src/contract/): the input
 * files staff provide and the published tables visitors download. The page
 * only renders these entries, so it says exactly what the validator and the
 * publisher do. Pure.
 */
import type { DatasetDef } from '../../contract/input/defineDataset.ts';
import type { PublishedTable, PublishedType } from '../../contract/published.ts';

/** One column of an input file, as the dictionary shows it. */
export interface InputColumnEntry {
  /** Canonical Chinese header. */
  header: string;
  /** English key (also accepted as the header). */
  key: string;
  required: boolean;
  rule: string;
  description: string;
  /** Free text: scanned for personal data, published as written. */
  freeText: boolean;
}

/** One input file of the data contract: what its definition says of it, and its columns as shown. */
export interface InputFileEntry extends Pick<
  DatasetDef,
  'name' | 'file' | 'title' | 'planRef' | 'optional' | 'description'
> {
  columns: InputColumnEntry[];
}

/** The type of a published column in words. */
export const PUBLISHED_TYPE_LABELS: Readonly<Record<PublishedType, string>> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  decimal: '金额（两位小数，精确）',
  boolean: '是 / 否',
  date: '日期（YYYY-MM-DD）',
  list: '列表（以"；"分隔）',
};

/** One column of a published table, as the dictionary shows it. */
export interface PublishedColumnEntry {
  name: string;
  label: string;
  type: PublishedType;
  typeLabel: string;
  description: string;
}

export interface PublishedTableEntry {
  name: string;
  title: string;
  description: string;
  /** Offered as CSV/Parquet; otherwise only queried by the pages. */
  download: boolean;
  columns: PublishedColumnEntry[];
}

/** The input files in contract order, each with its columns. */
export function inputDictionary(datasets: readonly DatasetDef[]): InputFileEntry[] {
  return datasets.map((d) => ({
    name: d.name,
    file: d.file,
    title: d.title,
    planRef: d.planRef,
    optional: d.optional,
    description: d.description,
    columns: d.columns.map((c) => ({
      header: c.header,
      key: c.key,
      required: c.required,
      rule: c.rule,
      description: c.description,
      freeText: c.freeText === true,
    })),
  }));
}

/** The published tables, each with its columns and their types in words. */
export function publishedDictionary(tables: readonly PublishedTable[]): PublishedTableEntry[] {
  return tables.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    download: t.download,
    columns: t.columns.map((c) => ({
      name: c.name,
      label: c.label,
      type: c.type,
      typeLabel: PUBLISHED_TYPE_LABELS[c.type],
      description: c.description,
    })),
  }));
}

/** The free-text columns of the input files that are published as written (by their header). */
export function freeTextColumns(
  datasets: readonly DatasetDef[],
  published: readonly PublishedTable[],
): { file: string; headers: string[] }[] {
  const labels = new Set(published.flatMap((t) => t.columns.map((c) => c.label)));
  return datasets
    .map((d) => ({
      file: d.file,
      headers: d.columns
        .filter((c) => c.freeText === true && labels.has(c.header))
        .map((c) => c.header),
    }))
    .filter((f) => f.headers.length > 0);
}
