import type { Aggregate } from './classifyTables.ts';
import { AREA_COLUMNS, KNOWN_COLUMNS, TIME_COLUMNS, asText, type Row } from './table.ts';

/**
 * The columns of an aggregate row that say more than "this many households
 * here": a persons sum, any other measure, a reason, a status, a band … —
 * everything but its place, its count, and the grouping values the neighbour
 * already knows (household size, type, labour capacity, enrolment year,
 * change type, period), and further household counts of the same place
 * (`households_*`: households by 建档状态, which a village board posts).
 * Blank values reveal nothing.
 */
export function revealedColumns(aggregate: Aggregate, row: Row): string[] {
  return aggregate.table.columns.filter(
    (c) =>
      c !== aggregate.count &&
      c !== 'change_type' &&
      !c.startsWith('households_') &&
      !AREA_COLUMNS.has(c) &&
      !KNOWN_COLUMNS.has(c) &&
      !TIME_COLUMNS.has(c) &&
      asText(row[c] ?? null) !== null,
  );
}
