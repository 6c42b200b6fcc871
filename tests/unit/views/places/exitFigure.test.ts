import { describe, expect, it } from 'vitest';
import { exitFigure } from '../../../../src/views/places/exitFigure.ts';

const exits = [
  { category: '巩固提升', households: 24, share: 0.6 },
  { category: '加大帮扶', households: 12, share: 0.3 },
  { category: '重点帮扶', households: 4, share: 0.1 },
];
const href = (c: string) => `/exit/?exit_category=${c}`;

describe('exitFigure', () => {
  it('draws a bar per category, each a link to the exit page for its category', () => {
    const f = exitFigure('village-exit-chart', exits, { href, chartId: 'village-exit-chart' });
    expect(f.title).toBe('各脱贫成效分类户数');
    expect(f.takeaway).toBe('40 户中，巩固提升最多（60%）；需重点帮扶 4 户。');
    expect(f.svg).toContain('id="village-exit-chart"');
    expect(f.svg).toContain('href="/exit/?exit_category=重点帮扶"');
    expect(f.columns.map((c) => c.key)).toEqual(['category', 'households', 'share']);
    expect(f.rows).toBe(exits);
  });

  it('says `empty` only when no household is counted, and takes a given takeaway', () => {
    const none = exits.map((e) => ({ ...e, households: 0, share: 0 }));
    expect(exitFigure('x', none, { href, empty: '见上面的说明。' }).takeaway).toBe(
      '见上面的说明。',
    );
    expect(exitFigure('x', exits, { href, empty: '见上面的说明。' }).takeaway).toContain('40 户中');
    expect(exitFigure('x', exits, { href, takeaway: '另说。' }).takeaway).toBe('另说。');
  });

  it("names its chart after its title when asked for the chart's own id", () => {
    const f = exitFigure('overview-exit', exits, { href, chartId: null });
    expect(f.svg).toMatch(/^<svg [^>]*id="chart-bar-[0-9a-z]+"/);
  });
});
