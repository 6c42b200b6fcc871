import { describe, expect, it } from 'vitest';
import { columnFormat, resultColumns } from '../../../../src/views/explore/exploreColumns.ts';

describe('resultColumns', () => {
  it('keys columns c0, c1, … in order and keeps the names DuckDB gives them', () => {
    const cols = resultColumns([
      { column_name: '__proto__', column_type: 'INTEGER' },
      { column_name: '1', column_type: 'VARCHAR' },
    ]);
    expect(cols).toEqual([
      { key: 'c0', label: '__proto__', type: 'INTEGER', format: 'number' },
      { key: 'c1', label: '1', type: 'VARCHAR', format: 'text' },
    ]);
  });
});

describe('columnFormat', () => {
  it('shows numbers as numbers, dates as dates, years and everything else as text', () => {
    expect(columnFormat('n', 'BIGINT')).toBe('number');
    expect(columnFormat('x', 'DECIMAL(18,3)')).toBe('number');
    expect(columnFormat('x', 'DOUBLE')).toBe('number');
    expect(columnFormat('x', 'UHUGEINT')).toBe('number');
    expect(columnFormat('enrolled_year', 'INTEGER')).toBe('text');
    expect(columnFormat('纳入年份', 'INTEGER')).toBe('text');
    expect(columnFormat('d', 'DATE')).toBe('date');
    expect(columnFormat('d', 'TIMESTAMP WITH TIME ZONE')).toBe('date');
    expect(columnFormat('l', 'INTEGER[]')).toBe('text');
    expect(columnFormat('b', 'BOOLEAN')).toBe('text');
  });
});
