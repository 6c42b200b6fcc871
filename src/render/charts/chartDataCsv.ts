import { readText, type Accessor } from './parts/accessor.ts';

/** A CSV column: its header and where its cells come from. */
export interface CsvColumn<T> {
  header: string;
  value: Accessor<T, unknown>;
}

export interface ChartDataCsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel on Chinese Windows opens it as UTF-8, not GBK (default true). */
  bom?: boolean;
}

// After NFKC (full-width ＝ ＋ － ＠ become ASCII), a cell starting with one of
// these is read by spreadsheet programs as a formula: OWASP "CSV injection".
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as CSV text: formula-neutralised with a leading `'`, quoted when needed. */
function csvCell(value: unknown, raw: unknown): string {
  let s: string;
  if (typeof raw === 'number') s = Number.isFinite(raw) ? String(raw) : '';
  else s = String(value ?? '');
  if (typeof raw !== 'number' && FORMULA_START.test(s.normalize('NFKC'))) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The data behind a chart as a CSV string (RFC 4180, CRLF line ends), for a
 * "下载图表数据" link. Numbers are written plainly (no grouping); strings that a
 * spreadsheet would run as a formula get a leading `'`.
 */
export function chartDataCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  { bom = true }: ChartDataCsvOptions = {},
): string {
  const lines = [columns.map((c) => csvCell(c.header, c.header)).join(',')];
  rows.forEach((row, i) => {
    lines.push(
      columns
        .map((c) => {
          const raw = typeof c.value === 'function' ? c.value(row, i) : row[c.value];
          return csvCell(
            readText(() => raw, row, i),
            raw,
          );
        })
        .join(','),
    );
  });
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
