import type { ColumnDef } from '../../contract/input/defineDataset.ts';
import type { IssueCode } from '../../contract/input/cells.ts';

/** A problem with the header row (line 1). */
export interface HeaderIssue {
  code: IssueCode;
  /** Header as written (canonical header for a missing column; absent for a blank one). */
  column?: string;
  message: string;
}

/** How a file's columns map onto its dataset's columns. */
export interface HeaderMap {
  /** Cell index of each dataset column by key; -1 for an absent optional column. */
  index: Record<string, number>;
  /** Header as written in the file, by key; the canonical header when the column is absent. */
  written: Record<string, string>;
  /** Header cell of every column as written (trimmed), by cell index. */
  labels: string[];
  /** Indices of columns whose header is blank: ignored unless a row has data there. */
  blank: number[];
  /** Cells a row must have: one past the last column with a header. */
  width: number;
  issues: HeaderIssue[];
  /** False when rows cannot be read against the schema (a required column missing or doubled). */
  usable: boolean;
}

/**
 * Matches a header row against a dataset's columns. Each header may be the
 * Chinese header or the English key, in any order; both sides are compared
 * after NFKC (so `（万元）` and `(万元)` match) and BOM stripping.
 */
export function resolveHeaders(columns: readonly ColumnDef[], cells: readonly string[]): HeaderMap {
  const byName = new Map<string, ColumnDef>();
  for (const c of columns) {
    byName.set(normalizeHeader(c.header), c);
    byName.set(normalizeHeader(c.key), c);
  }
  const index: Record<string, number> = {};
  const written: Record<string, string> = {};
  const labels = cells.map((c) => c.replace(/\uFEFF/g, '').trim());
  const blank: number[] = [];
  const issues: HeaderIssue[] = [];
  let width = 0;
  labels.forEach((label, i) => {
    if (label === '') {
      blank.push(i);
      return;
    }
    width = i + 1;
    const column = byName.get(normalizeHeader(label));
    if (!column) {
      issues.push({
        code: 'extra-label',
        column: label,
        message: `不认识的列 "${label}"（可能含个人信息，不能导入）；${allowedColumns(columns)}`,
      });
      return;
    }
    const first = index[column.key];
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-label',
        column: label,
        message: `列 ${column.header}（${column.key}）重复：${columnLetter(first)} 列 "${labels[first]}" 与 ${columnLetter(i)} 列 "${label}" 是同一列，请删去一列`,
      });
      return;
    }
    index[column.key] = i;
    written[column.key] = label;
  });
  for (const c of columns) {
    if (index[c.key] !== undefined) continue;
    index[c.key] = -1;
    written[c.key] = c.header;
    if (c.required)
      issues.push({
        code: 'missing-label',
        column: c.header,
        message: `缺少必填列 ${c.header}（${c.key}）`,
      });
  }
  const usable = !issues.some((i) => i.code === 'missing-label' || i.code === 'duplicate-label');
  return { index, written, labels, blank, width, issues, usable };
}

/** Header text as compared: no BOM, NFKC, trimmed, keys case-insensitive. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\uFEFF/g, '')
    .normalize('NFKC')
    .trim()
    .toLowerCase();
}

/** Spreadsheet column name of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function allowedColumns(columns: readonly ColumnDef[]): string {
  const list = columns
    .map((c) => `${c.header}（${c.key}）${c.required ? '' : '[可选]'}`)
    .join('、');
  return `允许的列：${list}`;
}
