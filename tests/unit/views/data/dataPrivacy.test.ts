import { describe, expect, it } from 'vitest';
import {
  generalisationByStreet,
  householdSizeBands,
} from '../../../../src/views/data/dataPrivacy.ts';
import {
  householdSizeBand,
  type VillageGeneralisation,
} from '../../../../src/contract/privacyReport.ts';

const village = (
  street: string,
  code: string,
  [type_labor_blanked, size_blanked, street_only, for_diversity]: [number, number, number, number],
): VillageGeneralisation => ({
  street,
  village_code: code,
  village_name: `村${code}`,
  households: 50,
  exact: 50 - type_labor_blanked - size_blanked - street_only,
  type_labor_blanked,
  size_blanked,
  street_only,
  district_only: 0,
  for_diversity,
  borrowed: code.endsWith('2') ? 1 : 0,
});

describe('generalisationByStreet', () => {
  const streets = [
    { street: '乙街道', villages: 4 },
    { street: '甲街道', villages: 2 },
  ];
  it('sums each street’s villages, keeping the street order and zero rows', () => {
    const rows = generalisationByStreet(
      [village('甲街道', '1', [5, 2, 1, 0]), village('甲街道', '2', [3, 3, 0, 1])],
      streets,
    );
    expect(rows).toEqual([
      {
        street: '乙街道',
        villages: 4,
        villages_generalised: 0,
        type_labor_blanked: 0,
        size_blanked: 0,
        street_only: 0,
        district_only: 0,
        for_diversity: 0,
        borrowed: 0,
      },
      {
        street: '甲街道',
        villages: 2,
        villages_generalised: 2,
        type_labor_blanked: 8,
        size_blanked: 5,
        street_only: 1,
        district_only: 0,
        for_diversity: 1,
        borrowed: 1, // village 2 lent a row
      },
    ]);
  });
  it('fails on a street the village list does not know', () => {
    expect(() => generalisationByStreet([village('丙街道', '9', [1, 0, 0, 0])], streets)).toThrow(
      /丙街道/,
    );
  });
});

describe('householdSizeBands', () => {
  it('lists the published size bands in order, one per distinct band', () => {
    const bands = householdSizeBands();
    expect(bands).toEqual(['1–2', '3–4', '5+']);
    for (let size = 1; size <= 20; size++) expect(bands).toContain(householdSizeBand(size));
  });
});
