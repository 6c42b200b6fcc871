import type { Household } from '../../contract/input/households.ts';
import type { VillageOf } from './villageLookup.ts';

export interface StreetPeopleRow {
  street: string;
  status: Household['status'];
  exit_category: Household['exit_category'];
  households: number;
  persons: number;
}

/**
 * Exact households and persons per street × 建档状态 × 脱贫成效分类: street and
 * district figures stay exact (the privacy rules keep small cells in check
 * below street level only).
 */
export function streetPeople(
  households: readonly Household[],
  villageOf: VillageOf,
): StreetPeopleRow[] {
  const cells = new Map<string, StreetPeopleRow>();
  for (const h of households) {
    const { street } = villageOf(h.village_code, 'households.csv');
    const key = `${street}|${h.status}|${h.exit_category ?? ''}`;
    let c = cells.get(key);
    if (!c) {
      c = { street, status: h.status, exit_category: h.exit_category, households: 0, persons: 0 };
      cells.set(key, c);
    }
    c.households += 1;
    c.persons += h.household_size;
  }
  return [...cells.values()];
}
