/**
 * Arrow results from DuckDB-WASM → the same plain rows the Node engine returns
 * (src/engine/node.ts): INTEGER/BIGINT/DOUBLE → number, VARCHAR → string,
 * BOOLEAN → boolean, LIST → array, NULL → null, DATE/TIMESTAMP → 'YYYY-MM-DD'.
 *
 * Typed structurally so this file does not import apache-arrow (a dependency of
 * duckdb-wasm, not ours). Type ids are Arrow's `Type` enum, stable across Arrow JS versions.
 */
import type { Row } from '../engine.ts';

const ARROW_TYPE = { Decimal: 7, Date: 8, Timestamp: 10, List: 12, FixedSizeList: 16 } as const;

/** The parts of an Arrow `DataType` we look at. */
export interface ArrowTypeLike {
  readonly typeId: number;
  readonly scale?: number;
  readonly children?: readonly { readonly type: ArrowTypeLike }[];
}

/** The parts of an Arrow `Table` we look at. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: {
    readonly fields: readonly { readonly name: string; readonly type: ArrowTypeLike }[];
  };
  getChildAt(index: number): { get(row: number): unknown } | null;
}

type Plain = Row[string];

/** Converts a whole result table, column by column. */
export function arrowToRows<T extends Row = Row>(table: ArrowTableLike): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const rows: T[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    fields.forEach((field, i) => {
      row[field.name] = toPlain(columns[i]?.get(r), field.type);
    });
    rows.push(row as T);
  }
  return rows;
}

/** One Arrow value → a plain JS value, guided by its Arrow type. */
export function toPlain(value: unknown, type: ArrowTypeLike): Plain {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case ARROW_TYPE.Date:
    case ARROW_TYPE.Timestamp:
      // Arrow JS gives epoch milliseconds; the Node engine gives a Date (see node.ts).
      return new Date(Number(value)).toISOString().slice(0, 10);
    case ARROW_TYPE.Decimal:
      // Only reached if castDecimalToDouble is off: the unscaled integer as text.
      return Number(String(value)) / 10 ** (type.scale ?? 0);
    case ARROW_TYPE.List:
    case ARROW_TYPE.FixedSizeList: {
      const child = type.children?.[0]?.type ?? { typeId: 0 };
      const items = [...(value as Iterable<unknown>)].map((v) => toPlain(v, child));
      return items as string[];
    }
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  return String(value);
}
