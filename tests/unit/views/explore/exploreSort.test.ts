import { describe, expect, it } from 'vitest';
import { sortResultRows } from '../../../../src/views/explore/exploreSort.ts';

const rows = [
  { k: 'a', n: 10, s: '第10组', b: true },
  { k: 'b', n: null, s: null, b: null },
  { k: 'c', n: 2, s: '第2组', b: false },
  { k: 'd', n: 2, s: '阿', b: true },
  { k: 'e', n: -1, s: '第1组', b: false },
];
const keys = (r: readonly { k: string }[]) => r.map((x) => x.k).join('');

describe('sortResultRows', () => {
  it('sorts numbers as numbers, ties in their original order, missing last', () => {
    expect(keys(sortResultRows(rows, 'n', 'ascending'))).toBe('ecdab');
    expect(keys(sortResultRows(rows, 'n', 'descending'))).toBe('acdeb');
  });

  it('sorts text in pinyin order, numbers inside text as numbers', () => {
    // 阿 (ā) before 第 (dì); 第1组 < 第2组 < 第10组.
    expect(keys(sortResultRows(rows, 's', 'ascending'))).toBe('decab');
    expect(keys(sortResultRows(rows, 's', 'descending')).at(-1)).toBe('b');
  });

  it('sorts booleans false before true and leaves the input alone', () => {
    expect(keys(sortResultRows(rows, 'b', 'ascending'))).toBe('ceadb');
    expect(keys(rows)).toBe('abcde');
  });
});
