/** A field name or a function that reads a value from a row (as in Observable Plot). */
export type Accessor<T, R> = (keyof T & string) | ((row: T, index: number) => R);

function read<T>(accessor: Accessor<T, unknown>, row: T, index: number): unknown {
  return typeof accessor === 'function' ? accessor(row, index) : row[accessor];
}

/** The accessor's value as display text; `null`/`undefined` become "". */
export function readText<T>(accessor: Accessor<T, unknown>, row: T, index: number): string {
  const v = read(accessor, row, index);
  return v === null || v === undefined ? '' : String(v);
}

/** The accessor's value as a number; anything not a finite number becomes NaN (callers treat it as missing). */
export function readNumber<T>(accessor: Accessor<T, unknown>, row: T, index: number): number {
  const v = read(accessor, row, index);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}
