/**
 * Writes a validated data set back as a data folder: every CSV of the contract
 * with its canonical Chinese headers (UTF-8 with a BOM, CRLF, as Excel writes
 * "CSV UTF-8"), lists joined by "；", empty cells for nulls; projects.csv only
 * when the set has projects; and the given campaign.json text. Node only.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASETS, type Dataset } from '../../src/contract/input/datasets.ts';
import { CSV_BOM, csvRow, type Cell } from '../sample/csvRow.ts';
import { CAMPAIGN_FILE } from '../../src/build/validate/loadDataset.ts';

/** A typed cell as the contract writes it. */
export function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('；');
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  throw new Error(`无法写入 CSV 的值：${JSON.stringify(value)}`);
}

/** The CSV text of one dataset's rows. */
export function datasetCsv(
  def: (typeof DATASETS)[number],
  rows: readonly Record<string, unknown>[],
): string {
  let text = CSV_BOM + csvRow(def.columns.map((c) => c.header));
  for (const row of rows) text += csvRow(def.columns.map((c) => cellText(row[c.key])));
  return text;
}

/** Writes `data` into `dir` (created; files of the contract replaced). */
export async function writeDataset(
  data: Dataset,
  dir: string,
  campaignJson: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const def of DATASETS) {
    // Dataset is keyed by the datasets' names (src/contract/input/datasets.ts).
    const rows = (data as unknown as Record<string, Record<string, unknown>[] | null | undefined>)[
      def.name
    ];
    if (rows === undefined) throw new Error(`数据集中没有 ${def.name}`);
    const file = path.join(dir, def.file);
    if (rows === null) {
      await rm(file, { force: true });
      continue;
    }
    await writeFile(file, datasetCsv(def, rows));
  }
  await writeFile(path.join(dir, CAMPAIGN_FILE), campaignJson);
}
