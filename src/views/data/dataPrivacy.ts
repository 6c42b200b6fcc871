/**
 * The data page's privacy section: what the privacy report (manifest.json
 * `privacy`) says, summarised per street so it stays short at province scale
 * (2,300 villages), and the size bands taken from the code that applies them.
 * Pure; build time only.
 */
import {
  householdSizeBand,
  type LevelCounts,
  type VillageGeneralisation,
} from '../../contract/privacyReport.ts';

/** Villages listed one by one on the page up to this many; beyond, only per street. */
export const VILLAGE_DETAIL_LIMIT = 60;

/** One street's generalisation: how many of its villages and rows were touched. */
export interface StreetGeneralisation extends Omit<LevelCounts, 'exact'> {
  street: string;
  /** Villages of the street (all, from the village list). */
  villages: number;
  /** Villages where at least one row was generalised. */
  villages_generalised: number;
  for_diversity: number;
  /** Rows lent to complete another group (the village's last, the street's or the district's). */
  borrowed: number;
}

/** The per-village counts a street sums. */
const SUMMED = [
  'type_labor_blanked',
  'size_blanked',
  'street_only',
  'district_only',
  'for_diversity',
  'borrowed',
] as const satisfies readonly (keyof StreetGeneralisation & keyof VillageGeneralisation)[];
type Summed = (typeof SUMMED)[number];

/**
 * Per-street totals of the report's per-village generalisation, in the order
 * of `streets` (streets with no generalised village get zeros).
 */
export function generalisationByStreet(
  villages: readonly VillageGeneralisation[],
  streets: readonly { street: string; villages: number }[],
): StreetGeneralisation[] {
  const none = (s: { street: string; villages: number }): StreetGeneralisation => ({
    street: s.street,
    villages: s.villages,
    villages_generalised: 0,
    ...(Object.fromEntries(SUMMED.map((key) => [key, 0])) as Record<Summed, number>),
  });
  const byStreet = new Map(streets.map((s) => [s.street, none(s)]));
  for (const v of villages) {
    const s = byStreet.get(v.street);
    if (!s) throw new Error(`隐私报告中的街道 ${v.street} 不在村（居）名录中`);
    s.villages_generalised += 1;
    for (const key of SUMMED) s[key] += v[key];
  }
  return [...byStreet.values()];
}

/**
 * The published household-size bands, in order (e.g. "1–2", "3–4", "5+"),
 * read off the function that applies them for sizes 1…max.
 */
export function householdSizeBands(max = 20): string[] {
  const bands: string[] = [];
  for (let size = 1; size <= max; size++) {
    const band = householdSizeBand(size);
    if (!bands.includes(band)) bands.push(band);
  }
  return bands;
}
