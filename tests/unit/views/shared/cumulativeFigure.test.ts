import { describe, expect, it } from 'vitest';
import { cumulativeFigure } from '../../../../src/views/shared/cumulativeFigure.ts';

describe('cumulativeFigure', () => {
  const points = [
    { date: '2018-05-01', found: 3, done: 1 },
    { date: '2018-06-01', found: 5, done: 4 },
  ];
  const f = cumulativeFigure('rect-progress', {
    title: '累计发现与累计完成的问题',
    takeaway: '完成 4 项。',
    dateLabel: '日期',
    series: { found: '累计发现', done: '累计完成' },
    points,
  });

  it('draws a line per series, in the order given, named as the series say', () => {
    expect(f.svg).toContain('id="rect-progress-svg"');
    expect(f.svg.indexOf('累计发现')).toBeLessThan(f.svg.indexOf('累计完成'));
  });

  it('tabulates the date, then each count', () => {
    expect(f.columns).toEqual([
      { key: 'date', label: '日期', format: 'date' },
      { key: 'found', label: '累计发现', format: 'number' },
      { key: 'done', label: '累计完成', format: 'number' },
    ]);
    expect(f.rows).toEqual(points);
  });
});
