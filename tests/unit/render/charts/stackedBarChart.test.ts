import { describe, expect, it } from 'vitest';
import { stackedBarChart } from '../../../../src/render/charts/stackedBarChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE, texts } from './chartAssertions.ts';

const rows = [
  { street: '田墘街道', done: 300, doing: 80, todo: 20 },
  { street: '东洲街道', done: 100, doing: 100, todo: 0 },
];
const series = [
  { key: 'done', name: '已完成' },
  { key: 'doing', name: '整改中' },
  { key: 'todo', name: '未启动' },
];
const base = { label: 'street', series, title: '整改状态' } as const;
const segments = (svg: string) => elements(svg, 'rect', 'class="segment"');

describe('stackedBarChart', () => {
  it('matches the snapshot for a small input', async () => {
    const svg = stackedBarChart(rows, { ...base, id: 'snap', width: 360 });
    expectValidChart(svg, base.title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/stackedBarChart.svg');
  });

  it('stacks segments in series order, each starting where the previous ended', () => {
    const s = segments(stackedBarChart(rows, base));
    // Row 1 has three parts, row 2 two (a zero part draws nothing).
    expect(s.map((r) => r['data-series'])).toEqual(['done', 'doing', 'todo', 'done', 'doing']);
    expect(Number(s[0]!.x) + Number(s[0]!.width)).toBeCloseTo(Number(s[1]!.x), 1);
    expect(Number(s[0]!.width) / Number(s[1]!.width)).toBeCloseTo(300 / 80, 1);
    // Both rows share one scale: 400 vs 200 in total.
    const total = (a: number, b: number) => s.slice(a, b).reduce((t, r) => t + Number(r.width), 0);
    expect(total(0, 3) / total(3, 5)).toBeCloseTo(2, 1);
  });

  it('normalises to 100% bars of equal length and labels shares', () => {
    const svg = stackedBarChart(rows, { ...base, normalize: true });
    const s = segments(svg);
    const row1 = s.slice(0, 3).reduce((t, r) => t + Number(r.width), 0);
    const row2 = s.slice(3).reduce((t, r) => t + Number(r.width), 0);
    expect(row1).toBeCloseTo(row2, 0);
    expect(texts(svg)).toContain('75%'); // 300 / 400
    expect(texts(svg)).toContain('50%'); // 100 / 200
    // Totals still print at the end.
    expect(texts(svg)).toContain('400');
  });

  it('has a legend naming every series and a summary with series totals', () => {
    const svg = stackedBarChart(rows, base);
    for (const s of series) expect(texts(svg)).toContain(s.name);
    expect(svg).toContain('合计 600：已完成 400（66.7%），整改中 180（30%），未启动 20（3.3%）');
  });

  it('uses a light-to-dark sequential scheme for ordered series', () => {
    const fills = segments(stackedBarChart(rows, { ...base, colors: 'sequential' }))
      .slice(0, 3)
      .map((r) => r.fill);
    expect(fills).toEqual(['var(--s1, #d9e8f5)', 'var(--s3, #5ba3cf)', 'var(--s5, #083d7e)']);
  });

  it('escapes hostile labels and series names', () => {
    const svg = stackedBarChart([{ street: HOSTILE, done: 1, doing: 2, todo: 3 }], {
      ...base,
      series: [{ key: 'done', name: HOSTILE }, ...series.slice(1)],
    });
    expectValidChart(svg, base.title);
    expectEscaped(svg);
  });

  it('renders an empty state for no rows or no series', () => {
    for (const svg of [stackedBarChart([], base), stackedBarChart(rows, { ...base, series: [] })]) {
      expectValidChart(svg, base.title);
      expect(svg).toContain('暂无数据');
    }
  });

  it('treats missing, negative and non-numeric parts as zero', () => {
    const svg = stackedBarChart([{ street: '甲', done: Number.NaN, doing: -4, todo: 'x' }], base);
    expectValidChart(svg, base.title);
    expect(segments(svg)).toHaveLength(0);
  });
});
