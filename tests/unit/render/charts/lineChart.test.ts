import { afterEach, describe, expect, it } from 'vitest';
import { lineChart, type LineSeries } from '../../../../src/render/charts/lineChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE, texts } from './chartAssertions.ts';

const series: LineSeries[] = [
  {
    name: '发现问题',
    points: [
      { date: '2018-06-05', value: 0 },
      { date: '2018-06-19', value: 40 },
      { date: '2018-07-03', value: 90 },
      { date: '2018-07-20', value: 120 },
    ],
  },
  {
    name: '已整改',
    points: [
      { date: '2018-07-20', value: 100 },
      { date: '2018-06-05', value: 0 },
      { date: '2018-06-19', value: 10 },
    ],
  },
];
const title = '问题发现与整改';
const points = (svg: string) => elements(svg, 'path', 'class="point"');
const xy = (p: Record<string, string>) =>
  (p.transform ?? '').match(/-?[\d.]+/g)!.map(Number) as [number, number];

describe('lineChart', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('matches the snapshot for a small input', async () => {
    const svg = lineChart(series, { title, id: 'snap', width: 360 });
    expectValidChart(svg, title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/lineChart.svg');
  });

  it('puts a marker with its date and number in a <title> on every point', () => {
    const svg = lineChart(series, { title });
    expect(points(svg)).toHaveLength(7);
    expect(svg).toContain('<title>发现问题 · 2018年7月20日：120</title>');
    expect(svg).toContain('<title>已整改 · 2018年6月5日：0</title>');
  });

  it('places dates on a linear time axis, points sorted by date', () => {
    const p = points(lineChart(series, { title })).slice(0, 4).map(xy);
    // 06-05 → 06-19 is 14 days, 06-19 → 07-03 is 14 days, 07-03 → 07-20 is 17 days.
    const d1 = p[1]![0] - p[0]![0];
    const d3 = p[3]![0] - p[2]![0];
    expect(p[2]![0] - p[1]![0]).toBeCloseTo(d1, 0);
    expect(d3 / d1).toBeCloseTo(17 / 14, 1);
    // Higher values are higher on screen.
    expect(p[3]![1]).toBeLessThan(p[0]![1]);
    // The second series was given out of order: its path runs left to right.
    const q = points(lineChart(series, { title })).slice(4).map(xy);
    expect(q.map((c) => c[0])).toEqual([...q.map((c) => c[0])].sort((a, b) => a - b));
  });

  it('reads dates as UTC whatever the local time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    const svg = lineChart(series, { title });
    expect(svg).toContain('2018年6月5日：0');
    expect(svg).not.toContain('6月4日');
  });

  it('skips points whose date is not YYYY-MM-DD', () => {
    const svg = lineChart(
      [
        {
          name: 'a',
          points: [
            { date: '2018/6/5', value: 1 },
            { date: '2018-06-06', value: 2 },
            { date: '2018-02-30', value: 3 },
          ],
        },
      ],
      { title },
    );
    expectValidChart(svg, title);
    expect(points(svg)).toHaveLength(1);
  });

  it('labels each line at its end and has a legend when there are several', () => {
    const svg = lineChart(series, { title });
    const t = texts(svg);
    expect(t.filter((s) => s === '发现问题')).toHaveLength(2); // legend + direct label
    expect(elements(svg, 'text', 'class="direct-label"')).toHaveLength(2);
    const single = lineChart(series.slice(0, 1), { title });
    expect(texts(single).filter((s) => s === '发现问题')).toHaveLength(1);
  });

  it('labels date ticks in Chinese and y ticks in whole numbers for counts', () => {
    const t = texts(lineChart(series, { title, width: 640 }));
    expect(t.some((s) => /^\d{1,2}月\d{1,2}日$/.test(s) || /^\d{4}年\d{1,2}月$/.test(s))).toBe(
      true,
    );
    const small = lineChart(
      [
        {
          name: 'a',
          points: [
            { date: '2018-06-05', value: 1 },
            { date: '2018-06-06', value: 3 },
          ],
        },
      ],
      { title },
    );
    expect(
      texts(small)
        .filter((s) => /^\d+(\.\d+)?$/.test(s))
        .every((s) => Number.isInteger(Number(s))),
    ).toBe(true);
  });

  it('summarises first and last values per series', () => {
    expect(lineChart(series, { title })).toContain(
      '发现问题从2018年6月5日的 0 到2018年7月20日的 120；已整改从2018年6月5日的 0 到2018年7月20日的 100。',
    );
  });

  it('keeps direct labels apart when lines end at the same value', () => {
    const same: LineSeries[] = ['甲', '乙', '丙'].map((name) => ({
      name,
      points: [
        { date: '2018-06-05', value: 0 },
        { date: '2018-06-10', value: 5 },
      ],
    }));
    const ys = elements(lineChart(same, { title }), 'text', 'class="direct-label"')
      .map((e) => Number(e.y))
      .sort((a, b) => a - b);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(14);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(14);
  });

  it('escapes hostile series names', () => {
    const svg = lineChart([{ name: HOSTILE, points: [{ date: '2018-06-05', value: 1 }] }], {
      title,
    });
    expectValidChart(svg, title);
    expectEscaped(svg);
  });

  it('renders an empty state for no series or no valid points', () => {
    for (const svg of [
      lineChart([], { title }),
      lineChart([{ name: 'a', points: [{ date: 'x', value: 1 }] }], { title }),
    ]) {
      expectValidChart(svg, title);
      expect(svg).toContain('暂无数据');
    }
  });
});
