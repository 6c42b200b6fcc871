/**
 * downloads/datapackage.json: a Frictionless Data Package (v2) describing the
 * downloads, generated from PUBLISHED_TABLES so it can't drift from the files.
 * Spec: https://datapackage.org/standard/data-package/
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { PublishedColumn, PublishedTable } from '../../contract/published.ts';
import type { FileDigest } from '../../contract/manifest.ts';
import { CSV_FALSE, CSV_LIST_SEPARATOR, CSV_TRUE } from './csvOut.ts';

const PROFILE = 'https://datapackage.org/profiles/2.0';

/** One table's download files, as written. */
export interface TableDownload {
  table: PublishedTable;
  csv: { path: string } & FileDigest;
  parquet?: { path: string } & FileDigest;
}

/** A file that is not a table (e.g. the privacy report). */
export interface OtherDownload extends FileDigest {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
}

type Field = Record<string, unknown>;

function field(c: PublishedColumn, name: string, inCsv: boolean): Field {
  // Frictionless has no decimal type: an exact amount is a number.
  const type = c.type === 'decimal' ? 'number' : c.type;
  const f: Field = { name, title: c.label, description: c.description, type };
  if (c.type === 'list') {
    f.itemType = 'string';
    if (inCsv) f.delimiter = CSV_LIST_SEPARATOR;
  }
  if (c.type === 'boolean' && inCsv) {
    f.trueValues = [CSV_TRUE];
    f.falseValues = [CSV_FALSE];
  }
  return f;
}

const digest = (d: FileDigest) => ({ bytes: d.bytes, hash: `sha256:${d.sha256}` });

/** The package descriptor (a plain object; write it as JSON). */
export function buildDatapackage(
  campaign: Campaign,
  tables: readonly TableDownload[],
  others: readonly OtherDownload[] = [],
): Record<string, unknown> {
  const sample = campaign.sample ? '本数据为虚构的示例数据。' : '';
  const resources: Record<string, unknown>[] = [];
  for (const { table, csv, parquet } of tables) {
    resources.push({
      name: table.name,
      type: 'table',
      path: csv.path,
      title: table.title,
      description: `${table.description}以 = + - @ 等开头的文字前加了英文单引号 '，以免被电子表格当作公式。`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...digest(csv),
      dialect: {
        $schema: `${PROFILE}/tabledialect.json`,
        header: true,
        delimiter: ',',
        lineTerminator: '\r\n',
        quoteChar: '"',
        doubleQuote: true,
      },
      schema: {
        $schema: `${PROFILE}/tableschema.json`,
        fields: table.columns.map((c) => field(c, c.label, true)),
        missingValues: [''],
      },
    });
    if (parquet)
      resources.push({
        name: `${table.name}-parquet`,
        type: 'table',
        path: parquet.path,
        title: `${table.title}（Parquet）`,
        description: `${table.description}列名为英文。`,
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        ...digest(parquet),
        schema: {
          $schema: `${PROFILE}/tableschema.json`,
          fields: table.columns.map((c) => field(c, c.name, false)),
        },
      });
  }
  for (const o of others)
    resources.push({
      name: o.name,
      path: o.path,
      title: o.title,
      description: o.description,
      format: o.format,
      mediatype: o.mediatype,
      ...digest(o),
    });
  return {
    $schema: `${PROFILE}/datapackage.json`,
    name: 'huitoukan',
    title: campaign.title,
    description: `${campaign.region}精准扶贫"回头看"公开数据，数据截止 ${campaign.as_of}。不含户编号和确切收入，户级数据已做 k-匿名处理（k = ${campaign.privacy.k}）。${sample}`,
    ...(campaign.site_url ? { homepage: campaign.site_url } : {}),
    resources,
  };
}
