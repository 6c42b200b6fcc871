/**
 * The attacker's view of a publication: plain in-memory tables, whatever file
 * they came from (DuckDB, CSV, Parquet, and later pre-built JSON answers).
 * Values are normalised so that every format compares equal: integers and
 * decimals as numbers, dates as `YYYY-MM-DD` strings, lists as string arrays,
 * and an empty string as null (a CSV cannot tell them apart).
 */

/** One published value after normalisation. */
export type Value = string | number | boolean | null | readonly string[];

/** One published row, keyed by column name (the English `name` of src/contract/published.ts). */
export type Row = Readonly<Record<string, Value>>;

/** A published table. */
export interface Table {
  name: string;
  columns: readonly string[];
  rows: readonly Row[];
}

/** Where a row is: columns that place it, never what it says about a household. */
export const AREA_COLUMNS: ReadonlySet<string> = new Set([
  'street',
  'village_code',
  'village_name',
]);

/** Columns that count households in an aggregate row. */
export const COUNT_COLUMNS: readonly string[] = [
  'households',
  'household_count',
  'count',
  'records',
];

/** Columns holding the sum of household sizes in an aggregate row. */
export const PERSONS_COLUMNS: readonly string[] = ['persons'];

/** Columns of a household row the neighbour can compare with what they know. */
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
  'household_size',
  'household_type',
  'labor_capacity',
  'enrolled_year',
]);

/** Columns that date an event or a period (the neighbour knows when their neighbours' events were). */
export const TIME_COLUMNS: ReadonlySet<string> = new Set([
  'date',
  'week',
  'week_start',
  'month',
  'period',
  'year',
  'quarter',
]);

/** The first of `names` that the table has, or null. */
export function findColumn(table: Table, names: Iterable<string>): string | null {
  for (const n of names) if (table.columns.includes(n)) return n;
  return null;
}

/** The value as a finite number, or null (numbers published as text count). */
export function asNumber(v: Value): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/** The value as non-empty text, or null. */
export function asText(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : v.join('；');
  const s = String(v);
  return s === '' ? null : s;
}
