/**
 * Refinement by aggregates: an aggregate cell with an area, grouping columns,
 * a household count and a persons sum (e.g. village_people: village × status
 * × exit category) tells the attacker the exact total size of the household
 * rows in that cell. When the rows whose published values put them in the
 * cell number exactly the cell's count, they are the cell, and each row's size
 * range shrinks to what the others leave of the sum:
 *   lo_i ≥ persons − Σ_{j≠i} hi_j,   hi_i ≤ persons − Σ_{j≠i} lo_j.
 * One banded row among exact ones gets its exact size back; two "5+" rows
 * that sum to 10 are both 5.
 *
 * Cautious: a row with a blank grouping value may belong to the cell, so it is
 * not counted in; then the rows found fall short of the count and the cell is
 * skipped. An area whose cells do not add up to its household rows (an
 * aggregate over another population) is skipped whole.
 */
import type { Aggregate } from './classifyTables.ts';
import type { HouseholdRows } from './householdRows.ts';
import { asNumber, asText, type Row, type Value } from './table.ts';

/** A cell whose sum cannot be met by its rows' ranges: publication and truth disagree. */
export interface ImpossibleCell {
  table: string;
  area: string;
  cell: string;
}

const valueKey = (v: Value | undefined): string =>
  v === null || v === undefined ? '\u0000' : Array.isArray(v) ? v.join('\u0001') : String(v);

function areaOf(
  aggregate: Aggregate,
  row: Row,
  rows: HouseholdRows,
  i?: number,
): { level: 'village' | 'street' | 'all'; key: string } {
  const hasVillage = aggregate.table.columns.includes('village_code');
  const village = !hasVillage
    ? null
    : i === undefined
      ? asText(row.village_code ?? null)
      : rows.village[i];
  if (village !== null && village !== undefined) return { level: 'village', key: village };
  const street = i === undefined ? asText(row.street ?? null) : rows.street[i];
  if (aggregate.table.columns.includes('street') && street !== null && street !== undefined)
    return { level: 'street', key: street };
  return { level: 'all', key: '' };
}

/** Whether refineSizes can use the aggregate against these household rows. */
export function canRefine(aggregate: Aggregate, rows: HouseholdRows): boolean {
  return (
    !aggregate.changes &&
    aggregate.persons !== null &&
    rows.table.columns.includes('household_size') &&
    aggregate.groups.every((g) => rows.table.columns.includes(g))
  );
}

/**
 * Narrows the rows' size ranges with every usable aggregate, to a fixed point.
 * Returns the number of rows narrowed and the cells that cannot be met.
 */
export function refineSizes(
  rows: HouseholdRows,
  aggregates: readonly Aggregate[],
): { narrowed: Set<number>; impossible: ImpossibleCell[] } {
  const narrowed = new Set<number>();
  const impossible: ImpossibleCell[] = [];
  const usable = aggregates.filter((a) => canRefine(a, rows));
  const cells = usable.flatMap((a) => cellsOf(a, rows));
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of cells) {
      if (cell.impossible) continue;
      const result = propagateSum(rows, cell.members, cell.persons);
      if (result === null) {
        cell.impossible = true;
        impossible.push({ table: cell.table, area: cell.area, cell: cell.label });
        continue;
      }
      for (const i of result) narrowed.add(i);
      if (result.length > 0) changed = true;
    }
  }
  return { narrowed, impossible };
}

interface Cell {
  table: string;
  area: string;
  label: string;
  members: number[];
  persons: number;
  impossible: boolean;
}

/** The aggregate's cells whose household rows are known exactly. */
function cellsOf(aggregate: Aggregate, rows: HouseholdRows): Cell[] {
  const { table, groups, count, persons } = aggregate;
  const groupKey = (get: (g: string) => Value | undefined) =>
    groups.map((g) => valueKey(get(g))).join('|');
  // Household rows by area, then by their grouping values.
  const rowsByArea = new Map<string, Map<string, number[]>>();
  const rowTotals = new Map<string, number>();
  rows.table.rows.forEach((row, i) => {
    const a = areaOf(aggregate, row, rows, i);
    const areaKey = `${a.level}:${a.key}`;
    let byGroup = rowsByArea.get(areaKey);
    if (!byGroup) rowsByArea.set(areaKey, (byGroup = new Map()));
    const key = groupKey((g) => row[g]);
    const list = byGroup.get(key);
    if (list) list.push(i);
    else byGroup.set(key, [i]);
    rowTotals.set(areaKey, (rowTotals.get(areaKey) ?? 0) + 1);
  });
  const cellTotals = new Map<string, number>();
  for (const row of table.rows) {
    const a = areaOf(aggregate, row, rows);
    const key = `${a.level}:${a.key}`;
    cellTotals.set(key, (cellTotals.get(key) ?? 0) + (asNumber(row[count] ?? null) ?? 0));
  }
  const out: Cell[] = [];
  for (const row of table.rows) {
    const a = areaOf(aggregate, row, rows);
    const areaKey = `${a.level}:${a.key}`;
    const n = asNumber(row[count] ?? null);
    const sum = asNumber(row[persons as string] ?? null);
    if (n === null || sum === null) continue;
    // A street-level aggregate puts every row of the street in one area; a
    // subtotal row beside village rows finds no rows of its own and is skipped.
    const members = rowsByArea.get(areaKey)?.get(groupKey((g) => row[g])) ?? [];
    const total = rowTotals.get(areaKey);
    if (members.length !== n || total !== cellTotals.get(areaKey)) continue;
    out.push({
      table: table.name,
      area: a.key || '全部',
      label: groups.map((g) => `${g}=${asText(row[g] ?? null) ?? '（空）'}`).join('，'),
      members,
      persons: sum,
      impossible: false,
    });
  }
  return out;
}

/**
 * Narrows the ranges of `members` so they can sum to `persons`. Returns the
 * rows narrowed, or null when no sizes in the ranges reach the sum.
 */
export function propagateSum(
  rows: Pick<HouseholdRows, 'lo' | 'hi'>,
  members: readonly number[],
  persons: number,
): number[] | null {
  const narrowed = new Set<number>();
  for (;;) {
    let sumLo = 0;
    let sumHi = 0;
    for (const i of members) {
      sumLo += rows.lo[i] as number;
      sumHi += rows.hi[i] as number;
    }
    if (persons < sumLo || persons > sumHi) return null;
    let changed = false;
    for (const i of members) {
      const lo = rows.lo[i] as number;
      const hi = rows.hi[i] as number;
      const newLo = Math.max(lo, persons - (sumHi - hi));
      const newHi = Math.min(hi, persons - (sumLo - lo));
      if (newLo !== lo || newHi !== hi) {
        rows.lo[i] = newLo;
        rows.hi[i] = newHi;
        narrowed.add(i);
        changed = true;
      }
    }
    if (!changed) return [...narrowed];
  }
}
