import { describe, expect, it } from 'vitest';
import { classifyTables } from '../../../../tools/attack/classifyTables.ts';
import { findStreetCells } from '../../../../tools/attack/findStreetCells.ts';
import type { Value } from '../../../../tools/attack/table.ts';
import { A, B, C, VILLAGES, table } from './fixtures.ts';

const aggregates = (tables: Record<string, Record<string, Value>[]>) =>
  classifyTables(Object.entries(tables).map(([name, rows]) => table(name, rows))).aggregates;

/** village_people as published: one row per village, persons null below k. */
const villages = (rows: [string, string, number, number | null][]) =>
  rows.map(([code, street, households, persons]) => ({
    street,
    village_code: code,
    village_name: VILLAGES.find((v) => v.code === code)!.name,
    households,
    persons,
  }));
const cell = (
  street: string | null,
  status: string,
  exit_category: string | null,
  households: number,
  persons: number | null,
) => ({ street, status, exit_category, households, persons });

describe('findStreetCells: street and district cells that give one or two households away', () => {
  it('finds a street cell of one household with a category and persons, not a count by 建档状态', () => {
    const found = findStreetCells(
      aggregates({
        street_people: [
          cell('东洲街道', '在册', '重点帮扶', 1, 4),
          cell('东洲街道', '已脱贫', null, 1, null),
          cell('田墘街道', '在册', '加大帮扶', 9, 30),
        ],
      }),
      VILLAGES,
      2,
    );
    expect(found.map((c) => [c.area, c.households, c.reveals])).toEqual([
      ['东洲街道', 1, ['exit_category', 'persons']],
    ]);
  });

  it('treats a blank street as the district', () => {
    const found = findStreetCells(
      aggregates({ street_people: [cell(null, '已脱贫', '巩固提升', 2, null)] }),
      VILLAGES,
      2,
    );
    expect(found.map((c) => [c.area, c.reveals])).toEqual([['全区', ['exit_category']]]);
  });

  it("subtracts the villages' published persons from their street's: two households' persons are left", () => {
    const found = findStreetCells(
      aggregates({
        street_people: [
          cell('田墘街道', '在册', null, 10, 33),
          cell('田墘街道', '已脱贫', null, 4, 12),
          cell('田墘街道', '清退', null, 3, null),
        ],
        village_people: villages([
          [A, '田墘街道', 12, 38],
          [B, '田墘街道', 2, null],
        ]),
      }),
      VILLAGES,
      2,
    );
    // The 清退 cell is left out so that the street counts the villages' 14 households.
    expect(found.map((c) => [c.area, c.households, c.difference])).toEqual([
      [
        '全区',
        2,
        'street_people 45 人 − village_people 各村公开的 38 人 = 村 991502001002 的 7 人',
      ],
      [
        '田墘街道',
        2,
        'street_people 45 人 − village_people 各村公开的 38 人 = 村 991502001002 的 7 人',
      ],
    ]);
  });

  it('leaves a street whose withheld villages hold three or more households, or whose persons are withheld', () => {
    const found = findStreetCells(
      aggregates({
        street_people: [
          cell('田墘街道', '在册', null, 15, 45),
          cell('东洲街道', '在册', null, 2, null),
        ],
        village_people: villages([
          [A, '田墘街道', 12, null],
          [B, '田墘街道', 3, null],
          [C, '东洲街道', 2, null],
        ]),
      }),
      VILLAGES,
      2,
    );
    expect(found).toEqual([]);
  });

  it('compares a street without the one village whose households are counted in the district', () => {
    const D = '991502001003';
    const withD = [...VILLAGES, { code: D, name: '丁村', street: '田墘街道' }];
    const rows = [
      ...villages([
        [A, '田墘街道', 10, 30],
        [B, '田墘街道', 3, 9],
        [C, '东洲街道', 2, null],
      ]),
      { street: '田墘街道', village_code: D, village_name: '丁村', households: 2, persons: null },
    ];
    const found = findStreetCells(
      aggregates({
        // 乙村 and 丙村 went to the district: 田墘街道 counts 甲村 and 丁村 only.
        street_people: [cell('田墘街道', '在册', null, 12, 37), cell(null, '在册', null, 5, null)],
        village_people: rows,
      }),
      withD,
      2,
    );
    // 3 missing households can only be 乙村: 37 − 30 leaves 丁村's two households.
    expect(found.map((c) => [c.area, c.households, c.difference])).toEqual([
      [
        '田墘街道',
        2,
        'street_people 37 人 − village_people 各村公开的 30 人 = 村 991502001003 的 7 人',
      ],
    ]);
  });
});
