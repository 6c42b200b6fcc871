import { describe, expect, it } from 'vitest';
import {
  compareCells,
  nextSortDir,
  type CellValue,
} from '../../../../src/render/html/tableSort.ts';

const sorted = (cells: CellValue[], dir: 'asc' | 'desc') =>
  [...cells].sort((a, b) => compareCells(a, b, dir)).map((c) => c.text);

describe('compareCells', () => {
  it('orders numeric cells by their raw value, not their formatted text', () => {
    const cells = [
      { v: '1200', text: '1,200' },
      { v: '95', text: '95' },
      { v: '0.5', text: '50%' },
    ];
    expect(sorted(cells, 'asc')).toEqual(['50%', '95', '1,200']);
    expect(sorted(cells, 'desc')).toEqual(['1,200', '95', '50%']);
  });

  it('orders text by Chinese collation with numbers inside text in numeric order', () => {
    expect(sorted([{ text: '第10组' }, { text: '第2组' }], 'asc')).toEqual(['第2组', '第10组']);
  });

  it('keeps missing values last in both directions', () => {
    const cells = [{ text: '—' }, { v: '3', text: '3' }, { v: '7', text: '7' }];
    expect(sorted(cells, 'asc')).toEqual(['3', '7', '—']);
    expect(sorted(cells, 'desc')).toEqual(['7', '3', '—']);
  });
});

describe('nextSortDir', () => {
  it('toggles between ascending and descending, starting ascending', () => {
    expect(nextSortDir(null)).toBe('asc');
    expect(nextSortDir('ascending')).toBe('desc');
    expect(nextSortDir('descending')).toBe('asc');
  });
});
