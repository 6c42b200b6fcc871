import type { Value } from './table.ts';

/**
 * A value as DuckDB's JS API hands it (bigint, Date, arrays…) → a published
 * Value: BIGINT and DECIMAL as numbers, DATE as `YYYY-MM-DD`, lists of text,
 * empty text and empty lists as null (a CSV cannot tell them from a blank).
 */
export function normalizeValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  // DuckDB DATE arrives as a Date at UTC midnight.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // An empty list is a blank cell in the CSV download.
  if (Array.isArray(v))
    return v.length === 0 ? null : v.map((x) => String(normalizeValue(x) ?? ''));
  return String(v);
}
