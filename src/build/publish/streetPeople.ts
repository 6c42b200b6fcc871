/**
 * street_people: households and persons per area × 建档状态 × 脱贫成效分类,
 * where an area is a street, or — for the villages whose household rows went
 * up to the district (并入全区) — the district remainder (street null). A
 * household is counted where its village's rows are published, so a street's
 * cells never hold a village the household rows could not protect even within
 * the street: its cells minus the villages' own figures would give those rows
 * back (a street of one such village would publish them outright).
 *
 * An area's figures stay exact only while they give nobody away:
 *  - by 脱贫成效分类 only where every 建档立卡 cell of the area holds at least k
 *    households and each 建档状态 has at least two categories (otherwise a
 *    household known to have exited would have its category told); else the
 *    area is published by 建档状态 only, category blank, for both statuses (one
 *    status by category beside the household rows' category totals would give
 *    the other's back);
 *  - persons only where they are a sum over at least k households: by category
 *    every cell is; by status only, the area's 建档立卡 persons are published
 *    when both statuses have k or more households, else neither; a 清退 cell
 *    of fewer than k households is a count.
 * Household counts are always exact, so street and district household totals
 * by 建档状态 are too (they equal the villages' counts, which boards post).
 */
import type { Household } from '../../contract/input/households.ts';
import type { Village } from '../../contract/input/villages.ts';

export interface StreetPeopleRow {
  /** The street; null = the district remainder (villages published 并入全区). */
  street: string | null;
  status: Household['status'];
  exit_category: Household['exit_category'];
  households: number;
  persons: number | null;
}

/** What the rule did, per area, for the privacy report. */
export interface StreetCells {
  /** Areas published by 建档状态 only (category blank). */
  by_status_only: number;
  /** Cells whose persons are not published (fewer than k households). */
  persons_withheld: number;
  /** 建档立卡 households counted in the district remainder, not in their street. */
  district_remainder: number;
}

/** The area a village's households are counted in: its street, or null (the district only). */
export type AreaOf = (village: Village) => string | null;

interface Cell {
  households: number;
  persons: number;
}

const REGISTERED = ['在册', '已脱贫'] as const;

function add(cells: Map<string, Cell>, key: string, size: number): void {
  const c = cells.get(key);
  if (c) {
    c.households += 1;
    c.persons += size;
  } else cells.set(key, { households: 1, persons: size });
}

/** One area's rows under the rule above. */
function areaRows(
  street: string | null,
  households: readonly Household[],
  k: number,
  counts: StreetCells,
): StreetPeopleRow[] {
  const byCategory = new Map<string, Map<string, Cell>>();
  const byStatus = new Map<string, Cell>();
  for (const h of households) {
    add(byStatus, h.status, h.household_size);
    if (h.status === '清退') continue;
    let cells = byCategory.get(h.status);
    if (!cells) byCategory.set(h.status, (cells = new Map()));
    add(cells, h.exit_category ?? '', h.household_size);
  }
  const rows: StreetPeopleRow[] = [];
  const removed = byStatus.get('清退');
  if (removed) {
    const shown = removed.households >= k;
    if (!shown) counts.persons_withheld += 1;
    rows.push({
      street,
      status: '清退',
      exit_category: null,
      households: removed.households,
      persons: shown ? removed.persons : null,
    });
  }
  const statuses = REGISTERED.filter((s) => byStatus.has(s));
  const exact =
    k <= 1 ||
    statuses.every((s) => {
      const cells = [...(byCategory.get(s) as Map<string, Cell>).values()];
      return cells.length >= 2 && cells.every((c) => c.households >= k);
    });
  if (exact) {
    for (const status of statuses)
      for (const [category, c] of byCategory.get(status) as Map<string, Cell>)
        rows.push({
          street,
          status,
          exit_category: category === '' ? null : (category as Household['exit_category']),
          households: c.households,
          persons: c.persons,
        });
    return rows;
  }
  counts.by_status_only += 1;
  const persons = statuses.every((s) => (byStatus.get(s) as Cell).households >= k);
  for (const status of statuses) {
    const c = byStatus.get(status) as Cell;
    if (!persons) counts.persons_withheld += 1;
    rows.push({
      street,
      status,
      exit_category: null,
      households: c.households,
      persons: persons ? c.persons : null,
    });
  }
  return rows;
}

/** The street_people rows, and what the rule did. */
export function streetPeople(
  households: readonly Household[],
  villageOf: (code: string, what: string) => Village,
  areaOf: AreaOf,
  k: number,
): { rows: StreetPeopleRow[]; cells: StreetCells } {
  const byArea = new Map<string | null, Household[]>();
  const counts: StreetCells = { by_status_only: 0, persons_withheld: 0, district_remainder: 0 };
  for (const h of households) {
    const area = areaOf(villageOf(h.village_code, 'households.csv'));
    if (area === null && h.status !== '清退') counts.district_remainder += 1;
    const list = byArea.get(area);
    if (list) list.push(h);
    else byArea.set(area, [h]);
  }
  const rows = [...byArea].flatMap(([street, list]) => areaRows(street, list, k, counts));
  return { rows, cells: counts };
}
