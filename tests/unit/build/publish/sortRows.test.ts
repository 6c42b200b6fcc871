import { describe, expect, it } from 'vitest';
import { compareValues, sortRows } from '../../../../src/build/publish/sortRows.ts';
import type { PublishedTable } from '../../../../src/contract/published.ts';

const table: PublishedTable = {
  name: 't',
  title: 't',
  description: '',
  sortBy: ['street', 'n'],
  download: true,
  columns: [
    { name: 'street', label: '街道', type: 'string', description: '' },
    { name: 'n', label: 'n', type: 'integer', description: '' },
    { name: 'tags', label: 'tags', type: 'list', description: '' },
    { name: 'note', label: 'note', type: 'string', description: '' },
  ],
};

describe('sortRows', () => {
  it('sorts by sortBy, numbers as numbers, nulls last, then by the other columns', () => {
    const rows = [
      { street: 'b', n: 10, tags: [], note: null },
      { street: 'b', n: 9, tags: ['x'], note: 'z' },
      { street: null, n: 1, tags: [], note: null },
      { street: 'a', n: 2, tags: ['x', 'y'], note: null },
      { street: 'a', n: 2, tags: ['x'], note: 'q' },
      { street: 'a', n: 2, tags: ['x'], note: 'p' },
    ];
    expect(sortRows([...rows], table)).toEqual([
      { street: 'a', n: 2, tags: ['x'], note: 'p' },
      { street: 'a', n: 2, tags: ['x'], note: 'q' },
      { street: 'a', n: 2, tags: ['x', 'y'], note: null },
      { street: 'b', n: 9, tags: ['x'], note: 'z' },
      { street: 'b', n: 10, tags: [], note: null },
      { street: null, n: 1, tags: [], note: null },
    ]);
  });

  it('gives one order for any input order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      street: `s${i % 7}`,
      n: i % 5,
      tags: [`t${i % 3}`],
      note: `${i}`,
    }));
    const a = sortRows([...rows], table);
    const b = sortRows([...rows].reverse(), table);
    expect(b).toEqual(a);
    for (let i = 1; i < a.length; i++) {
      const order = ['street', 'n', 'tags', 'note'].map((k) =>
        compareValues(a[i - 1]?.[k as 'n'], a[i]?.[k as 'n']),
      );
      expect(order.find((c) => c !== 0)).toBeLessThan(0);
    }
  });

  it('rejects a sortBy naming an unknown column', () => {
    expect(() => sortRows([{}, {}], { ...table, sortBy: ['nope'] })).toThrow(/nope/);
  });
});
