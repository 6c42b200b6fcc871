/**
 * Reads and validates a data folder: campaign.json and the CSV files of the
 * data contract (five required, projects.csv optional). Read-only: the
 * validator never writes to its input folder. Node only.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CampaignSchema, type Campaign } from '../../contract/input/campaign.ts';
import type { IssueCode } from '../../contract/input/cells.ts';
import { DATASETS, type Dataset, type DatasetName } from '../../contract/input/datasets.ts';
import type { ValidationIssue } from './issues.ts';
import { decodeBytes } from './decode.ts';
import { validateFile } from './validateFile.ts';
import { describePersonalData, findPersonalData } from './personalData.ts';
import { crossCheck, type CheckedFile, type CrossCheckInput } from './crossCheck.ts';

export { formatSummary } from './formatSummary.ts';

export interface LoadStat {
  file: string;
  /** Data rows read (blank rows and the header not counted). */
  rows: number;
  /** Detected text encoding, e.g. `UTF-8`, `GB18030`. */
  encoding?: string;
  /** Set when an optional file is not in the folder: its title (the summary says so). */
  notProvided?: { title: string };
}

export interface LoadResult {
  /** True when no issue is an error (warnings allowed). */
  ok: boolean;
  /** The validated data; null unless `ok`. */
  data: Dataset | null;
  issues: ValidationIssue[];
  stats: LoadStat[];
}

export const CAMPAIGN_FILE = 'campaign.json';

/**
 * Validates the data folder `dir`. Issues name files as `${displayDir}/x.csv`
 * (the path as the user typed it; defaults to `dir`).
 */
export async function loadDataset(
  dir: string,
  opts: { displayDir?: string } = {},
): Promise<LoadResult> {
  const shown = (opts.displayDir ?? dir).replace(/[\\/]+$/, '') || '.';
  const shownFile = (name: string) => `${shown}/${name}`;
  const issues: ValidationIssue[] = [];
  const stats: LoadStat[] = [];
  const fileIssue = (
    name: string,
    code: IssueCode,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => issues.push({ file: shownFile(name), code, message, severity });

  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    issues.push({
      file: shown,
      code: 'missing-file',
      message: '找不到数据文件夹，或无法读取',
      severity: 'error',
    });
    return { ok: false, data: null, issues, stats };
  }
  const expected = new Set([CAMPAIGN_FILE, ...DATASETS.map((d) => d.file)]);
  for (const name of entries.sort()) {
    if (expected.has(name) || name.startsWith('.') || /^readme/i.test(name)) continue;
    fileIssue(name, 'extra-file', '数据文件夹中多余的文件：不会被读取，也不会发布', 'warning');
  }

  const campaign = await readCampaign(dir, shownFile(CAMPAIGN_FILE), issues);
  const checked: Partial<Record<DatasetName, CheckedFile<unknown>>> = {};
  for (const dataset of DATASETS) {
    const file = shownFile(dataset.file);
    const bytes = await readBytes(path.join(dir, dataset.file));
    if (bytes === null) {
      if (dataset.optional) stats.push({ file, rows: 0, notProvided: { title: dataset.title } });
      else fileIssue(dataset.file, 'missing-file', `缺少文件 ${dataset.file}（${dataset.title}）`);
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      fileIssue(dataset.file, 'encoding-error', decoded.reason);
      stats.push({ file, rows: 0 });
      continue;
    }
    const result = validateFile(dataset, decoded.text, file);
    if (decoded.encoding === 'GB18030' && result.matchedColumns === 0) {
      // Not UTF-8 and, read as GB18030, no header makes sense: some other encoding.
      fileIssue(
        dataset.file,
        'encoding-error',
        '文件不是 UTF-8；按 GB18030 读出的表头也无法识别，文件可能是其他编码',
      );
      // Digits read the same in any of these encodings: keep the personal-data findings.
      for (const issue of result.issues) if (issue.code === 'personal-data') issues.push(issue);
      stats.push({ file, rows: result.rowCount, encoding: decoded.encoding });
      continue;
    }
    // A loop, not push(...): a broken province file can hold a million issues.
    for (const issue of result.issues) issues.push(issue);
    stats.push({ file, rows: result.rowCount, encoding: decoded.encoding });
    checked[dataset.name] = { ...result, file };
  }

  for (const issue of crossCheck({ asOf: campaign?.as_of ?? null, ...checked } as CrossCheckInput))
    issues.push(issue);
  const ok = !issues.some((i) => i.severity === 'error');
  const data =
    ok && campaign
      ? ({
          campaign,
          // Only an optional file can be absent when nothing is wrong: null says it was not given.
          ...Object.fromEntries(DATASETS.map((d) => [d.name, checked[d.name]?.rows ?? null])),
        } as unknown as Dataset)
      : null;
  return { ok, data, issues, stats };
}

async function readBytes(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads and validates campaign.json; adds its issues and returns null when it is unusable. */
async function readCampaign(
  dir: string,
  file: string,
  issues: ValidationIssue[],
): Promise<Campaign | null> {
  const add = (code: IssueCode, message: string, extra: Partial<ValidationIssue> = {}) =>
    issues.push({ file, code, message, severity: 'error', ...extra });
  const bytes = await readBytes(path.join(dir, CAMPAIGN_FILE));
  if (bytes === null) {
    add('missing-file', '缺少文件 campaign.json（网站设置：地区、标题、数据截止日期等）');
    return null;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    add('encoding-error', decoded.reason);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    const message = (error as Error).message;
    add('source-error', `不是有效的 JSON：${message}`, {
      line: jsonErrorLine(decoded.text, message),
    });
    return null;
  }
  // Its text is published too (region, title, phase names): scanned like any cell.
  for (const [at, text] of stringsIn(json)) {
    const findings = findPersonalData(text);
    if (findings.length === 0) continue;
    add('personal-data', describePersonalData(findings), { column: at || undefined });
  }
  const result = CampaignSchema.safeParse(json, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const params = (issue as { params?: { code?: IssueCode } }).params;
    const code =
      params?.code ?? (issue.code === 'invalid_type' ? 'type-error' : 'constraint-error');
    const absent = issue.code === 'invalid_type' && valueAt(json, issue.path) === undefined;
    add(code, absent ? '缺少此项（必填）' : issue.message, {
      column: issue.path.length > 0 ? issue.path.join('.') : undefined,
    });
  }
  return null;
}

/** Every string in a JSON value, with its path (`phases.0.name`). */
function* stringsIn(value: unknown, at = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, at ? `${at}.${k}` : k);
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path)
    value =
      value === null || typeof value !== 'object'
        ? undefined
        : (value as Record<PropertyKey, unknown>)[key];
  return value;
}

/** The line of a JSON syntax error, from V8's message ("… (line 3 column 5)" or "at position 42"). */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}
