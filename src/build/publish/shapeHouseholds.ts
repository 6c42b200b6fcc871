import type { Campaign } from '../../contract/input/campaign.ts';
import type { Household } from '../../contract/input/households.ts';
import { coarsenHouseholds, coarsenedQuasiIdentifiers } from './coarsenHouseholds.ts';
import { incomeBand } from '../../contract/incomeBands.ts';
import type { VillageOf } from './villageLookup.ts';
import type {
  CoarseningCounts,
  VillageCoarsening,
  VillagePlace,
} from '../../contract/privacyReport.ts';

/** One published household row: no 户编号, income as a band, quasi-identifiers possibly coarsened. */
export interface HouseholdRow {
  street: string;
  village_code: string;
  village_name: string;
  household_size: string | null;
  household_type: string | null;
  labor_capacity: string | null;
  status: Household['status'];
  enrolled_year: number;
  income_band: string;
  exit_category: Household['exit_category'];
  education_secured: Household['education_secured'];
  medical_secured: Household['medical_secured'];
  housing_secured: Household['housing_secured'];
  measures: Household['measures'];
}

export interface ShapedHouseholds {
  rows: HouseholdRow[];
  coarsened: CoarseningCounts;
  /** Villages where any row was coarsened, by street and code. */
  villages: VillageCoarsening[];
  /** Villages with fewer than k households, by street and code. */
  small_villages: VillagePlace[];
}

const byPlace = (a: VillagePlace, b: VillagePlace) =>
  a.street < b.street ? -1 : a.street > b.street ? 1 : a.village_code < b.village_code ? -1 : 1;

/** The row's non-quasi-identifier values: orders rows a group may lend (see `coarsenHouseholds`). */
function tieKey(r: HouseholdRow): string {
  return [
    r.status,
    r.exit_category,
    r.income_band,
    r.enrolled_year,
    r.education_secured,
    r.medical_secured,
    r.housing_secured,
    r.measures.join('、'),
  ].join('|');
}

/**
 * Fails loudly if a published combination outside the small villages has fewer
 * than k rows: an independent check of the coarsening, on the published values.
 * Each value is numbered once and a row's combination packed into one number:
 * string keys for 700,000 rows took most of a second.
 */
function assertKAnonymous(
  rows: readonly HouseholdRow[],
  k: number,
  exempt: ReadonlySet<string>,
): void {
  const numberer = () => {
    const ids = new Map<string | null, number>();
    return (v: string | null) => {
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      return id;
    };
  };
  const [village, size, type, labor] = [numberer(), numberer(), numberer(), numberer()];
  const counts = new Map<number, number>();
  const example = new Map<number, HouseholdRow>();
  for (const r of rows) {
    const key =
      ((village(r.village_code) * 1024 + size(r.household_size)) * 1024 + type(r.household_type)) *
        1024 +
      labor(r.labor_capacity);
    const n = counts.get(key);
    if (n === undefined) example.set(key, r);
    counts.set(key, (n ?? 0) + 1);
  }
  for (const [key, n] of counts) {
    const r = example.get(key) as HouseholdRow;
    if (n < k && !exempt.has(r.village_code))
      throw new Error(
        `k-匿名检查失败：村 ${r.village_code} 的组合 ${r.household_size}|${r.household_type}|${r.labor_capacity} 只有 ${n} 户（k = ${k}）`,
      );
  }
}

/** Publishes households: income banded, quasi-identifiers coarsened to k-anonymity, with counts for the report. */
export function shapeHouseholds(
  households: readonly Household[],
  campaign: Campaign,
  villageOf: VillageOf,
): ShapedHouseholds {
  const k = campaign.privacy.k;
  const band = incomeBand(campaign.income_bands);
  const sizes = new Map<string, number>();
  const rows = households.map((h): HouseholdRow => {
    const v = villageOf(h.village_code, 'households.csv');
    sizes.set(v.village_code, (sizes.get(v.village_code) ?? 0) + 1);
    return {
      street: v.street,
      village_code: v.village_code,
      village_name: v.village_name,
      household_size: String(h.household_size),
      household_type: h.household_type,
      labor_capacity: h.labor_capacity,
      status: h.status,
      enrolled_year: h.enrolled_year,
      income_band: band(h.income_per_capita),
      exit_category: h.exit_category,
      education_secured: h.education_secured,
      medical_secured: h.medical_secured,
      housing_secured: h.housing_secured,
      measures: h.measures,
    };
  });

  const { levels, borrowed, smallVillages } = coarsenHouseholds(households, k, (i) =>
    tieKey(rows[i] as HouseholdRow),
  );
  const coarsened: CoarseningCounts = {
    size_banded: 0,
    type_labor_blanked: 0,
    size_blanked: 0,
    borrowed: 0,
  };
  const perVillage = new Map<string, VillageCoarsening>();
  for (let i = 0; i < rows.length; i++) {
    const level = levels[i] as number;
    if (level === 0) continue;
    const row = rows[i] as HouseholdRow;
    Object.assign(row, coarsenedQuasiIdentifiers(households[i] as Household, level));
    let c = perVillage.get(row.village_code);
    if (!c) {
      c = {
        street: row.street,
        village_code: row.village_code,
        village_name: row.village_name,
        households: sizes.get(row.village_code) ?? 0,
        size_banded: 0,
        type_labor_blanked: 0,
        size_blanked: 0,
        borrowed: 0,
      };
      perVillage.set(row.village_code, c);
    }
    for (const t of [c, coarsened]) {
      t.size_banded += 1;
      if (level >= 2) t.type_labor_blanked += 1;
      if (level >= 3) t.size_blanked += 1;
      if (borrowed[i]) t.borrowed += 1;
    }
  }
  assertKAnonymous(rows, k, new Set(smallVillages.keys()));

  const small_villages = [...smallVillages].map(([code, n]) => {
    const v = villageOf(code, 'households.csv');
    return { street: v.street, village_code: code, village_name: v.village_name, households: n };
  });
  return {
    rows,
    coarsened,
    villages: [...perVillage.values()].sort(byPlace),
    small_villages: small_villages.sort(byPlace),
  };
}
