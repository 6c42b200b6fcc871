/**
 * The privacy rules' published vocabulary: the attacker they are built
 * against, what the household rows are grouped on, which values are
 * sensitive, the levels a row can be generalised to, and the privacy report
 * (downloads/privacy-report.json) the data page explains.
 */

/**
 * The attacker the rules hold against, in words (docs/privacy.md, the data
 * page): a neighbour who knows much, knows the method, and combines everything.
 */
export const ATTACKER_MODEL = [
  '住在同村的邻居：知道每一户的村、家庭人口、户类型、劳动能力和纳入年份，',
  '也知道“回头看”期间哪些户新增纳入、被清退、脱贫或返贫（村里会公示）；',
  '知道本网站的处理方法（方法公开、代码开源），',
  '并把本次和以往各次发布的全部公开文件放在一起比对。',
] as const;

/**
 * What the published household rows are grouped on: what that neighbour knows
 * of a household and the rows still show (village, household size as a band,
 * type, labour capacity). Enrolment year and 建档状态 are not in the rows.
 */
export const QUASI_IDENTIFIERS = [
  'village_code',
  'household_size',
  'household_type',
  'labor_capacity',
] as const;

/**
 * Values a row must not give away by homogeneity: every group of rows a
 * neighbour could narrow a household down to holds at least two different
 * 脱贫成效分类 and income bands, and not only households with a given 三保障 gap.
 */
export const SENSITIVE_COLUMNS = [
  'exit_category',
  'income_band',
  'education_secured',
  'medical_secured',
  'housing_secured',
] as const;

/** The value of a 三保障 column that is sensitive (a gap); 是 / 不适用 are the norm. */
export const GAP_VALUE = '否';

/** The household size as published: always a band, never the exact number. */
export function householdSizeBand(size: number): string {
  if (size <= 2) return '1–2';
  if (size <= 4) return '3–4';
  return '5+';
}

/**
 * How far a row is generalised, each level including the previous ones:
 * 0 size band, type and labour capacity shown · 1 type and labour capacity
 * blanked · 2 size band blanked (only the village) · 3 village blanked (only
 * the street) · 4 street blanked (only the district).
 */
export type GeneralisationLevel = 0 | 1 | 2 | 3 | 4;

/** Where a village's household rows are published (the villages table's `household_detail`). */
export const HOUSEHOLD_DETAIL = {
  village: '按村公开',
  street: '并入街道',
  district: '并入全区',
} as const;
export type HouseholdDetail = (typeof HOUSEHOLD_DETAIL)[keyof typeof HOUSEHOLD_DETAIL];

/**
 * What the street tables' district remainder is called on the pages: the
 * households of the villages published 并入全区, counted in no street's figures
 * (street_people and street_changes rows with a blank street).
 */
export const DISTRICT_REMAINDER = '并入全区的村';

/** What per-street tables of the household rows call the rows published under the district only. */
export const DISTRICT_ROWS = '只公开到全区的户';

/** Rows at each generalisation level. */
export interface LevelCounts {
  /** Size band, type and labour capacity shown. */
  exact: number;
  /** Household type and labour capacity blanked. */
  type_labor_blanked: number;
  /** …and the size band blanked: only the village. */
  size_blanked: number;
  /** Published under the street: the village could not be protected. */
  street_only: number;
  /** Published under the district only. */
  district_only: number;
}

/**
 * Rows lent by the group they completed: a village's last group (the row
 * stays in its village), its street's group of villages that cannot stand
 * alone (the row is published under the street only), the district's group
 * (under the district only).
 */
export interface LentTo {
  village: number;
  street: number;
  district: number;
}

export interface VillagePlace {
  street: string;
  village_code: string;
  village_name: string;
  /** 建档立卡 households (在册 + 已脱贫): the rows it publishes. */
  households: number;
}

/** A village's rows by level, and how many were moved for diversity or lent to a group. */
export type VillageGeneralisation = VillagePlace &
  LevelCounts & {
    /** Rows generalised further only because their group shared a sensitive value. */
    for_diversity: number;
    /** Rows taken from a group that was fine to complete the village's last group. */
    borrowed: number;
  };

/** Change-reason tallies shown per street / rolled up to the district / withheld. */
export interface ReasonCells {
  street: number;
  district: number;
  withheld: number;
  /** Closed months tallied; of them, months published as an earlier publication did (absent before this rule). */
  periods?: number;
  frozen_periods?: number;
  /** Records dated in an already published month, counted without their category. */
  late_records?: number;
}

/** What privacy shaping did, for staff (published as downloads/privacy-report.json). */
export interface PrivacyReport {
  /** Smallest group of household rows (campaign.json `privacy.k`). */
  k: number;
  /** Columns the household rows are grouped on. */
  quasi_identifiers: string[];
  /** Columns no group may give away by homogeneity. */
  sensitive_columns: string[];
  /** The published income bands. */
  income_bands: string[];
  /** 建档立卡 households published as rows (清退 households are counted, not listed). */
  households: number;
  /** Rows at each level, over all villages. */
  levels: LevelCounts;
  /** Rows generalised further only for diversity (beyond what k alone needed). */
  for_diversity: number;
  /** Rows lent from a group that was fine to complete another group. */
  borrowed: number;
  /** Those rows by the group they completed (absent in reports made before it was kept). */
  borrowed_to?: LentTo;
  /** Villages where any row was generalised, by street and code. */
  villages: VillageGeneralisation[];
  /**
   * Villages whose rows could not be protected within the village (fewer than
   * k households, or all alike in a sensitive value): published under the
   * street or the district. Listed for staff.
   */
  villages_not_by_village: (VillagePlace & { household_detail: HouseholdDetail })[];
  /**
   * Sensitive values blanked because even the district's group shared them
   * (only in very small data sets), by column.
   */
  withheld_values: Record<string, number>;
  /** Figures published as a count only or not at all, by table and reason. */
  aggregates: {
    /** Villages whose persons are not published (fewer than k 建档立卡 households, or for their street). */
    village_persons_withheld: number;
    /**
     * Of those, villages with k or more households withheld only so that their
     * street's persons minus the villages' do not give one to k − 1 households'
     * persons back (absent in reports made before this rule).
     */
    village_persons_withheld_for_street?: number;
    /**
     * street_people: areas (streets, the district remainder) published by
     * 建档状态 only, cells whose persons are withheld, and 建档立卡 households
     * counted only in the district remainder (their villages' rows went to the
     * district). Absent in reports made before this rule.
     */
    street_cells?: { by_status_only: number; persons_withheld: number; district_remainder: number };
    reason_cells: ReasonCells;
  };
  /** What is never published, in words (for the data page). */
  never_published: string[];
  /** What each rule did, in words (for the data page). */
  rules: string[];
}
