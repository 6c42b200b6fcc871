import { describe, expect, it } from 'vitest';
import {
  waterfallChart,
  type WaterfallStep,
} from '../../../../src/render/charts/waterfallChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE, texts } from './chartAssertions.ts';

const steps: WaterfallStep[] = [
  { label: '期初在册', value: 100, kind: 'total' },
  { label: '新增纳入', value: 20, kind: 'delta' },
  { label: '清退', value: -30, kind: 'delta' },
  { label: '现有在册', value: 90, kind: 'total' },
];
const title = '建档立卡户数变化';
/** The step bars: the filled rect inside each step group. */
const bars = (svg: string) =>
  elements(svg, 'rect').filter((r) => r.fill !== 'transparent' && r.x !== undefined && !r.stroke);

describe('waterfallChart', () => {
  it('matches the snapshot for a small input', async () => {
    const svg = waterfallChart(steps, { title, id: 'snap', width: 360 });
    expectValidChart(svg, title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/waterfallChart.svg');
  });

  it('floats each change from the running total', () => {
    const [start, add, remove, now] = bars(waterfallChart(steps, { title }));
    const right = (r: Record<string, string>) => Number(r.x) + Number(r.width);
    // 新增 starts where 期初 ends; 清退 ends where 新增 ends and spans 30/20 of it.
    expect(Number(add!.x)).toBeCloseTo(right(start!), 1);
    expect(right(remove!)).toBeCloseTo(right(add!), 1);
    expect(Number(remove!.width) / Number(add!.width)).toBeCloseTo(1.5, 1);
    expect(Number(now!.x)).toBe(Number(start!.x));
    expect(Number(now!.width) / Number(start!.width)).toBeCloseTo(0.9, 2);
  });

  it('prints signed changes with a true minus sign', () => {
    const t = texts(waterfallChart(steps, { title }));
    expect(t).toEqual(expect.arrayContaining(['100', '+20', '−30', '90']));
    expect(waterfallChart(steps, { title })).toContain(
      '期初在册 100，新增纳入 +20，清退 −30，现有在册 90。',
    );
  });

  it('flags a total that does not match the changes', () => {
    const svg = waterfallChart(
      [...steps.slice(0, 3), { label: '现有在册', value: 95, kind: 'total' }],
      { title },
    );
    expect(svg).toContain('按增减累计应为 90');
  });

  it('can start the axis above zero, marking the cut bars', () => {
    const big: WaterfallStep[] = [
      { label: '期初', value: 2000, kind: 'total' },
      { label: '新增', value: 40, kind: 'delta' },
      { label: '现有', value: 2040, kind: 'total' },
    ];
    const zero = bars(waterfallChart(big, { title }));
    const cut = bars(waterfallChart(big, { title, zero: false }));
    // The change gets much wider once the axis no longer starts at 0.
    expect(Number(cut[1]!.width)).toBeGreaterThan(5 * Number(zero[1]!.width));
    expect(waterfallChart(big, { title, zero: false })).toContain('class="break"');
    expect(waterfallChart(big, { title })).not.toContain('class="break"');
  });

  it('escapes hostile labels', () => {
    const svg = waterfallChart([{ label: HOSTILE, value: 1, kind: 'total' }], { title });
    expectValidChart(svg, title);
    expectEscaped(svg);
  });

  it('renders an empty state', () => {
    const svg = waterfallChart([], { title });
    expectValidChart(svg, title);
    expect(svg).toContain('暂无数据');
  });
});
