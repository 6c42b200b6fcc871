/**
 * Reads a CSV download the way a visitor's spreadsheet would: BOM, Chinese
 * headers (each column's `label` in src/contract/published.ts), one leading
 * apostrophe that neutralised a formula, 是/否, lists joined with "；". Values
 * are typed by the DuckDB table of the same name, so the two can be compared.
 */
import Papa from 'papaparse';
import { PUBLISHED_TABLES } from '../../src/contract/published.ts';
import type { Row, Table, Value } from './table.ts';

/** Column name of each header a download may use (its label, or the name itself). */
function headerNames(table: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of PUBLISHED_TABLES.find((t) => t.name === table)?.columns ?? []) {
    names.set(c.label, c.name);
    names.set(c.name, c.name);
  }
  return names;
}

/** Undoes the formula neutralisation of csvOut.ts: every text cell starting with ' got one more. */
const unneutralize = (s: string) => (s.startsWith("'") ? s.slice(1) : s);

/** A CSV cell as the value DuckDB holds for a column of `type`. */
export function csvCellValue(cell: string, type: string | undefined): Value {
  if (cell === '') return null;
  const t = (type ?? 'VARCHAR').toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|DOUBLE|FLOAT|REAL|DECIMAL)/.test(t)) {
    const n = Number(cell);
    return Number.isFinite(n) ? n : cell;
  }
  if (t === 'BOOLEAN')
    return cell === '是' || cell === 'true'
      ? true
      : cell === '否' || cell === 'false'
        ? false
        : cell;
  if (t.endsWith('[]')) return unneutralize(cell).split('；');
  if (t === 'DATE') return cell;
  const text = unneutralize(cell);
  return text === '' ? null : text;
}

/** Parses a CSV download of `table`, typing cells by `types` (column name → DuckDB type). */
export function readCsvDownload(
  text: string,
  table: string,
  types: Readonly<Record<string, string>>,
): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: true,
  });
  const [header = [], ...records] = parsed.data;
  const names = headerNames(table);
  const columns = header.map((h) => names.get(h) ?? h);
  const rows: Row[] = records.map((cells) => {
    const row: Record<string, Value> = {};
    columns.forEach((c, i) => (row[c] = csvCellValue(cells[i] ?? '', types[c])));
    return row;
  });
  return { name: table, columns, rows };
}
