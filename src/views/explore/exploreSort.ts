/**
 * Client-side sorting of a query result (a click on a column header): all
 * result rows, not just the shown ones. Missing values go last either way;
 * text sorts as zh-CN with numbers in text compared as numbers ("第2组" < "第10组").
 */
import type { TableRow } from '../../render/html/table.ts';

export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('zh-CN', { numeric: true });

type Value = TableRow[string];

function isMissing(v: Value): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** Compares two present values of one column. */
function compareValues(a: NonNullable<Value>, b: NonNullable<Value>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const text = (v: NonNullable<Value>) => (Array.isArray(v) ? v.join('、') : String(v));
  return collator.compare(text(a), text(b));
}

/** A sorted copy of `rows` by `key` (stable: ties keep their order). */
export function sortResultRows<T extends TableRow>(
  rows: readonly T[],
  key: string,
  direction: SortDirection,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[key];
      const b = y.row[key];
      const ma = isMissing(a);
      const mb = isMissing(b);
      if (ma || mb) return ma === mb ? x.index - y.index : ma ? 1 : -1;
      return sign * compareValues(a, b) || x.index - y.index;
    })
    .map((x) => x.row);
}
