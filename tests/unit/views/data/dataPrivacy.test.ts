import { describe, expect, it } from 'vitest';
import { coarseningByStreet, householdSizeBands } from '../../../../src/views/data/dataPrivacy.ts';
import { householdSizeBand, type VillageCoarsening } from '../../../../src/contract/privacyReport.ts';


const village = (
  street: string,
  code: string,
  counts: [number, number, number, number],
): VillageCoarsening => ({
  street,
  village_code: code,
  village_name: `村${code}`,
  households: 50,
  size_banded: counts[0],
  type_labor_blanked: counts[1],
  size_blanked: counts[2],
  borrowed: counts[3],
});

describe('coarseningByStreet', () => {
  const streets = [
    { street: '乙街道', villages: 4 },
    { street: '甲街道', villages: 2 },
  ];
  it('sums each street’s villages, keeping the street order and zero rows', () => {
    const rows = coarseningByStreet(
      [village('甲街道', '1', [5, 2, 1, 0]), village('甲街道', '2', [3, 3, 3, 1])],
      streets,
    );
    expect(rows).toEqual([
      {
        street: '乙街道',
        villages: 4,
        villages_coarsened: 0,
        size_banded: 0,
        type_labor_blanked: 0,
        size_blanked: 0,
        borrowed: 0,
      },
      {
        street: '甲街道',
        villages: 2,
        villages_coarsened: 2,
        size_banded: 8,
        type_labor_blanked: 5,
        size_blanked: 4,
        borrowed: 1,
      },
    ]);
  });
  it('fails on a street the village list does not know', () => {
    expect(() => coarseningByStreet([village('丙街道', '9', [1, 0, 0, 0])], streets)).toThrow(
      /丙街道/,
    );
  });
});

describe('householdSizeBands', () => {
  it('lists the coarsening bands in order, one per distinct band', () => {
    const bands = householdSizeBands();
    expect(bands).toEqual(['1–2', '3–4', '5+']);
    for (let size = 1; size <= 20; size++) expect(bands).toContain(householdSizeBand(size));
  });
});
