import { describe, expect, it } from 'vitest';
import { barChart } from '../../../../src/render/charts/barChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE, texts } from './chartAssertions.ts';

const rows = [
  { street: '田墘街道', n: 400 },
  { street: '东洲街道', n: 200 },
  { street: '遮浪街道', n: 1234 },
];
const base = { label: 'street', value: 'n', title: '各街道户数' } as const;

/** The visible bars: rects with a real fill (not the transparent row hit areas). */
const bars = (svg: string) => elements(svg, 'rect').filter((r) => r.fill !== 'transparent');

describe('barChart', () => {
  it('matches the snapshot for a small input', async () => {
    const svg = barChart(rows, { ...base, id: 'snap', width: 360 });
    expectValidChart(svg, base.title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/barChart.svg');
  });

  it('draws bar lengths proportional to the values, from one baseline', () => {
    const [a, b, c] = bars(barChart(rows, base));
    expect(Number(a!.width) / Number(b!.width)).toBeCloseTo(2, 1);
    expect(Number(c!.width) / Number(b!.width)).toBeCloseTo(6.17, 1);
    expect(new Set([a!.x, b!.x, c!.x]).size).toBe(1);
  });

  it('prints labels and zh-CN formatted values', () => {
    const t = texts(barChart(rows, base));
    expect(t).toEqual(['田墘街道', '400', '东洲街道', '200', '遮浪街道', '1,234']);
  });

  it('summarises the numbers in <desc>', () => {
    const svg = barChart(rows, base);
    expect(svg).toContain('共 3 项，最高为遮浪街道（1,234），最低为东洲街道（200）');
    expect(barChart(rows, { ...base, description: '自定义说明' })).toContain('>自定义说明</desc>');
  });

  it('lays out at the given width with the font size in viewBox units', () => {
    const svg = barChart(rows, { ...base, width: 360 });
    expect(svg).toMatch(/viewBox="0 0 360 /);
    expect(svg).toContain('font-size="14"');
    for (const r of bars(svg)) expect(Number(r.x) + Number(r.width)).toBeLessThanOrEqual(360);
  });

  it('escapes hostile labels everywhere they appear', () => {
    const svg = barChart([{ street: HOSTILE, n: 1 }], {
      ...base,
      filterKey: 'street',
      href: (r) => `/s/${r.street}/`,
    });
    expectValidChart(svg, base.title);
    expectEscaped(svg);
  });

  it('escapes a hostile title', () => {
    const svg = barChart(rows, { ...base, title: HOSTILE });
    expectValidChart(svg, HOSTILE);
    expectEscaped(svg);
  });

  it('truncates a label longer than 40% of the width, keeping it whole in the tooltip', () => {
    const long = '某某某某某某某某某某某某某某某某某某某某某某某某村';
    const svg = barChart([{ street: long, n: 5 }], { ...base, width: 360 });
    expect(texts(svg)[0]).toMatch(/…$/);
    expect(texts(svg)[0]!.length).toBeLessThan(long.length);
    expect(svg).toContain(`<title>${long}：5</title>`);
  });

  it('carries filter attributes and links rows without JavaScript', () => {
    const svg = barChart(rows, {
      ...base,
      filterKey: 'street',
      filterValue: (r) => `v-${r.street}`,
      href: (r) => `/street/${encodeURIComponent(r.street)}/`,
    });
    const groups = elements(svg, 'g', 'class="bar"');
    expect(groups.map((g) => g['data-filter-key'])).toEqual(['street', 'street', 'street']);
    expect(groups[0]!['data-filter-value']).toBe('v-田墘街道');
    expect(elements(svg, 'a')[0]!.href).toBe(`/street/${encodeURIComponent('田墘街道')}/`);
    // Links inside role="img" would be hidden from assistive technology.
    expect(svg).toMatch(/^<svg [^>]*role="group"/);
  });

  it('drops links with a script URL', () => {
    const svg = barChart(rows, { ...base, href: () => 'javascript:alert(1)' });
    expect(svg).not.toContain('javascript:');
    expect(elements(svg, 'a')).toHaveLength(0);
  });

  it('renders an empty state for no rows', () => {
    const svg = barChart([], { ...base });
    expectValidChart(svg, base.title);
    expect(svg).toContain('暂无数据');
  });

  it('shows a missing value as — and draws no bar length for it', () => {
    const svg = barChart(
      [
        { street: '甲', n: Number.NaN },
        { street: '乙', n: 3 },
      ],
      base,
    );
    expectValidChart(svg, base.title);
    expect(texts(svg)).toContain('—');
    expect(bars(svg)[0]!.width).toBe('0');
  });

  it('draws negative values to the left of zero', () => {
    const svg = barChart(
      [
        { street: '甲', n: -5 },
        { street: '乙', n: 5 },
      ],
      base,
    );
    const [neg, pos] = bars(svg);
    expect(Number(neg!.x) + Number(neg!.width)).toBeCloseTo(Number(pos!.x), 1);
    expect(Number(neg!.width)).toBeCloseTo(Number(pos!.width), 1);
  });
});
