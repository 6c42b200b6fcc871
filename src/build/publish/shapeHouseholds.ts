/**
 * The published household rows: one per 建档立卡 household (在册, 已脱贫),
 * without 户编号, 建档状态 or 纳入年份, income as a band, size as a band, and
 * generalised by generaliseHouseholds until no group of rows gives anyone or
 * any sensitive value away. 清退 households are counted, never listed.
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { Household } from '../../contract/input/households.ts';
import { incomeBand } from '../../contract/incomeBands.ts';
import {
  GAP_VALUE,
  HOUSEHOLD_DETAIL,
  SENSITIVE_COLUMNS,
  householdSizeBand,
  type GeneralisationLevel,
  type HouseholdDetail,
  type LentTo,
  type LevelCounts,
  type VillageGeneralisation,
  type VillagePlace,
} from '../../contract/privacyReport.ts';
import {
  generaliseHouseholds,
  generalisedValues,
  type HouseholdValues,
  type SensitiveColumn,
} from './generaliseHouseholds.ts';
import type { VillageOf } from './villageLookup.ts';

/** One published household row. */
export interface HouseholdRow {
  street: string | null;
  village_code: string | null;
  village_name: string | null;
  household_size: string | null;
  household_type: string | null;
  labor_capacity: string | null;
  income_band: string | null;
  exit_category: string | null;
  education_secured: string | null;
  medical_secured: string | null;
  housing_secured: string | null;
  measures: Household['measures'];
}

export interface ShapedHouseholds {
  rows: HouseholdRow[];
  levels: LevelCounts;
  forDiversity: number;
  borrowed: number;
  /** The lent rows by the group they completed. */
  borrowedTo: LentTo;
  /** Villages where any row was generalised, by street and code. */
  villages: VillageGeneralisation[];
  /** Villages published under the street or district, by street and code. */
  villagesNotByVillage: (VillagePlace & { household_detail: HouseholdDetail })[];
  /** Where each village's rows are published (every village with 建档立卡 households). */
  detail: Map<string, HouseholdDetail>;
  /** Values withheld, by column. */
  withheld: Record<string, number>;
}

const byPlace = (a: VillagePlace, b: VillagePlace) =>
  a.street < b.street ? -1 : a.street > b.street ? 1 : a.village_code < b.village_code ? -1 : 1;

const LEVEL_KEYS: readonly (keyof LevelCounts)[] = [
  'exact',
  'type_labor_blanked',
  'size_blanked',
  'street_only',
  'district_only',
];

const emptyLevels = (): LevelCounts => ({
  exact: 0,
  type_labor_blanked: 0,
  size_blanked: 0,
  street_only: 0,
  district_only: 0,
});

/** The row's other published values: orders rows a group may lend. */
function tieKey(v: HouseholdValues, measures: readonly string[]): string {
  return [
    v.exit_category,
    v.income_band,
    v.education_secured,
    v.medical_secured,
    v.housing_secured,
    measures.join('、'),
  ].join('|');
}

/**
 * Fails loudly if a published group (rows with the same published place, size,
 * type and labour capacity) is smaller than k or gives a value away: an
 * independent check of the rule, on the published values only.
 */
export function assertProtected(rows: readonly HouseholdRow[], k: number): void {
  // k = 1: nothing to protect (see generaliseHouseholds).
  if (k <= 1) return;
  const groups = new Map<string, HouseholdRow[]>();
  for (const r of rows) {
    const key = [r.street, r.village_code, r.household_size, r.household_type, r.labor_capacity]
      .map((v) => v ?? '')
      .join('|');
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const [key, g] of groups) {
    // Columns withheld on every row of the group give nothing away; a group with all withheld only counts.
    const shown = (col: SensitiveColumn) => g.some((r) => r[col] !== null);
    if (!SENSITIVE_COLUMNS.some(shown)) continue;
    const distinct = (col: 'exit_category' | 'income_band') =>
      shown(col) && new Set(g.map((r) => r[col])).size < 2;
    const allGap = (col: 'education_secured' | 'medical_secured' | 'housing_secured') =>
      g.every((r) => r[col] === GAP_VALUE);
    const problem =
      g.length < k
        ? `只有 ${g.length} 户（k = ${k}）`
        : distinct('exit_category')
          ? '脱贫成效分类全部相同'
          : distinct('income_band')
            ? '收入段全部相同'
            : allGap('education_secured') || allGap('medical_secured') || allGap('housing_secured')
              ? '“三保障”缺口全部相同'
              : null;
    if (problem) throw new Error(`户级数据保护检查失败：组合 ${key} ${problem}`);
  }
}

/**
 * Lent rows by the group they completed: a village's last group (level 2),
 * its street's group of villages that cannot stand alone (3), the district's (4).
 */
function lentTo(levels: Uint8Array, borrowed: Uint8Array): LentTo {
  const out: LentTo = { village: 0, street: 0, district: 0 };
  borrowed.forEach((b, i) => {
    if (!b) return;
    const level = levels[i] as number;
    if (level === 4) out.district += 1;
    else if (level === 3) out.street += 1;
    else out.village += 1;
  });
  return out;
}

/** Publishes the 建档立卡 households' rows, generalised, with what was done for the report. */
export function shapeHouseholds(
  households: readonly Household[],
  campaign: Campaign,
  villageOf: VillageOf,
): ShapedHouseholds {
  const k = campaign.privacy.k;
  const band = incomeBand(campaign.income_bands);
  const registered = households.filter((h) => h.status !== '清退');
  const values: HouseholdValues[] = registered.map((h) => {
    const v = villageOf(h.village_code, 'households.csv');
    return {
      street: v.street,
      village_code: v.village_code,
      size_band: householdSizeBand(h.household_size),
      household_type: h.household_type,
      labor_capacity: h.labor_capacity,
      exit_category: h.exit_category ?? '',
      income_band: band(h.income_per_capita),
      education_secured: h.education_secured,
      medical_secured: h.medical_secured,
      housing_secured: h.housing_secured,
    };
  });
  const g = generaliseHouseholds(values, k, (i) =>
    tieKey(values[i] as HouseholdValues, (registered[i] as Household).measures),
  );

  const levels = emptyLevels();
  const perVillage = new Map<string, VillageGeneralisation>();
  const sizes = new Map<string, number>();
  for (const v of values) sizes.set(v.village_code, (sizes.get(v.village_code) ?? 0) + 1);
  const place = (code: string): VillagePlace => {
    const v = villageOf(code, 'households.csv');
    return {
      street: v.street,
      village_code: code,
      village_name: v.village_name,
      households: sizes.get(code) ?? 0,
    };
  };
  const withheld: Record<string, number> = {};
  const rows = values.map((v, i): HouseholdRow => {
    const level = g.levels[i] as GeneralisationLevel;
    const q = generalisedValues(v, level);
    const hidden = new Set<SensitiveColumn>(g.withheld.get(i) ?? []);
    for (const col of hidden) withheld[col] = (withheld[col] ?? 0) + 1;
    const show = (col: SensitiveColumn) => (hidden.has(col) ? null : v[col]);
    levels[LEVEL_KEYS[level] as keyof LevelCounts] += 1;
    if (level > 0) {
      let c = perVillage.get(v.village_code);
      if (!c) {
        c = { ...place(v.village_code), ...emptyLevels(), for_diversity: 0, borrowed: 0 };
        perVillage.set(v.village_code, c);
      }
      c[LEVEL_KEYS[level] as keyof LevelCounts] += 1;
      c.for_diversity += g.forDiversity[i] as number;
      c.borrowed += g.borrowed[i] as number;
    }
    return {
      street: q.street,
      village_code: q.village_code,
      village_name:
        q.village_code === null ? null : villageOf(v.village_code, 'households.csv').village_name,
      household_size: q.household_size,
      household_type: q.household_type,
      labor_capacity: q.labor_capacity,
      income_band: show('income_band'),
      exit_category: show('exit_category'),
      education_secured: show('education_secured'),
      medical_secured: show('medical_secured'),
      housing_secured: show('housing_secured'),
      measures: (registered[i] as Household).measures,
    };
  });
  assertProtected(rows, k);

  // Where a village's rows are: by village while any of them is; else where the finest one went.
  const finest = new Map<string, number>();
  values.forEach((v, i) =>
    finest.set(v.village_code, Math.min(finest.get(v.village_code) ?? 4, g.levels[i] as number)),
  );
  const detail = new Map<string, HouseholdDetail>();
  for (const [code, level] of finest)
    detail.set(
      code,
      level < 3
        ? HOUSEHOLD_DETAIL.village
        : level === 3
          ? HOUSEHOLD_DETAIL.street
          : HOUSEHOLD_DETAIL.district,
    );
  return {
    rows,
    levels,
    forDiversity: g.forDiversity.reduce((a, x) => a + x, 0),
    borrowed: g.borrowed.reduce((a, x) => a + x, 0),
    borrowedTo: lentTo(g.levels, g.borrowed),
    villages: [...perVillage.values()].sort(byPlace),
    villagesNotByVillage: [...detail]
      .filter(([, d]) => d !== HOUSEHOLD_DETAIL.village)
      .map(([code, d]) => ({ ...place(code), household_detail: d }))
      .sort(byPlace),
    detail,
    withheld,
  };
}
