/**
 * Attack 5 and the aggregate half of attack 4: cells below street level (a
 * village key set) that count very few households and carry more than the
 * count. A neighbour who can tell which one or two households of the village
 * the cell is about learns the rest (the persons sum is their exact size, the
 * reason is theirs); for change cells the neighbour knows who had the event.
 */
import type { Aggregate } from './classifyTables.ts';
import { revealedColumns } from './revealedColumns.ts';
import { asNumber, asText } from './table.ts';

export interface SmallCell {
  table: string;
  /** Row index in the table. */
  row: number;
  village: string;
  households: number;
  /** The columns the cell reveals beside its count. */
  reveals: string[];
}

/**
 * Cells of `aggregate` with a village key, a count in [1, maxCount] and a
 * non-blank column beyond the count.
 */
export function findSmallCells(aggregate: Aggregate, maxCount: number): SmallCell[] {
  const out: SmallCell[] = [];
  aggregate.table.rows.forEach((row, i) => {
    const village = asText(row.village_code ?? null);
    const n = asNumber(row[aggregate.count] ?? null);
    if (village === null || n === null || n < 1 || n > maxCount) return;
    const reveals = revealedColumns(aggregate, row);
    if (reveals.length === 0) return;
    out.push({ table: aggregate.table.name, row: i, village, households: n, reveals });
  });
  return out;
}
