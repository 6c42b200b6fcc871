/**
 * The data page's privacy section: what the privacy report (manifest.json
 * `privacy`) says, summarised per street so it stays short at province scale
 * (2,300 villages), and the coarsening bands taken from the code that applies
 * them. Pure; build time only.
 */
import {
  householdSizeBand,
  type CoarseningCounts,
  type VillageCoarsening,
} from '../../contract/privacyReport.ts';

/** Villages listed one by one on the page up to this many; beyond, only per street. */
export const VILLAGE_DETAIL_LIMIT = 60;

/** One street's coarsening: how many of its villages and rows were touched. */
export interface StreetCoarsening extends CoarseningCounts {
  street: string;
  /** Villages of the street (all, from the village list). */
  villages: number;
  /** Villages where at least one row was coarsened. */
  villages_coarsened: number;
}

/**
 * Per-street totals of the report's per-village coarsening, in the order of
 * `streets` (streets with no coarsened village get zeros).
 */
export function coarseningByStreet(
  villages: readonly VillageCoarsening[],
  streets: readonly { street: string; villages: number }[],
): StreetCoarsening[] {
  const byStreet = new Map<string, StreetCoarsening>(
    streets.map((s) => [
      s.street,
      {
        street: s.street,
        villages: s.villages,
        villages_coarsened: 0,
        size_banded: 0,
        type_labor_blanked: 0,
        size_blanked: 0,
        borrowed: 0,
      },
    ]),
  );
  for (const v of villages) {
    const s = byStreet.get(v.street);
    if (!s) throw new Error(`隐私报告中的街道 ${v.street} 不在村（居）名录中`);
    s.villages_coarsened += 1;
    s.size_banded += v.size_banded;
    s.type_labor_blanked += v.type_labor_blanked;
    s.size_blanked += v.size_blanked;
    s.borrowed += v.borrowed;
  }
  return [...byStreet.values()];
}

/**
 * The household-size bands of the first coarsening step, in order (e.g.
 * "1–2", "3–4", "5+"), read off the function that applies them for sizes 1…max.
 */
export function householdSizeBands(max = 20): string[] {
  const bands: string[] = [];
  for (let size = 1; size <= max; size++) {
    const band = householdSizeBand(size);
    if (!bands.includes(band)) bands.push(band);
  }
  return bands;
}
