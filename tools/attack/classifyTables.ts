/**
 * Sorts published tables by what they say about households, from their columns
 * only (never their names), so a table added later is attacked too:
 * - household rows: one row per household, with a household quasi-identifier
 *   (household_size, household_type or labor_capacity) and no count;
 * - change records: one row per event (change_type and a date, no count);
 * - aggregates: rows with a household count (households), maybe a persons sum.
 */
import {
  AREA_COLUMNS,
  COUNT_COLUMNS,
  KNOWN_COLUMNS,
  PERSONS_COLUMNS,
  TIME_COLUMNS,
  findColumn,
  type Table,
} from './table.ts';

/** An aggregate table and the role of each of its columns. */
export interface Aggregate {
  table: Table;
  /** The household count column. */
  count: string;
  /** The persons (sum of household sizes) column, if any. */
  persons: string | null;
  /** Columns that define a cell besides its area (status, exit_category, change_type …). */
  groups: string[];
  /** Other numeric columns: sums or averages a cell reveals beside its count. */
  measures: string[];
  /** Whether the cells count change events rather than households. */
  changes: boolean;
}

export interface ClassifiedTables {
  households: Table[];
  changeRecords: Table[];
  aggregates: Aggregate[];
}

const HOUSEHOLD_MARKERS = ['household_size', 'household_type', 'labor_capacity'];

function isNumericColumn(table: Table, column: string): boolean {
  let seen = false;
  for (const row of table.rows) {
    const v = row[column];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') return false;
    seen = true;
  }
  return seen;
}

/** Classifies every table; tables that say nothing about households (villages, phases…) are left out. */
export function classifyTables(tables: readonly Table[]): ClassifiedTables {
  const out: ClassifiedTables = { households: [], changeRecords: [], aggregates: [] };
  for (const table of tables) {
    const count = findColumn(table, COUNT_COLUMNS);
    const hasChangeType = table.columns.includes('change_type');
    if (count !== null) {
      const persons = findColumn(table, PERSONS_COLUMNS);
      const groups: string[] = [];
      const measures: string[] = [];
      for (const c of table.columns) {
        if (c === count || c === persons || AREA_COLUMNS.has(c)) continue;
        if (!KNOWN_COLUMNS.has(c) && !TIME_COLUMNS.has(c) && isNumericColumn(table, c))
          measures.push(c);
        else groups.push(c);
      }
      out.aggregates.push({ table, count, persons, groups, measures, changes: hasChangeType });
    } else if (hasChangeType && findColumn(table, TIME_COLUMNS) !== null) {
      out.changeRecords.push(table);
    } else if (findColumn(table, HOUSEHOLD_MARKERS) !== null) {
      out.households.push(table);
    }
  }
  return out;
}
