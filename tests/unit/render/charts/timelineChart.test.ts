import { describe, expect, it } from 'vitest';
import { timelineChart, type Phase } from '../../../../src/render/charts/timelineChart.ts';
import { elements, expectEscaped, expectValidChart, HOSTILE } from './chartAssertions.ts';

const phases: Phase[] = [
  { name: '动员部署', start: '2018-06-05', end: '2018-06-10' },
  { name: '组织实施', start: '2018-06-05', end: '2018-07-10' },
  { name: '抽查整改', start: '2018-07-11', end: '2018-07-14' },
  { name: '总结上报', start: '2018-07-15', end: '2018-07-18' },
];
const title = '工作阶段';
const groups = (svg: string) => elements(svg, 'g', 'class="phase');
const bar = (svg: string, i: number) => elements(svg, 'rect', 'class="phase-bar"')[i]!;

describe('timelineChart', () => {
  it('matches the snapshot for a small input', async () => {
    const svg = timelineChart(phases, { asOf: '2018-07-12', title, id: 'snap', width: 360 });
    expectValidChart(svg, title);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/timelineChart.svg');
  });

  it('gives each phase its status at the as-of date (a phase ending on it is done)', () => {
    const status = (asOf: string) =>
      groups(timelineChart(phases, { asOf, title })).map((g) => g['data-status']);
    expect(status('2018-07-12')).toEqual(['done', 'done', 'active', 'upcoming']);
    expect(status('2018-07-10')).toEqual(['done', 'done', 'upcoming', 'upcoming']);
    expect(status('2018-06-05')).toEqual(['active', 'active', 'upcoming', 'upcoming']);
  });

  it('draws bars on one date axis: equal days, equal lengths; overlaps share x', () => {
    const svg = timelineChart(phases, { asOf: '2018-07-20', title });
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => bar(svg, i));
    expect(a!.x).toBe(b!.x); // both start 06-05
    expect(Number(c!.width)).toBeCloseTo(Number(d!.width), 1); // both 4 days, end inclusive
    expect(Number(b!.width) / Number(a!.width)).toBeCloseTo(36 / 6, 1);
  });

  it('marks the as-of date at the end of that day', () => {
    const svg = timelineChart(phases, { asOf: '2018-07-14', title });
    const marker = /<g class="as-of"[^>]*><line x1="([\d.]+)"/.exec(svg)?.[1];
    const c = bar(svg, 2); // 抽查整改 ends 07-14
    expect(Number(marker)).toBeCloseTo(Number(c.x) + Number(c.width), 1);
    expect(svg).toContain('截至7月14日');
  });

  it('summarises phases and statuses', () => {
    expect(timelineChart(phases, { asOf: '2018-07-12', title })).toContain(
      '共 4 个阶段，从2018年6月5日到2018年7月18日；截至2018年7月12日，已结束 2 个、进行中 1 个、未开始 1 个。',
    );
  });

  it('skips phases with invalid or reversed dates', () => {
    const svg = timelineChart(
      [
        ...phases,
        { name: 'x', start: '2018/6/5', end: '2018-06-06' },
        { name: 'y', start: '2018-06-09', end: '2018-06-08' },
      ],
      { asOf: '2018-07-12', title },
    );
    expectValidChart(svg, title);
    expect(groups(svg)).toHaveLength(4);
  });

  it('runs a phase without an end up to the as-of line, as under way', () => {
    const works: Phase[] = [
      { name: '道路硬底化', start: '2016-07-30', end: '2017-03-12' },
      { name: '饮水工程', start: '2018-03-01', end: '' },
    ];
    const svg = timelineChart(works, {
      asOf: '2018-07-20',
      title,
      noun: '项目',
      statusNames: { done: '已完工', active: '在建' },
      rangeStyle: 'yearMonth',
    });
    expectValidChart(svg, title);
    expect(groups(svg).map((g) => g['data-status'])).toEqual(['done', 'active']);
    const marker = /<g class="as-of"[^>]*><line x1="([\d.]+)"/.exec(svg)?.[1];
    const b = bar(svg, 1);
    expect(Number(b.x) + Number(b.width)).toBeCloseTo(Number(marker), 1);
    expect(svg).toContain('2016年7月–2017年3月');
    expect(svg).toContain('2018年3月起');
    expect(svg).toContain('<title>饮水工程：2018年3月1日起，在建</title>');
    expect(svg).toContain('共 2 个项目，');
    expect(svg).toContain('已完工 1 个、在建 1 个、未开始 0 个');
  });

  it('escapes hostile phase names', () => {
    const svg = timelineChart([{ name: HOSTILE, start: '2018-06-05', end: '2018-06-06' }], {
      asOf: '2018-06-05',
      title,
    });
    expectValidChart(svg, title);
    expectEscaped(svg);
  });

  it('renders an empty state', () => {
    const svg = timelineChart([], { asOf: '2018-07-20', title });
    expectValidChart(svg, title);
    expect(svg).toContain('暂无数据');
  });
});
