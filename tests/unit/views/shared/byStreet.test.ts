import { describe, expect, it } from 'vitest';
import {
  groupBy,
  groupByStreet,
  orderByStreet,
  topRows,
} from '../../../../src/views/shared/byStreet.ts';

describe('orderByStreet and groupByStreet', () => {
  const rows = [
    { name: 'c1', street: '丙' },
    { name: 'a1', street: '甲' },
    { name: 'x1', street: '外' },
    { name: 'a2', street: '甲' },
  ];

  it('orders by the given street order, keeping order within a street, unknown streets last', () => {
    expect(orderByStreet(rows, ['甲', '丙']).map((r) => r.name)).toEqual(['a1', 'a2', 'c1', 'x1']);
  });

  it('groups rows under their street in first-seen order', () => {
    const groups = groupByStreet(orderByStreet(rows, ['甲', '丙']));
    expect(groups.map((g) => g.street)).toEqual(['甲', '丙', '外']);
    expect(groups[0]?.rows.map((r) => r.name)).toEqual(['a1', 'a2']);
  });
});

describe('groupByStreet with a street order', () => {
  const villages = [
    { street: '乙街道', code: '2' },
    { street: '甲街道', code: '1' },
    { street: '乙街道', code: '3' },
  ];

  it('keeps the given street order and each street’s villages in input order', () => {
    const groups = groupByStreet(villages, ['甲街道', '乙街道']);
    expect(groups.map((g) => g.street)).toEqual(['甲街道', '乙街道']);
    expect(groups[1]?.rows.map((v) => v.code)).toEqual(['2', '3']);
  });

  it('appends streets missing from the order as they come, and keeps empty ordered streets', () => {
    const groups = groupByStreet(villages, ['丙街道']);
    expect(groups.map((g) => [g.street, g.rows.length])).toEqual([
      ['丙街道', 0],
      ['乙街道', 2],
      ['甲街道', 1],
    ]);
  });
});

describe('topRows', () => {
  it('keeps every row, in order, when within the limit', () => {
    expect(topRows([3, 1, 2], (x) => x, 5)).toEqual([3, 1, 2]);
  });
  it('keeps the largest rows, ties in input order', () => {
    expect(topRows(['a', 'bb', 'cc', 'd'], (x) => x.length, 2)).toEqual(['bb', 'cc']);
  });
});

describe('groupBy', () => {
  it('puts null keys under the empty string', () => {
    const m = groupBy([{ k: 'a' }, { k: null }, { k: 'a' }], (r) => r.k);
    expect(m.get('a')).toHaveLength(2);
    expect(m.get('')).toHaveLength(1);
  });
});
