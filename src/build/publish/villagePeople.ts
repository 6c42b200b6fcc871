import type { Household } from '../../contract/input/households.ts';
import type { Village } from '../../contract/input/villages.ts';

export interface VillagePeopleRow {
  street: string;
  village_code: string;
  village_name: string;
  /** 建档立卡 (在册 + 已脱贫) households and persons; persons null below k households. */
  households: number;
  persons: number | null;
  households_active: number;
  households_exited: number;
  households_removed: number;
}

/**
 * One row per village: exact household counts by 建档状态 (what a village's
 * own board posts), and the 建档立卡 persons — only where the village has at
 * least k such households, so a village figure never gives away one or two
 * households' size. Villages without any household get a row of zeros.
 */
export function villagePeople(
  households: readonly Household[],
  villages: readonly Village[],
  k: number,
): VillagePeopleRow[] {
  const rows = new Map<string, VillagePeopleRow>(
    villages.map((v) => [
      v.village_code,
      {
        street: v.street,
        village_code: v.village_code,
        village_name: v.village_name,
        households: 0,
        persons: 0,
        households_active: 0,
        households_exited: 0,
        households_removed: 0,
      },
    ]),
  );
  for (const h of households) {
    const r = rows.get(h.village_code);
    if (!r) throw new Error(`households.csv：村代码 ${h.village_code} 不在 villages.csv 中`);
    if (h.status === '清退') {
      r.households_removed += 1;
      continue;
    }
    r.households += 1;
    r.persons = (r.persons ?? 0) + h.household_size;
    if (h.status === '在册') r.households_active += 1;
    else r.households_exited += 1;
  }
  for (const r of rows.values()) if (r.households < k) r.persons = null;
  return [...rows.values()];
}

/**
 * Secondary suppression: an area (a street, or the district remainder) whose
 * 建档立卡 persons street_people publishes, minus its villages' published
 * persons, gives the persons of its villages that were withheld. So those must
 * hold no household or at least k together: while they hold one to k − 1, the
 * area's smallest village still showing persons (ties by code) is withheld too.
 * Changes `rows` in place; returns how many villages it withheld.
 */
export function withholdDifferences(
  rows: VillagePeopleRow[],
  areaOf: (row: VillagePeopleRow) => string | null,
  areasWithPersons: ReadonlySet<string | null>,
  k: number,
): number {
  let withheld = 0;
  const byArea = new Map<string | null, VillagePeopleRow[]>();
  for (const r of rows) {
    const area = areaOf(r);
    if (!areasWithPersons.has(area) || r.households === 0) continue;
    const list = byArea.get(area);
    if (list) list.push(r);
    else byArea.set(area, [r]);
  }
  for (const list of byArea.values()) {
    const shown = list
      .filter((r) => r.persons !== null)
      .sort((a, b) => a.households - b.households || (a.village_code < b.village_code ? -1 : 1));
    let hidden = list.reduce((n, r) => n + (r.persons === null ? r.households : 0), 0);
    while (hidden > 0 && hidden < k && shown.length > 0) {
      const next = shown.shift() as VillagePeopleRow;
      next.persons = null;
      hidden += next.households;
      withheld += 1;
    }
  }
  return withheld;
}
