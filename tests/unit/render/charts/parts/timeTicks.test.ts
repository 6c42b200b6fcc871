import { describe, expect, it } from 'vitest';
import { scaleUtc } from 'd3';
import { timeTicks } from '../../../../../src/render/charts/parts/timeTicks.ts';
import { textWidth } from '../../../../../src/render/charts/parts/textWidth.ts';

describe('timeTicks', () => {
  it.each([
    ['2016-03-01', '2018-07-20', 330],
    ['2018-06-05', '2018-07-20', 330],
    ['2016-01-01', '2018-07-20', 640],
  ])(
    'labels from %s to %s at %ipx never overlap, even when edge labels are anchored inwards',
    (a, b, w) => {
      const x = scaleUtc([new Date(`${a}T00:00:00Z`), new Date(`${b}T00:00:00Z`)], [40, w - 10]);
      const ticks = timeTicks(x, 14);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      const spans = ticks.map((t) => {
        const width = textWidth(t.label, 14);
        const left =
          t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - width : t.x - width / 2;
        return [left, left + width] as const;
      });
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
    },
  );
});
