import { describe, expect, it } from 'vitest';
import { streetPeople } from '../../../../src/build/publish/streetPeople.ts';
import { villagePeople, withholdDifferences } from '../../../../src/build/publish/villagePeople.ts';
import type { Household } from '../../../../src/contract/input/households.ts';
import type { Village } from '../../../../src/contract/input/villages.ts';

const village = (code: string, street: string): Village => ({
  village_code: code,
  village_name: `村${code.slice(-2)}`,
  street,
  shuangdao_round: null,
  is_poor_village: '否',
});
const VILLAGES = [
  village('441502100001', '田墘街道'),
  village('441502100002', '田墘街道'),
  village('441502200001', '东洲街道'),
];
const villageOf = (code: string) => VILLAGES.find((v) => v.village_code === code)!;
const byStreet = (v: Village) => v.street;

let next = 0;
/** `n` households of one village, status and category, each of `size` persons. */
function households(
  n: number,
  code: string,
  status: Household['status'],
  exit_category: Household['exit_category'],
  size = 3,
): Household[] {
  return Array.from({ length: n }, () => ({
    household_id: `HH-${++next}`,
    village_code: code,
    household_size: size,
    household_type: '一般贫困户',
    labor_capacity: '有劳动能力',
    status,
    enrolled_year: 2016,
    income_per_capita: 5000,
    exit_category: status === '清退' ? null : exit_category,
    education_secured: '是',
    medical_secured: '是',
    housing_secured: '是',
    measures: [],
  }));
}
const [V1, V2, V3] = VILLAGES.map((v) => v.village_code) as [string, string, string];
const show = (rows: ReturnType<typeof streetPeople>['rows']) =>
  rows.map((r) => `${r.street}|${r.status}|${r.exit_category}|${r.households}|${r.persons}`).sort();

describe('streetPeople', () => {
  it('publishes a street by category, exactly, when every cell has k households and each status two categories', () => {
    const hs = [
      ...households(3, V1, '在册', '加大帮扶'),
      ...households(3, V2, '在册', '重点帮扶', 4),
      ...households(4, V1, '已脱贫', '巩固提升'),
      ...households(3, V2, '已脱贫', '加大帮扶'),
      ...households(3, V1, '清退', null, 5),
    ];
    const { rows, cells } = streetPeople(hs, villageOf, byStreet, 3);
    expect(show(rows)).toEqual(
      [
        '田墘街道|在册|加大帮扶|3|9',
        '田墘街道|在册|重点帮扶|3|12',
        '田墘街道|已脱贫|巩固提升|4|12',
        '田墘街道|已脱贫|加大帮扶|3|9',
        '田墘街道|清退|null|3|15',
      ].sort(),
    );
    expect(cells).toEqual({ by_status_only: 0, persons_withheld: 0, district_remainder: 0 });
  });

  it('falls back to 建档状态 only for the whole street when one cell is small, and keeps persons when both statuses have k', () => {
    const hs = [
      ...households(5, V1, '在册', '加大帮扶'),
      ...households(1, V1, '在册', '重点帮扶', 4),
      ...households(3, V1, '已脱贫', '巩固提升'),
      ...households(3, V2, '已脱贫', '加大帮扶'),
    ];
    const { rows, cells } = streetPeople(hs, villageOf, byStreet, 3);
    // The 已脱贫 cells were fine, but beside the household rows' category totals they
    // would give the 在册 breakdown (and its one 重点帮扶 household) back.
    expect(show(rows)).toEqual(['田墘街道|在册|null|6|19', '田墘街道|已脱贫|null|6|18']);
    expect(cells.by_status_only).toBe(1);
  });

  it('falls back when a status has a single category: a household known to have exited would have it told', () => {
    const hs = [
      ...households(3, V1, '在册', '加大帮扶'),
      ...households(3, V1, '在册', '重点帮扶'),
      ...households(4, V2, '已脱贫', '巩固提升'),
    ];
    expect(show(streetPeople(hs, villageOf, byStreet, 3).rows)).toEqual([
      '田墘街道|在册|null|6|18',
      '田墘街道|已脱贫|null|4|12',
    ]);
  });

  it('withholds the persons of both statuses when one has fewer than k households, and of a small 清退 cell', () => {
    const hs = [
      ...households(6, V1, '在册', '加大帮扶'),
      ...households(2, V1, '已脱贫', '巩固提升', 6),
      ...households(1, V2, '清退', null, 5),
    ];
    const { rows, cells } = streetPeople(hs, villageOf, byStreet, 3);
    expect(show(rows)).toEqual([
      '田墘街道|在册|null|6|null',
      '田墘街道|已脱贫|null|2|null',
      '田墘街道|清退|null|1|null',
    ]);
    expect(cells.persons_withheld).toBe(3);
  });

  it('counts a village whose rows went to the district in the district remainder (street blank)', () => {
    const hs = [
      ...households(3, V1, '在册', '加大帮扶'),
      ...households(3, V1, '在册', '重点帮扶'),
      ...households(3, V1, '已脱贫', '巩固提升'),
      ...households(3, V1, '已脱贫', '加大帮扶'),
      ...households(1, V3, '在册', '重点帮扶', 4),
      ...households(1, V3, '已脱贫', '巩固提升', 6),
    ];
    const { rows, cells } = streetPeople(
      hs,
      villageOf,
      (v) => (v === villageOf(V3) ? null : v.street),
      3,
    );
    expect(show(rows).filter((r) => r.startsWith('null'))).toEqual([
      'null|在册|null|1|null',
      'null|已脱贫|null|1|null',
    ]);
    expect(show(rows).some((r) => r.startsWith('东洲街道'))).toBe(false);
    expect(cells.district_remainder).toBe(2);
  });

  it('publishes everything exactly with k = 1', () => {
    const hs = [
      ...households(1, V1, '在册', '加大帮扶'),
      ...households(1, V1, '已脱贫', '巩固提升'),
    ];
    expect(show(streetPeople(hs, villageOf, byStreet, 1).rows)).toEqual([
      '田墘街道|在册|加大帮扶|1|3',
      '田墘街道|已脱贫|巩固提升|1|3',
    ]);
  });
});

describe('withholdDifferences', () => {
  it('withholds the smallest village still showing persons until the withheld ones hold k households', () => {
    const hs = [
      ...households(2, V1, '在册', '加大帮扶'),
      ...households(5, V2, '在册', '加大帮扶'),
      ...households(9, V3, '在册', '加大帮扶'),
    ];
    const people = villagePeople(hs, VILLAGES, 3);
    expect(people.map((p) => p.persons)).toEqual([null, 15, 27]);
    // 田墘街道 publishes its persons: 21 − 15 would be 村01's two households.
    const n = withholdDifferences(people, (p) => p.street, new Set(['田墘街道', '东洲街道']), 3);
    expect(n).toBe(1);
    expect(people.map((p) => p.persons)).toEqual([null, null, 27]);
  });

  it('leaves a street alone when it publishes no persons, or when the withheld villages hold k or more', () => {
    const hs = [...households(2, V1, '在册', '加大帮扶'), ...households(5, V2, '在册', '加大帮扶')];
    const people = villagePeople(hs, VILLAGES, 3);
    expect(withholdDifferences(people, (p) => p.street, new Set(['东洲街道']), 3)).toBe(0);
    // (A village without households has no persons to show either.)
    expect(people.map((p) => p.persons)).toEqual([null, 15, null]);

    const small = [
      ...households(2, V1, '在册', '加大帮扶'),
      ...households(1, V2, '在册', '加大帮扶'),
    ];
    const few = villagePeople(small, VILLAGES, 3);
    expect(withholdDifferences(few, (p) => p.street, new Set(['田墘街道']), 3)).toBe(0);
  });
});
