import { describe, expect, it } from 'vitest';
import { classifyTables } from '../../../../tools/attack/classifyTables.ts';
import { readHouseholdRows } from '../../../../tools/attack/householdRows.ts';
import { propagateSum, refineSizes } from '../../../../tools/attack/refineSizes.ts';
import type { Value } from '../../../../tools/attack/table.ts';
import { VILLAGES, household, publishedRow, table, villagePeople } from './fixtures.ts';

function refine(rows: Record<string, Value>[], cells: Record<string, Value>[]) {
  const tables = [table('households', rows), table('village_people', cells)];
  const hh = readHouseholdRows(tables[0]!, VILLAGES);
  const result = refineSizes(hh, classifyTables(tables).aggregates);
  return { ranges: [...hh.lo].map((lo, i) => [lo, hh.hi[i]]), ...result };
}

describe('propagateSum: ranges that must add up to a cell’s persons', () => {
  it('gives one banded row among exact ones its size back', () => {
    const rows = { lo: Int32Array.of(3, 4, 1), hi: Int32Array.of(3, 4, 2) };
    expect(propagateSum(rows, [0, 1, 2], 9)).toEqual([2]);
    expect([rows.lo[2], rows.hi[2]]).toEqual([2, 2]);
  });

  it('pins two "5+" rows that sum to 10 at 5 each', () => {
    const rows = { lo: Int32Array.of(5, 5), hi: Int32Array.of(20, 20) };
    propagateSum(rows, [0, 1], 10);
    expect([...rows.lo, ...rows.hi]).toEqual([5, 5, 5, 5]);
  });

  it('returns null when no sizes in the ranges reach the sum', () => {
    expect(propagateSum({ lo: Int32Array.of(1), hi: Int32Array.of(2) }, [0], 7)).toBeNull();
  });
});

describe('refineSizes: village_people against the household rows', () => {
  const a = household({ id: 'A', size: 3, status: '已脱贫' });
  const b = household({ id: 'B', size: 4, status: '已脱贫' });
  const c = household({ id: 'C', size: 2, status: '已脱贫' });

  it('narrows the rows of a cell whose rows are exactly its households', () => {
    const rows = [publishedRow(a), publishedRow(b), publishedRow(c, { household_size: '1–2' })];
    const r = refine(rows, villagePeople([a, b, c]));
    expect(r.ranges[2]).toEqual([2, 2]);
    expect([...r.narrowed]).toEqual([2]);
  });

  it('skips a cell when a row with a blank grouping value could also belong to it', () => {
    const rows = [
      publishedRow(a),
      publishedRow(b, { exit_category: null }),
      publishedRow(c, { household_size: '1–2' }),
    ];
    expect(refine(rows, villagePeople([a, b, c])).ranges[2]).toEqual([1, 2]);
  });

  it('skips a village whose cells do not add up to its household rows', () => {
    const rows = [publishedRow(a), publishedRow(c, { household_size: '1–2' })];
    expect(refine(rows, villagePeople([a, b, c])).ranges[1]).toEqual([1, 2]);
  });

  it('reports a cell no sizes can meet', () => {
    const rows = [publishedRow(a), publishedRow(b), publishedRow(c, { household_size: '1–2' })];
    const cells = villagePeople([a, b, c]).map((cell) => ({ ...cell, persons: 20 }));
    expect(refine(rows, cells).impossible).toHaveLength(1);
  });
});
