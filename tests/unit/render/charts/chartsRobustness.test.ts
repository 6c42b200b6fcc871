import { describe, expect, it } from 'vitest';
import {
  barChart,
  heatmapChart,
  lineChart,
  stackedBarChart,
  timelineChart,
  waterfallChart,
} from '../../../../src/render/charts/index.ts';
import { expectValidChart, expectWellFormed } from './chartAssertions.ts';

type Row = Record<string, unknown>;
const weird: Row[] = [
  { label: 'ok', a: 1, b: 2 },
  { label: '', a: Number.NaN, b: Number.POSITIVE_INFINITY },
  { label: null, a: undefined, b: '三' },
  { label: 'x'.repeat(200), a: -1, b: 1e12 },
  { label: 'zero', a: 0, b: 0 },
];
const title = '标题';

describe('every chart, whatever the input', () => {
  const outputs: [string, string][] = [];
  for (const width of [200, 360, 640, Number.NaN]) {
    outputs.push(
      ['bar', barChart(weird, { label: 'label', value: 'a', title, width })],
      ['bar-zero', barChart([{ label: 'z', a: 0 }], { label: 'label', value: 'a', title, width })],
      [
        'stacked',
        stackedBarChart(weird, {
          label: 'label',
          series: [
            { key: 'a', name: 'A' },
            { key: 'b', name: 'B' },
          ],
          title,
          width,
          normalize: true,
        }),
      ],
      [
        'stacked-zero',
        stackedBarChart([{ label: 'z', a: 0 }], {
          label: 'label',
          series: [{ key: 'a', name: 'A' }],
          title,
          width,
          normalize: true,
        }),
      ],
      [
        'waterfall',
        waterfallChart(
          [
            { label: 'a', value: Number.NaN, kind: 'total' },
            { label: 'b', value: 0, kind: 'delta' },
          ],
          { title, width, zero: false },
        ),
      ],
      [
        'line',
        lineChart(
          [
            { name: 'a', points: [{ date: '2018-06-05', value: 0 }] },
            { name: 'b', points: [{ date: '2018-06-05', value: Number.NaN }] },
          ],
          { title, width },
        ),
      ],
      [
        'line-flat',
        lineChart(
          [
            {
              name: 'a',
              points: [
                { date: '2018-06-05', value: 5 },
                { date: '2018-06-06', value: 5 },
              ],
            },
          ],
          { title, width, zero: false },
        ),
      ],
      [
        'heatmap',
        heatmapChart(
          [
            { row: 'r', column: 'c', value: Number.NaN },
            { row: 'r', column: 'd', value: null },
          ],
          { rows: ['r', 's'], columns: ['c', 'd'], title, width },
        ),
      ],
      [
        'timeline',
        timelineChart([{ name: 'p', start: '2018-06-05', end: '2018-06-05' }], {
          asOf: 'not a date',
          title,
          width,
        }),
      ],
      ['empty-bar', barChart([], { label: 'label', value: 'a', title, width })],
      ['empty-line', lineChart([], { title, width })],
    );
  }

  it.each(outputs.map(([name, svg], i) => [`${name} #${i}`, svg]))(
    '%s is well-formed, titled and free of NaN/undefined',
    (_, svg) => {
      expectValidChart(svg, title);
    },
  );

  it('the well-formedness check itself rejects broken markup', () => {
    expect(() => expectWellFormed('<svg><text>a<b</text></svg>')).toThrow();
    expect(() => expectWellFormed('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => expectWellFormed('<svg><g></svg>')).toThrow();
    expect(() => expectWellFormed('<svg><text x="a"b">t</text></svg>')).toThrow();
  });

  it('ids are unique per title and follow the id option', () => {
    const a = barChart(weird, { label: 'label', value: 'a', title: '甲' });
    const b = barChart(weird, { label: 'label', value: 'a', title: '乙' });
    const id = (s: string) => /<svg [^>]*\bid="([^"]+)"/.exec(s)?.[1];
    expect(id(a)).not.toBe(id(b));
    expect(id(barChart(weird, { label: 'label', value: 'a', title, id: 'street-chart' }))).toBe(
      'street-chart',
    );
    expect(id(barChart(weird, { label: 'label', value: 'a', title, id: '1 "bad" id' }))).toBe(
      'chart-1badid',
    );
  });
});
