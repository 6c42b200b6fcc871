import { householdSizeBand } from '../../contract/privacyReport.ts';
/**
 * k-anonymity for the published household rows, by generalisation only: a row
 * whose combination of quasi-identifiers (village, household size, type, labour
 * capacity) is shared by fewer than k rows is coarsened step by step until its
 * published combination is shared by at least k rows. No row is ever dropped,
 * so every count and total stays exact.
 *
 * Levels (each includes the previous ones):
 *   0 exact · 1 household size → band ("1–2", "3–4", "5+") ·
 *   2 household type and labour capacity blanked · 3 household size blanked.
 */

/** What k-anonymity is measured on (the published household table's quasi-identifiers). */
export interface QuasiIdentifiers {
  village_code: string;
  household_size: number;
  household_type: string;
  labor_capacity: string;
}

/** 0 exact … 3 everything but the village blanked. */
export type CoarseningLevel = 0 | 1 | 2 | 3;

export interface Coarsening {
  /** Final level of each input row. */
  levels: Uint8Array;
  /**
   * 1 for rows moved to level 3 from an already anonymous group, to complete a
   * village's level-3 group that was still smaller than k.
   */
  borrowed: Uint8Array;
  /** Villages with fewer than k households: no coarsening can protect them (code → households). */
  smallVillages: Map<string, number>;
}

/** The published quasi-identifiers of a row at a level (village code is never coarsened). */
export function coarsenedQuasiIdentifiers(
  row: QuasiIdentifiers,
  level: number,
): { household_size: string | null; household_type: string | null; labor_capacity: string | null } {
  return {
    household_size:
      level === 0
        ? String(row.household_size)
        : level < 3
          ? householdSizeBand(row.household_size)
          : null,
    household_type: level < 2 ? row.household_type : null,
    labor_capacity: level < 2 ? row.labor_capacity : null,
  };
}

interface Group {
  /** Published quasi-identifiers, for a tie-break that never depends on input order. */
  label: string;
  level: number;
  members: number[];
}

/**
 * Numeric group keys: string keys for 700,000 rows cost more than the rest of
 * the coarsening together. `categories[i]` numbers the row's type × labour
 * capacity combination (any numbering: keys are only compared for equality).
 */
function groupKey(size: number, category: number, level: number): number {
  const band = size <= 2 ? 1 : size <= 4 ? 2 : 3;
  if (level === 0) return size * 1e6 + category;
  if (level === 1) return band * 1e6 + category + 1e9;
  return level === 2 ? band : 0;
}

function groupBy(
  rows: readonly QuasiIdentifiers[],
  categories: Uint32Array,
  members: readonly number[],
  level: number,
): Group[] {
  const groups = new Map<number, Group>();
  for (const i of members) {
    const key = groupKey(
      (rows[i] as QuasiIdentifiers).household_size,
      categories[i] as number,
      level,
    );
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: '', level, members: [] }));
    g.members.push(i);
  }
  for (const g of groups.values()) {
    const q = coarsenedQuasiIdentifiers(rows[g.members[0] as number] as QuasiIdentifiers, level);
    g.label = `${q.household_size}|${q.household_type}|${q.labor_capacity}`;
  }
  return [...groups.values()];
}

/**
 * Chooses where to take `deficit` more rows for a village's level-3 group:
 * from the largest group that stays ≥ k without them, else a whole group (the
 * smallest; any whole group has ≥ k rows, so one move is always enough).
 * Ties are broken by level and published values, never by input order.
 */
function chooseDonor(
  groups: Group[],
  k: number,
  deficit: number,
): { group: Group; take: number } | null {
  const byLabel = (a: Group, b: Group) =>
    b.level - a.level || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  const large = groups
    .filter((g) => g.members.length >= k + deficit)
    .sort((a, b) => b.members.length - a.members.length || byLabel(a, b));
  if (large[0]) return { group: large[0], take: deficit };
  const whole = [...groups].sort((a, b) => a.members.length - b.members.length || byLabel(a, b));
  return whole[0] ? { group: whole[0], take: whole[0].members.length } : null;
}

/**
 * Computes each row's coarsening level. `tieKey(i)` orders rows that are
 * identical on the quasi-identifiers when only some of a group are borrowed:
 * pass a key of the row's other published values so the result depends only on
 * what is published, never on input order. (A function: it is rarely needed.)
 */
export function coarsenHouseholds(
  rows: readonly QuasiIdentifiers[],
  k: number,
  tieKey: (index: number) => string,
): Coarsening {
  const levels = new Uint8Array(rows.length);
  const borrowed = new Uint8Array(rows.length);
  const smallVillages = new Map<string, number>();
  const byVillage = new Map<string, number[]>();
  const categoryIds = new Map<string, Map<string, number>>();
  const categories = new Uint32Array(rows.length);
  let nextCategory = 0;
  rows.forEach((row, i) => {
    const list = byVillage.get(row.village_code);
    if (list) list.push(i);
    else byVillage.set(row.village_code, [i]);
    let byLabor = categoryIds.get(row.household_type);
    if (!byLabor) categoryIds.set(row.household_type, (byLabor = new Map()));
    let id = byLabor.get(row.labor_capacity);
    if (id === undefined) byLabor.set(row.labor_capacity, (id = nextCategory++));
    categories[i] = id;
  });

  for (const [village, members] of byVillage) {
    if (members.length < k) {
      smallVillages.set(village, members.length);
      for (const i of members) levels[i] = 3;
      continue;
    }
    const accepted: Group[] = [];
    let pending = members;
    for (let level = 0; level < 3 && pending.length > 0; level++) {
      const next: number[] = [];
      for (const g of groupBy(rows, categories, pending, level)) {
        if (g.members.length >= k) accepted.push(g);
        else for (const i of g.members) next.push(i);
      }
      for (const i of next) levels[i] = level + 1;
      pending = next;
    }
    if (pending.length === 0 || pending.length >= k) continue;
    const donor = chooseDonor(accepted, k, k - pending.length);
    if (!donor) throw new Error(`k-anonymity: no rows to complete village ${village}`);
    const moved = donor.group.members
      .map((i) => ({ i, key: tieKey(i) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, donor.take)
      .map((m) => m.i);
    for (const i of moved) {
      levels[i] = 3;
      borrowed[i] = 1;
    }
  }
  return { levels, borrowed, smallVillages };
}
