import type { ScaleTime } from 'd3';
import { formatUtcTime, type DateStyle } from '../../format.ts';
import { textWidth } from './textWidth.ts';

export interface TimeTick {
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Date-axis ticks that fit: as many as can stand without their labels
 * overlapping, labelled in zh-CN (`7月20日`, `2018年7月` or `2018年` depending
 * on the interval), anchored inwards at the edges so none is cut off.
 */
export function timeTicks(x: ScaleTime<number, number>, fontSize: number): TimeTick[] {
  const [r0 = 0, r1 = 0] = x.range();
  const span = Math.abs(r1 - r0);
  const room = (ticks: Date[]) => {
    const style = tickStyle(ticks);
    const widest = Math.max(
      0,
      ...ticks.map((t) => textWidth(formatUtcTime(t.getTime(), style), fontSize)),
    );
    return widest + fontSize;
  };
  const spacing = (ticks: Date[]) =>
    Math.min(Infinity, ...ticks.slice(1).map((t, i) => x(t) - x(ticks[i]!)));
  // Every k-th tick of a too-dense calendar interval (e.g. every other week).
  const thin = (ticks: Date[]) => {
    const every = Math.max(1, Math.ceil(room(ticks) / spacing(ticks)));
    return ticks.filter((_, i) => i % every === 0);
  };

  // Densest first: d3 rounds the count to a calendar interval (day, week, month, …).
  // Take the first interval whose labels fit; if that leaves fewer than three
  // ticks, a thinned denser interval usually reads better.
  let chosen: Date[] = [];
  let previous: Date[] | null = null;
  for (let n = Math.max(2, Math.floor(span / (fontSize * 3))); n >= 1; n = Math.floor(n * 0.7)) {
    const ticks = x.ticks(n);
    if (previous && ticks.length === previous.length) continue;
    if (spacing(ticks) >= room(ticks)) {
      const thinned = previous ? thin(previous) : [];
      chosen = ticks.length < 3 && thinned.length > ticks.length ? thinned : ticks;
      break;
    }
    previous = ticks;
  }
  if (chosen.length === 0 && previous) chosen = thin(previous);

  const style = tickStyle(chosen);
  const ticks = chosen.map((t) => {
    const label = formatUtcTime(t.getTime(), style);
    const px = x(t);
    const w = textWidth(label, fontSize);
    const anchor: TimeTick['anchor'] =
      px - w / 2 < r0 - fontSize ? 'start' : px + w / 2 > r1 + fontSize ? 'end' : 'middle';
    const left = anchor === 'start' ? px : anchor === 'end' ? px - w : px - w / 2;
    return { x: px, label, anchor, left, right: left + w };
  });
  // Anchoring the edge labels inwards can push them into their neighbours: drop those.
  const kept: typeof ticks = [];
  for (const t of ticks) {
    const prev = kept[kept.length - 1];
    if (!prev || t.left >= prev.right + fontSize / 2) kept.push(t);
  }
  return kept.map(({ x: px, label, anchor }) => ({ x: px, label, anchor }));
}

function tickStyle(ticks: Date[]): DateStyle {
  if (ticks.length > 0 && ticks.every((t) => t.getUTCMonth() === 0 && t.getUTCDate() === 1))
    return 'year';
  if (ticks.length > 0 && ticks.every((t) => t.getUTCDate() === 1)) return 'yearMonth';
  return 'monthDay';
}
