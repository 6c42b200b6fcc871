/**
 * The columns of a visitor's query result, from DuckDB's DESCRIBE of it
 * (src/views/explore/exploreSql.ts describeQuery): the name as DuckDB gives it, its
 * type, and how the shared table renderer should show it.
 */
import type { Row } from '../../engine/engine.ts';
import type { TableColumn } from '../../render/html/table.ts';
import { resultKey } from './exploreSql.ts';

/** A result column: `key` is the row key (c0, c1, …), `label` the column's name. */
export interface ExploreColumn extends TableColumn {
  /** DuckDB type as DESCRIBE prints it: INTEGER, DECIMAL(5,2), VARCHAR[], … */
  type: string;
}

const NUMERIC = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;
const DATE = /^(DATE|TIMESTAMP.*)$/;
// Years print as 2018, not "2,018".
const YEAR_NAME = /year$|年份?$/i;

/** How a column of this DuckDB type is shown (the raw value stays in the row and the CSV). */
export function columnFormat(name: string, type: string): TableColumn['format'] {
  const t = type.toUpperCase();
  if (NUMERIC.test(t)) return YEAR_NAME.test(name) ? 'text' : 'number';
  if (DATE.test(t)) return 'date';
  return 'text';
}

/** DESCRIBE rows (column_name, column_type) → result columns, in order. */
export function resultColumns(describe: readonly Row[]): ExploreColumn[] {
  return describe.map((r, i) => {
    const label = String(r.column_name ?? '');
    const type = String(r.column_type ?? '');
    return { key: resultKey(i), label, type, format: columnFormat(label, type) };
  });
}
