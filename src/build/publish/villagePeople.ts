import type { Household } from '../../contract/input/households.ts';
import type { VillageOf } from './villageLookup.ts';

export interface VillagePeopleRow {
  street: string;
  village_code: string;
  village_name: string;
  status: Household['status'];
  exit_category: Household['exit_category'];
  households: number;
  persons: number;
}

/**
 * Exact households and persons per village × status × exit category: the
 * totals the coarsened household rows can no longer give (their household
 * size may be a band or blank).
 */
export function villagePeople(
  households: readonly Household[],
  villageOf: VillageOf,
): VillagePeopleRow[] {
  const groups = new Map<string, Map<string, VillagePeopleRow>>();
  for (const h of households) {
    let inVillage = groups.get(h.village_code);
    if (!inVillage) groups.set(h.village_code, (inVillage = new Map()));
    const key = `${h.status}|${h.exit_category ?? ''}`;
    let g = inVillage.get(key);
    if (!g) {
      const v = villageOf(h.village_code, 'households.csv');
      g = {
        street: v.street,
        village_code: v.village_code,
        village_name: v.village_name,
        status: h.status,
        exit_category: h.exit_category,
        households: 0,
        persons: 0,
      };
      inVillage.set(key, g);
    }
    g.households += 1;
    g.persons += h.household_size;
  }
  return [...groups.values()].flatMap((m) => [...m.values()]);
}
