/**
 * Attacks 1 and 2 on one household-level table, to a fixed point:
 *   candidates from the published rows → sizes refined by aggregates →
 *   candidates again, filtered by matching → a row whose candidate households
 *   all have one size has that size → aggregates again … until nothing changes.
 * Each step only removes what cannot be, so the true row always stays.
 */
import type { Aggregate } from './classifyTables.ts';
import { findCandidates, indexRows, type RowIndex } from './findCandidates.ts';
import { readHouseholdRows, type HouseholdRows } from './householdRows.ts';
import { pruneToPerfectMatchings } from './pruneByMatching.ts';
import { refineSizes, type ImpossibleCell } from './refineSizes.ts';
import type { Table } from './table.ts';
import type { Truth, TruthHousehold } from './truth.ts';

export interface Inference {
  rows: HouseholdRows;
  /** Each household's candidate rows from the published values alone. */
  published: number[][];
  /** …after refinement by aggregates and matching. */
  final: number[][];
  /** Rows whose published household size is a band or blank. */
  inexactRows: number[];
  /** Of those, rows whose exact size the aggregates alone give back. */
  exactByAggregates: number[];
  /** Of those, rows whose exact size is known in the end. */
  exactInTheEnd: number[];
  /** Aggregate cells no sizes can meet (publication and truth disagree). */
  impossibleCells: ImpossibleCell[];
  /** Households no row fits, rows no household fits (the attacker model does not fit). */
  householdsWithoutRow: number[];
  rowsWithoutHousehold: number[];
  /** Villages whose rows cannot be given one to each household. */
  unassignableVillages: string[];
  /**
   * Villages with more or fewer rows (with their code) than households: no
   * matching there (rows suppressed, or rows with a blank village elsewhere).
   */
  villagesNotOneRowEach: string[];
}

const isExact = (rows: HouseholdRows, i: number) => rows.lo[i] === rows.hi[i];

/** Runs attacks 1 and 2 on a household-level table. */
export function inferCandidates(
  table: Table,
  truth: Truth,
  aggregates: readonly Aggregate[],
): Inference {
  const rows = readHouseholdRows(table, truth.villages);
  const households = truth.households;
  const index = indexRows(rows);
  const published = findCandidates(rows, households, index);
  const inexactRows: number[] = [];
  for (let i = 0; i < table.rows.length; i++) if (!rows.publishedExact[i]) inexactRows.push(i);

  const impossibleCells: ImpossibleCell[] = [];
  const refine = () => {
    const r = refineSizes(rows, aggregates);
    impossibleCells.push(...r.impossible);
  };
  refine();
  const exactByAggregates = inexactRows.filter((i) => isExact(rows, i));

  const unassignable = new Set<string>();
  let notOneRowEach: string[] = [];
  let candidates: number[][] = [];
  for (;;) {
    const pruned = pruneByVillage(index, households, findCandidates(rows, households, index));
    for (const v of pruned.unassignable) unassignable.add(v);
    notOneRowEach = pruned.notOneRowEach;
    candidates = pruned.candidates;
    if (learnRowSizes(rows, households, candidates) === 0) break;
    refine();
  }

  const fitted = new Uint8Array(table.rows.length);
  for (const list of candidates) for (const i of list) fitted[i] = 1;
  return {
    rows,
    published,
    final: candidates,
    inexactRows,
    exactByAggregates,
    exactInTheEnd: inexactRows.filter((i) => isExact(rows, i)),
    impossibleCells: dedupe(impossibleCells),
    // Without a row where every household has one: the model does not fit.
    householdsWithoutRow: candidates.flatMap((c, h) =>
      c.length === 0 && !notOneRowEach.includes((households[h] as TruthHousehold).village)
        ? [h]
        : [],
    ),
    rowsWithoutHousehold: [...fitted.keys()].filter((i) => !fitted[i]),
    unassignableVillages: [...unassignable].sort(),
    villagesNotOneRowEach: notOneRowEach,
  };
}

function dedupe(cells: ImpossibleCell[]): ImpossibleCell[] {
  const seen = new Map<string, ImpossibleCell>();
  for (const c of cells) seen.set(`${c.table}|${c.area}|${c.cell}`, c);
  return [...seen.values()];
}

/**
 * Filters candidates by matching in each village whose rows are exactly its
 * households: as many rows with its village code as households, and no row
 * with a blank village that could also be one of them.
 */
function pruneByVillage(
  index: RowIndex,
  households: readonly TruthHousehold[],
  candidates: number[][],
): { candidates: number[][]; unassignable: string[]; notOneRowEach: string[] } {
  const unassignable: string[] = [];
  const notOneRowEach: string[] = [];
  const byVillage = new Map<string, number[]>();
  households.forEach((h, i) => {
    const list = byVillage.get(h.village);
    if (list) list.push(i);
    else byVillage.set(h.village, [i]);
  });
  const out = candidates.slice();
  for (const [village, members] of byVillage) {
    const villageRows = index.byVillage.get(village) ?? [];
    const street = households[members[0] as number]?.street ?? '';
    const blankVillageRows = index.anywhere.length + (index.byStreet.get(street)?.length ?? 0);
    if (blankVillageRows > 0 || villageRows.length !== members.length) {
      notOneRowEach.push(village);
      continue;
    }
    const local = new Map(villageRows.map((r, j) => [r, j]));
    const adj = members.map((h) => (candidates[h] as number[]).map((r) => local.get(r) as number));
    const pruned = pruneToPerfectMatchings(adj, villageRows.length);
    if (pruned === null) {
      unassignable.push(village);
      continue;
    }
    members.forEach((h, j) => {
      out[h] = (pruned[j] as number[]).map((r) => villageRows[r] as number);
    });
  }
  return { candidates: out, unassignable, notOneRowEach };
}

/** A row whose candidate households all have one size has that size. Returns rows narrowed. */
function learnRowSizes(
  rows: HouseholdRows,
  households: readonly TruthHousehold[],
  candidates: readonly (readonly number[])[],
): number {
  const size = new Int32Array(rows.lo.length).fill(-1);
  candidates.forEach((list, h) => {
    const s = (households[h] as TruthHousehold).size;
    for (const i of list) size[i] = size[i] === -1 || size[i] === s ? s : -2;
  });
  let narrowed = 0;
  size.forEach((s, i) => {
    if (s > 0 && !isExact(rows, i)) {
      rows.lo[i] = s;
      rows.hi[i] = s;
      narrowed++;
    }
  });
  return narrowed;
}
