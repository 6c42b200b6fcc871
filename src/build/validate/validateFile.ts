import type { DatasetDef, RowOf } from '../../contract/input/defineDataset.ts';
import type { IssueCode } from '../../contract/input/cells.ts';
import type { ValidationIssue } from './issues.ts';
import { parseCsv } from './parseCsv.ts';
import { columnLetter, resolveHeaders, type HeaderMap } from './headers.ts';
import {
  createPersonalDataScanner,
  describePersonalData,
  maskPersonalData,
} from './personalData.ts';
import { createRowParser } from './parseRow.ts';
import { createUniqueKeys, type KeyLines } from './uniqueKeys.ts';

/** One file, read and checked on its own (cross-file rules come later). */
export interface FileValidation<Row = unknown> {
  /** Rows that passed every per-row rule, in file order. */
  rows: Row[];
  /** Line (as Excel shows it) of each entry of `rows`. */
  lines: number[];
  /** Data rows read: non-blank records after the header, valid or not. */
  rowCount: number;
  issues: ValidationIssue[];
  /** Header as written in the file, by column key (canonical header when absent). */
  headers: Record<string, string>;
  /** Dataset columns the header row matched. */
  matchedColumns: number;
  /**
   * Values of the columns other files refer to (村代码, 街道, 户编号) on rows that
   * failed: cross-file checks skip them instead of reporting a second error.
   */
  failedKeys: Map<string, Set<string>>;
  /** Line of each unique key's row, by the rule's column, e.g. `keys.household_id`. */
  keys: Record<string, KeyLines>;
  /**
   * False when the file could not be read as a whole (no header, a required
   * column missing or doubled, a broken quote): other files' references to it
   * are not checked.
   */
  readable: boolean;
}

/** Columns other files refer to. */
const REFERENCED = ['village_code', 'street', 'household_id'];

/**
 * Validates one CSV file of a dataset: header row, ragged rows, every cell
 * against the dataset's zod schema, uniqueness, and the personal-data scan
 * of every cell (unknown columns included). `file` is the path shown in issues.
 */
export function validateFile<D extends DatasetDef>(
  dataset: D,
  text: string,
  file: string,
): FileValidation<RowOf<D>> {
  const issues: ValidationIssue[] = [];
  const report = (
    line: number | undefined,
    column: string | undefined,
    code: IssueCode,
    message: string,
  ) =>
    issues.push({
      file,
      line,
      column,
      code,
      message: maskPersonalData(message),
      severity: 'error',
    });
  const rows: RowOf<D>[] = [];
  const lines: number[] = [];
  const failedKeys = new Map<string, Set<string>>(REFERENCED.map((k) => [k, new Set<string>()]));
  let parseRow: ReturnType<typeof createRowParser> | undefined;
  const unique = createUniqueKeys(dataset.name);
  const scanners: ((cell: string) => ReturnType<ReturnType<typeof createPersonalDataScanner>>)[] =
    [];
  const blankWithData = new Map<number, number>();
  let header: HeaderMap | undefined;
  let rowCount = 0;

  const syntaxErrors = parseCsv(text, (cells, line) => {
    if (!header) {
      header = resolveHeaders(dataset.columns, cells);
      for (const h of header.issues) report(line, h.column, h.code, h.message);
      parseRow = createRowParser(dataset, header.index);
      return;
    }
    rowCount += 1;
    const { labels, width } = header;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell === '') continue;
      const findings = (scanners[i] ??= createPersonalDataScanner())(cell);
      if (findings.length > 0)
        report(
          line,
          labels[i] || `${columnLetter(i)} 列`,
          'personal-data',
          describePersonalData(findings),
        );
    }
    for (const i of header.blank) if (cells[i] && !blankWithData.has(i)) blankWithData.set(i, line);

    let extra = 0;
    for (let i = labels.length; i < cells.length; i++) if (cells[i] !== '') extra += 1;
    if (extra > 0) {
      report(
        line,
        undefined,
        'extra-cell',
        `此行有 ${cells.length} 个单元格，比表头多 ${cells.length - labels.length} 个；常见原因是单元格里有没加引号的英文逗号`,
      );
    } else if (cells.length < width) {
      report(
        line,
        undefined,
        'missing-cell',
        `此行只有 ${cells.length} 个单元格，表头有 ${width} 列；请补齐缺少的单元格`,
      );
    }
    const parsed = header.usable && extra === 0 && cells.length >= width ? parseRow!(cells) : null;
    if (parsed) {
      // Uniqueness is checked on every row whose key cells parsed, valid or not.
      const cellsOf = (parsed.ok ? parsed.value : parsed.cells) as Record<string, unknown>;
      for (const d of unique.check(cellsOf, line)) {
        const names = d.keys.map((k) => header!.written[k]).join(' + ');
        const what =
          d.values.length === 1
            ? `${names} ${d.values[0]} `
            : `${names} 为 ${d.values.join(' / ')} 的行`;
        report(
          line,
          header.written[d.column],
          'unique-error',
          `${what}重复（第 ${d.firstLine} 行已有），应唯一`,
        );
      }
    }
    if (parsed?.ok) {
      rows.push(parsed.value as RowOf<D>);
      lines.push(line);
      return;
    }
    for (const issue of parsed && !parsed.ok ? parsed.issues : [])
      report(line, header.written[issue.key], issue.code, issue.message);
    for (const k of REFERENCED) {
      const at = header.index[k] ?? -1;
      if (at >= 0 && cells[at]) failedKeys.get(k)!.add(cells[at].normalize('NFKC'));
    }
  });

  for (const e of syntaxErrors) report(e.line, undefined, 'source-error', e.message);
  if (!header) report(undefined, undefined, 'source-error', '文件是空的：第 1 行应为表头');
  for (const [i, line] of blankWithData)
    report(
      1,
      undefined,
      'blank-label',
      `${columnLetter(i)} 列（第 ${i + 1} 列）没有表头，但有数据（如第 ${line} 行）；请填写表头或删除该列`,
    );

  return {
    rows,
    lines,
    rowCount,
    issues,
    headers: header?.written ?? Object.fromEntries(dataset.columns.map((c) => [c.key, c.header])),
    matchedColumns: header ? Object.values(header.index).filter((i) => i >= 0).length : 0,
    failedKeys,
    keys: unique.seen,
    readable: header !== undefined && header.usable && syntaxErrors.length === 0,
  };
}
