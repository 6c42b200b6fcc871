/**
 * The privacy rules' published vocabulary: what k-anonymity is measured on,
 * the household-size bands coarsened rows carry, and the privacy report
 * (downloads/privacy-report.json) the data page explains.
 */

/** Columns of the published household rows k-anonymity is measured on. */
export const QUASI_IDENTIFIERS = [
  'village_code',
  'household_size',
  'household_type',
  'labor_capacity',
];

/** Household size band of the first coarsening step. */
export function householdSizeBand(size: number): string {
  if (size <= 2) return '1–2';
  if (size <= 4) return '3–4';
  return '5+';
}

/** Rows touched by each coarsening step (a row that reached step 3 counts in all three). */
export interface CoarseningCounts {
  /** Household size published as a band (every coarsened row). */
  size_banded: number;
  /** …and household type and labour capacity blanked. */
  type_labor_blanked: number;
  /** …and household size blanked. */
  size_blanked: number;
  /** Rows taken from an anonymous group to bring a village's fully coarsened group up to k. */
  borrowed: number;
}

export interface VillagePlace {
  street: string;
  village_code: string;
  village_name: string;
  households: number;
}

export type VillageCoarsening = VillagePlace & CoarseningCounts;

/** What privacy shaping did, for staff (published as downloads/privacy-report.json). */
export interface PrivacyReport {
  /** Smallest published group of household rows (campaign.json `privacy.k`). */
  k: number;
  /** Columns k-anonymity is measured on. */
  quasi_identifiers: string[];
  /** The published income bands. */
  income_bands: string[];
  households: number;
  /** Rows touched by each coarsening step, over all villages. */
  coarsened: CoarseningCounts;
  /** Villages where any row was coarsened, by street and code. */
  villages: VillageCoarsening[];
  /**
   * Villages with fewer than k households: coarsening cannot protect them.
   * Their rows are published fully coarsened; listed for staff to decide.
   */
  small_villages: VillagePlace[];
  /** What is never published, in words (for the data page). */
  never_published: string[];
}
