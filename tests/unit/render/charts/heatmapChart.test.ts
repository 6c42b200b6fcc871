import { describe, expect, it } from 'vitest';
import { heatmapChart, type HeatmapCell } from '../../../../src/render/charts/heatmapChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE, texts } from './chartAssertions.ts';

const rows = ['新湖村', '长沙村'];
const columns = ['基础设施', '公共服务设施', '产业发展', '基层党建'];
const cells: HeatmapCell[] = [
  { row: '新湖村', column: '基础设施', value: '是' },
  { row: '新湖村', column: '公共服务设施', value: '否' },
  { row: '新湖村', column: '产业发展', value: '是' },
  { row: '新湖村', column: '基层党建', value: '是' },
  { row: '长沙村', column: '基础设施', value: '否' },
  { row: '长沙村', column: '公共服务设施', value: '是' },
  { row: '长沙村', column: '产业发展', value: '是' },
  // 长沙村 · 基层党建 missing
];
const title = '双到村四项达标情况';
const cellGroups = (svg: string) => elements(svg, 'g', 'class="cell"');

describe('heatmapChart', () => {
  it('matches the snapshot for a small input', async () => {
    const svg = heatmapChart(cells, { rows, columns, title, id: 'snap', width: 360 });
    expectValidChart(svg, title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/heatmapChart.svg');
  });

  it('prints each value inside its cell, row by row, and — for a missing cell', () => {
    const svg = heatmapChart(cells, { rows, columns, title });
    const g = cellGroups(svg);
    expect(g.map((c) => `${c['data-row']}/${c['data-column']}`)).toEqual(
      rows.flatMap((r) => columns.map((c) => `${r}/${c}`)),
    );
    const t = texts(svg).filter((s) => ['是', '否', '—'].includes(s));
    // Legend first (是, 否), then the eight cells.
    expect(t).toEqual(['是', '否', '是', '否', '是', '是', '否', '是', '是', '—']);
    expect(svg).toContain('<title>长沙村 · 基层党建：无数据</title>');
  });

  it('colours 是 and 否 differently, with readable text on each', () => {
    const rects = elements(heatmapChart(cells, { rows, columns, title }), 'rect').filter((r) =>
      r.stroke?.includes('grid'),
    );
    expect(rects[0]!.fill).toBe('var(--c-yes, #0072B2)');
    expect(rects[1]!.fill).toBe('var(--c-no, #E69F00)');
    expect(rects[7]!.fill).toBe('none');
  });

  it('draws given colours with readable text: a CSS variable brings its own text variable', () => {
    const svg = heatmapChart(cells, {
      rows,
      columns,
      title,
      colors: { 是: 'var(--c-doing, #9ecae9)', 否: '#a4262c' },
    });
    const cell = (i: number) => cellGroups(svg)[i]!;
    expect(cell(0)['data-value']).toBe('是');
    expect(svg).toContain('fill="var(--c-doing, #9ecae9)" stroke');
    expect(svg).toMatch(/fill="var\(--c-doing-text, #1a1a1a\)">是<\/text>/);
    expect(svg).toMatch(/fill="#ffffff">否<\/text>/);
  });

  it('shades counts light to dark and counts the summary', () => {
    const counts: HeatmapCell[] = [
      { row: '甲', column: 'x', value: 0 },
      { row: '甲', column: 'y', value: 10 },
      { row: '乙', column: 'x', value: 5 },
      { row: '乙', column: 'y', value: 1234 },
    ];
    const svg = heatmapChart(counts, { rows: ['甲', '乙'], columns: ['x', 'y'], title });
    const fills = elements(svg, 'rect')
      .filter((r) => r.stroke?.includes('grid'))
      .map((r) => r.fill);
    expect(fills[0]).toContain('c-empty');
    expect(fills[3]).toContain('--s5');
    expect(texts(svg)).toContain('1,234');
    expect(svg).toContain('2 行 × 2 列，合计 1,249，最大为乙 · y（1,234）。');
  });

  it('wraps long column headers to fit narrow columns', () => {
    const svg = heatmapChart(cells, { rows, columns, title, width: 360 });
    const headers = [...svg.matchAll(/<text class="column"[^>]*>(.*?)<\/text>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]),
    );
    const lines = headers.find((h) => h.join('') === '公共服务设施') ?? [];
    expect(lines.length).toBeGreaterThan(1);
    // A short header stays on one line.
    expect(headers.find((h) => h.join('') === '基础设施')).toHaveLength(1);
  });

  it('carries row filter attributes and optional links', () => {
    const svg = heatmapChart(cells, {
      rows,
      columns,
      title,
      filterKey: 'village',
      href: (c) => `/village/${c.row}/`,
    });
    expect(cellGroups(svg)[0]!['data-filter-key']).toBe('village');
    expect(cellGroups(svg)[0]!['data-filter-value']).toBe('新湖村');
    expect(elements(svg, 'a')).toHaveLength(7); // no link for the missing cell
  });

  it('summarises category counts', () => {
    expect(heatmapChart(cells, { rows, columns, title })).toContain(
      '2 行 × 4 列，“是” 5 格，“否” 2 格。',
    );
  });

  it('escapes hostile row, column and cell text', () => {
    const svg = heatmapChart([{ row: HOSTILE, column: HOSTILE, value: HOSTILE }], {
      rows: [HOSTILE],
      columns: [HOSTILE],
      title,
    });
    expectValidChart(svg, title);
    expectEscaped(svg);
  });

  it('renders an empty state without rows or columns', () => {
    for (const svg of [
      heatmapChart([], { rows: [], columns, title }),
      heatmapChart([], { rows, columns: [], title }),
    ]) {
      expectValidChart(svg, title);
      expect(svg).toContain('暂无数据');
    }
  });
});
