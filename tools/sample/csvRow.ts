/** What Excel on Chinese Windows writes with "CSV UTF-8": a BOM, then CRLF lines. */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** A cell value: null and '' both write an empty cell. */
export type Cell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV line (with its CRLF), quoting only cells that need it (RFC 4180). */
export function csvRow(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    const s = v === null || v === undefined ? '' : String(v);
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return line + CSV_EOL;
}
