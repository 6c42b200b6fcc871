import { describe, expect, it } from 'vitest';
import { classifyTables } from '../../../../tools/attack/classifyTables.ts';
import { findSmallCells } from '../../../../tools/attack/findSmallCells.ts';
import type { Value } from '../../../../tools/attack/table.ts';
import { A, table } from './fixtures.ts';

const aggregate = (rows: Record<string, Value>[]) =>
  classifyTables([table('cells', rows)]).aggregates[0]!;
const place = { street: '田墘街道', village_code: A, village_name: '甲村' };

describe('findSmallCells: one or two households and more than a count', () => {
  it('reports village cells of 1 or 2 households that carry persons or a status', () => {
    const agg = aggregate([
      { ...place, status: '清退', exit_category: null, households: 1, persons: 4 },
      { ...place, status: '在册', exit_category: '重点帮扶', households: 2, persons: 5 },
      { ...place, status: '已脱贫', exit_category: '巩固提升', households: 3, persons: 9 },
    ]);
    expect(findSmallCells(agg, 2).map((c) => [c.households, c.reveals])).toEqual([
      [1, ['status', 'persons']],
      [2, ['status', 'exit_category', 'persons']],
    ]);
  });

  it('leaves a cell that only counts households by what the neighbour knows', () => {
    const agg = aggregate([{ ...place, household_size: '4', households: 1 }]);
    expect(findSmallCells(agg, 2)).toEqual([]);
  });

  it('leaves street-level cells alone', () => {
    const agg = aggregate([
      { street: '田墘街道', village_code: null, status: '清退', households: 1, persons: 4 },
    ]);
    expect(findSmallCells(agg, 2)).toEqual([]);
  });

  it('finds change cells below k that carry a reason or persons', () => {
    const agg = aggregate([
      { ...place, change_type: '清退', month: '2018-06', households: 1, reason: '购买商品房' },
      { ...place, change_type: '清退', month: '2018-07', households: 1 },
    ]);
    expect(agg.changes).toBe(true);
    expect(findSmallCells(agg, 2).map((c) => c.reveals)).toEqual([['reason']]);
  });
});
