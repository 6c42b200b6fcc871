/**
 * Singling out, step one: for each household, the published rows consistent
 * with what the neighbour knows of it. A blank published value is unknown, so
 * consistent with anything; a band is consistent with the sizes it holds.
 */
import type { HouseholdRows } from './householdRows.ts';
import type { TruthHousehold } from './truth.ts';

/** Whether row `i` could be household `h`. */
export function isConsistent(rows: HouseholdRows, i: number, h: TruthHousehold): boolean {
  const village = rows.village[i];
  if (village !== null && village !== undefined) {
    if (village !== h.village) return false;
  } else {
    const street = rows.street[i];
    if (street !== null && street !== undefined && street !== h.street) return false;
  }
  if (h.size < (rows.lo[i] as number) || h.size > (rows.hi[i] as number)) return false;
  const type = rows.type[i];
  if (type !== null && type !== h.type) return false;
  const labor = rows.labor[i];
  if (labor !== null && labor !== h.labor) return false;
  if (
    h.enrolledYear < (rows.enrolledLo[i] as number) ||
    h.enrolledYear > (rows.enrolledHi[i] as number)
  )
    return false;
  const status = rows.status[i];
  if (status !== null && status !== undefined && !h.knownStatuses.includes(status)) return false;
  return true;
}

/** Rows a household could be, looked up by village, then street, then anywhere. */
export interface RowIndex {
  byVillage: Map<string, number[]>;
  /** Rows with a blank village, by street. */
  byStreet: Map<string, number[]>;
  /** Rows with neither village nor street. */
  anywhere: number[];
}

export function indexRows(rows: HouseholdRows): RowIndex {
  const index: RowIndex = { byVillage: new Map(), byStreet: new Map(), anywhere: [] };
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  rows.village.forEach((village, i) => {
    const street = rows.street[i];
    if (village !== null) push(index.byVillage, village, i);
    else if (street !== null && street !== undefined) push(index.byStreet, street, i);
    else index.anywhere.push(i);
  });
  return index;
}

/** Each household's candidate rows (row indices, ascending within each place). */
export function findCandidates(
  rows: HouseholdRows,
  households: readonly TruthHousehold[],
  index: RowIndex = indexRows(rows),
): number[][] {
  return households.map((h) => {
    const out: number[] = [];
    for (const list of [
      index.byVillage.get(h.village),
      index.byStreet.get(h.street),
      index.anywhere,
    ])
      if (list) for (const i of list) if (isConsistent(rows, i, h)) out.push(i);
    return out;
  });
}
