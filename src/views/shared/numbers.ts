/**
 * Reading query results: the engines return numbers (or, for wide integers,
 * bigints) and strings, and a missing group is `undefined`. One reading for
 * every view, so a figure never shows "NaN" or "undefined".
 */

/** A result value as a number: finite numbers, bigints and numeric text; anything else 0. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const x = Number(v);
    return Number.isFinite(x) ? x : 0;
  }
  return 0;
}

/** A result value as text: null and undefined are ''. */
export function toText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** `part / whole`, 0 when there is no whole. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Sum of `value` over rows. */
export function sumBy<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((a, r) => a + value(r), 0);
}
