/** Rows the place-page tests build their inputs from. */
import type { VillageRow } from '../../../../src/queries/places.ts';
import type { VillagePageInput } from '../../../../src/views/places/villagePage.ts';

/** A village of 甲街道 with 10 households of 30 persons, published by village; `extra` overrides. */
export const villageRow = (code: string, extra: Partial<VillageRow> = {}): VillageRow => ({
  street: '甲街道',
  village_code: code,
  village_name: `村${code}`,
  shuangdao_round: null,
  is_poor_village: '否',
  households: 10,
  persons: 30,
  household_detail: '按村公开',
  ...extra,
});

/** The place pages' input with no rows at all. */
export const EMPTY_VILLAGE_INPUT: VillagePageInput = {
  villages: [],
  registration: [],
  exits: [],
  gaps: [],
  measures: [],
  incomes: [],
  changes: [],
  shortcomings: [],
  rectifications: [],
  projects: [],
  coverage: [],
};
