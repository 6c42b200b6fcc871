/**
 * The CSV downloads: what staff open in Excel. UTF-8 with BOM (Excel on Chinese
 * Windows otherwise guesses GBK), CRLF, Chinese labels as the header, quoted
 * per RFC 4180, list items joined with "；", yes/no as 是/否, and text cells
 * that Excel would run as a formula neutralised with a leading apostrophe.
 *
 * The DuckDB database is loaded from these same files (see duckdbWriter.ts),
 * so a published CSV and the browser's table always hold the same rows.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { PublishedColumn, PublishedTable } from '../../contract/published.ts';
import type { FileDigest } from '../../contract/manifest.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';
/** Joins list items in a cell (the contract's own list separator, so staff can paste it back). */
export const CSV_LIST_SEPARATOR = '；';
export const CSV_TRUE = '是';
export const CSV_FALSE = '否';

/** Characters that make Excel (and LibreOffice, Sheets) treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const firstCodePointStartsFormula = new Map<number, boolean>();

/**
 * Whether a text cell would start a formula. Checked after NFKC normalisation,
 * so full-width ＝ ＋ － ＠ count. NFKC maps each leading code point on its own
 * (only combining marks after it could compose with it, and composing never
 * yields an ASCII character), so the answer is cached per first code point
 * instead of normalising every cell.
 */
export function startsFormula(s: string): boolean {
  const cp = s.codePointAt(0);
  if (cp === undefined) return false;
  if (cp < 0x80)
    return cp === 0x3d || cp === 0x2b || cp === 0x2d || cp === 0x40 || cp === 0x09 || cp === 0x0d;
  let hit = firstCodePointStartsFormula.get(cp);
  if (hit === undefined) {
    hit = FORMULA_START.test(String.fromCodePoint(cp).normalize('NFKC'));
    firstCodePointStartsFormula.set(cp, hit);
  }
  return hit;
}

/**
 * Prefixes `'` to a text cell that would start a formula. A cell that already
 * starts with `'` gets one too, so the mapping can be undone exactly: drop one
 * leading apostrophe when present (what duckdbWriter.ts does).
 */
export function neutralizeFormula(s: string): string {
  return startsFormula(s) || s.charCodeAt(0) === 0x27 ? `'${s}` : s;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a cell per RFC 4180 when it holds a comma, quote or line break. */
export function quoteCsv(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Counts the cells a formatter neutralised (see `neutralizeFormula`). */
export interface NeutralizedCount {
  cells: number;
}

/** How one column's values are written (numbers untouched: -3 stays -3). */
export function csvFormatter(
  column: PublishedColumn,
  neutralized: NeutralizedCount = { cells: 0 },
): (value: unknown) => string {
  const text = (s: string) => {
    const safe = neutralizeFormula(s);
    if (safe !== s) neutralized.cells += 1;
    return quoteCsv(safe);
  };
  switch (column.type) {
    case 'integer':
    case 'number':
    case 'decimal':
      return (v) => (v === null || v === undefined ? '' : String(v));
    case 'boolean':
      return (v) => (v === null || v === undefined ? '' : v ? CSV_TRUE : CSV_FALSE);
    case 'list':
      return (v) => {
        const items = v as readonly string[] | null;
        if (!items || items.length === 0) return '';
        return text(items.join(CSV_LIST_SEPARATOR));
      };
    case 'date':
    case 'string':
      return (v) => {
        if (v === null || v === undefined) return '';
        const s = v as string;
        // An empty string is quoted so that it reads back as '' rather than as null.
        return s === '' ? '""' : text(s);
      };
  }
}

/** The header line: Chinese labels. */
export function csvHeader(table: PublishedTable): string {
  return table.columns.map((c) => quoteCsv(c.label)).join(',');
}

/** A whole CSV file as a string (small tables and tests; `writeCsv` streams). */
export function toCsv(table: PublishedTable, rows: readonly Record<string, unknown>[]): string {
  const lines = [csvHeader(table)];
  const names = table.columns.map((c) => c.name);
  const format = table.columns.map((c) => csvFormatter(c));
  for (const row of rows)
    lines.push(names.map((n, i) => (format[i] as (v: unknown) => string)(row[n])).join(','));
  return CSV_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

/** A written CSV: size, hash, and the columns where some cell was neutralised. */
export interface CsvDigest extends FileDigest {
  neutralized: string[];
}

/** Writes a table's CSV in blocks (700,000 households would be a 100 MB string), hashing as it goes. */
export function writeCsv(
  path: string,
  table: PublishedTable,
  rows: readonly Record<string, unknown>[],
): CsvDigest {
  const names = table.columns.map((c) => c.name);
  const counts = table.columns.map(() => ({ cells: 0 }));
  const format = table.columns.map((c, i) => csvFormatter(c, counts[i]));
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  // Lines are encoded one by one into a reusable buffer: encoding a 1 MB string
  // built by concatenation first has to flatten it, which cost more than the rest.
  const out = Buffer.allocUnsafe(1 << 20);
  let pos = 0;
  let bytes = 0;
  const flush = () => {
    const chunk = out.subarray(0, pos);
    hash.update(chunk);
    writeSync(fd, chunk);
    bytes += pos;
    pos = 0;
  };
  const put = (text: string) => {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (pos + text.length * 3 > out.length) flush();
    if (text.length * 3 > out.length) {
      const buf = Buffer.from(text, 'utf8');
      hash.update(buf);
      writeSync(fd, buf);
      bytes += buf.length;
    } else pos += out.write(text, pos, 'utf8');
  };
  try {
    put(CSV_BOM + csvHeader(table) + CSV_NEWLINE);
    // Rows arrive sorted, so a cell often repeats the one above: reuse its text.
    const last: unknown[] = names.map(() => undefined);
    const lastCell: string[] = names.map(() => '');
    const n = names.length;
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < n; i++) {
        const v = row[names[i] as string];
        let cell: string;
        if (v === last[i] && v !== undefined) cell = lastCell[i] as string;
        else {
          cell = (format[i] as (v: unknown) => string)(v);
          last[i] = v;
          lastCell[i] = cell;
        }
        line += i === 0 ? cell : ',' + cell;
      }
      put(line + CSV_NEWLINE);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  const neutralized = names.filter((_, i) => (counts[i]?.cells ?? 0) > 0);
  return { bytes, sha256: hash.digest('hex'), neutralized };
}
