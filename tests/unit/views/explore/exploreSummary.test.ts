import { describe, expect, it } from 'vitest';
import { resultSummary } from '../../../../src/views/explore/exploreSummary.ts';

const base = { shownLimit: 1000, maxRows: 100_000 };

describe('resultSummary', () => {
  it('gives the row count and the time, and no note when everything is shown', () => {
    expect(resultSummary({ ...base, rows: 3, truncated: false, ms: 48.7 })).toEqual({
      summary: '共 3 行 · 用时 0.05 秒',
      note: '',
    });
  });

  it('says the table shows the first rows only and the CSV has all', () => {
    const { summary, note } = resultSummary({ ...base, rows: 1500, truncated: false, ms: 1234 });
    expect(summary).toBe('共 1,500 行 · 用时 1.23 秒');
    expect(note).toContain('下表显示前 1,000 行');
    expect(note).toContain('CSV 下载也包含全部 1,500 行');
  });

  it('says when the result was cut at the cap', () => {
    const { summary, note } = resultSummary({ ...base, rows: 100_000, truncated: true, ms: 2000 });
    expect(summary).toBe('超过 100,000 行 · 用时 2 秒');
    expect(note).toContain('只取了前 100,000 行');
  });
});
