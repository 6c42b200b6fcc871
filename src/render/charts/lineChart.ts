// d3-shape's line() and symbol() are left out on purpose: they would add about
// 17 KB (minified) to the browser bundle for paths this file writes in a few lines.
import { extent, max, scaleLinear, scaleUtc } from 'd3';
import { formatNumber, formatUtcTime, parseIsoDate } from '../format.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { renderLegend } from './parts/legend.ts';
import { NEUTRAL, schemeSwatches, type ColorScheme } from './parts/palette.ts';
import { escapeXml, num, tooltip } from './parts/svg.ts';
import { textWidth, truncateText } from './parts/textWidth.ts';
import { timeTicks } from './parts/timeTicks.ts';

/** A line: points in any order, dates as ISO `YYYY-MM-DD` (others are skipped). */
export interface LineSeries {
  name: string;
  points: readonly { date: string; value: number }[];
}

export interface LineChartOptions extends ChartOptions {
  /** Plot height in px (default 0.55 × width, at least 220). */
  height?: number;
  format?: (n: number) => string;
  colors?: ColorScheme;
  /** Start the y axis at zero (default true: counts). */
  zero?: boolean;
}

// Each series differs by dash and marker shape as well as hue: readable in greyscale.
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

const DAY = 86_400_000;

/**
 * Lines over a UTC date axis: legend above (when more than one series), the
 * series name at each line's end, every point a marker with its number in a `<title>`.
 */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const format = options.format ?? ((n: number) => formatNumber(n));
  const parsed = series
    .map((s) => ({
      name: s.name,
      points: s.points
        .map((p) => ({ t: parseIsoDate(p.date), v: p.value, date: p.date }))
        .filter(
          (p): p is { t: number; v: number; date: string } => p.t !== null && Number.isFinite(p.v),
        )
        .sort((a, b) => a.t - b.t),
    }))
    .filter((s) => s.points.length > 0);
  const frame = chartFrame('line', options);
  if (parsed.length === 0) return frame.empty();

  const { width, fontSize: f } = frame;
  const height = Math.max(160, Math.round(options.height ?? Math.max(220, width * 0.55)));
  const swatches = schemeSwatches(options.colors ?? 'categorical', parsed.length);
  const all = parsed.flatMap((s) => s.points);
  const [t0 = 0, t1 = 0] = extent(all, (p) => p.t);
  const [v0 = 0, v1 = 0] = extent(all, (p) => p.v);
  const integers = all.every((p) => Number.isInteger(p.v));

  const legend =
    parsed.length > 1
      ? renderLegend(
          parsed.map((s, i) => ({
            name: s.name,
            fill: swatches[i]?.fill ?? '',
            line: { dash: DASHES[i % DASHES.length] ?? '', marker: markerPath(i, f) },
          })),
          { width, fontSize: f },
        )
      : { markup: '', height: 0 };

  const y = scaleLinear().domain([
    options.zero === false ? v0 : Math.min(0, v0),
    Math.max(v1, options.zero === false ? v0 + 1 : 1),
  ]);
  y.nice();
  const yTicks = y
    .ticks(Math.max(2, Math.floor(height / (f * 4))))
    .filter((v) => !integers || Number.isInteger(v));
  const yLabels = yTicks.map((v) => format(v));
  const marginLeft = (max(yLabels, (s) => textWidth(s, f)) ?? 0) + 8;
  const nameWidth = Math.min(max(parsed, (s) => textWidth(s.name, f)) ?? 0, width * 0.3);
  const marginRight = nameWidth + 12;
  const top = legend.height + f;
  const bottom = height - Math.round(f * 2.2);
  y.range([bottom, top]);
  const x = scaleUtc()
    .domain(t0 === t1 ? [t0 - DAY, t1 + DAY] : [t0, t1])
    .range([marginLeft, width - marginRight]);

  let body = legend.markup;
  // y grid and labels
  yTicks.forEach((v, i) => {
    body +=
      `<line x1="${num(marginLeft)}" x2="${num(width - marginRight)}" y1="${num(y(v))}" y2="${num(y(v))}" stroke="${NEUTRAL.grid}"/>` +
      `<text x="${num(marginLeft - 6)}" y="${num(y(v))}" dy="0.35em" text-anchor="end" fill="${NEUTRAL.muted}">${escapeXml(yLabels[i] ?? '')}</text>`;
  });
  // x axis
  body += `<line x1="${num(marginLeft)}" x2="${num(width - marginRight)}" y1="${num(bottom)}" y2="${num(bottom)}" stroke="${NEUTRAL.axis}"/>`;
  for (const tick of timeTicks(x, f)) {
    body +=
      `<line x1="${num(tick.x)}" x2="${num(tick.x)}" y1="${num(bottom)}" y2="${num(bottom + 5)}" stroke="${NEUTRAL.axis}"/>` +
      `<text x="${num(tick.x)}" y="${num(bottom + 6 + f)}" text-anchor="${tick.anchor}" fill="${NEUTRAL.muted}">${escapeXml(tick.label)}</text>`;
  }

  const ends: { i: number; y: number }[] = [];
  parsed.forEach((s, i) => {
    const sw = swatches[i];
    const fill = escapeXml(sw?.fill ?? '');
    const dash = DASHES[i % DASHES.length];
    const marker = markerPath(i, f * 0.75);
    let marks = '';
    for (const p of s.points) {
      marks += `<path class="point" transform="translate(${num(x(p.t))},${num(y(p.v))})" d="${marker}" fill="${fill}" stroke="var(--c-bg, #fff)" data-date="${escapeXml(p.date)}" data-value="${num(p.v)}">${tooltip(`${s.name} · ${formatUtcTime(p.t)}：${format(p.v)}`)}</path>`;
    }
    body +=
      `<g class="series" data-series="${escapeXml(s.name)}">` +
      `<path d="${linePath(s.points.map((p) => ({ x: x(p.t), y: y(p.v) })))}" fill="none" stroke="${fill}" stroke-width="2.5" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
      marks +
      `</g>`;
    const last = s.points[s.points.length - 1];
    if (last) ends.push({ i, y: y(last.v) });
  });

  // Direct labels at the right, pushed apart so they never overlap.
  const gap = f * 1.25;
  ends.sort((a, b) => a.y - b.y);
  for (let k = 1; k < ends.length; k++) {
    const prev = ends[k - 1]!;
    const cur = ends[k]!;
    if (cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const overflow = (ends[ends.length - 1]?.y ?? 0) - bottom;
  if (overflow > 0) for (const e of ends) e.y -= overflow;
  for (const e of ends) {
    const name = parsed[e.i]?.name ?? '';
    body += `<text class="direct-label" x="${num(width - marginRight + 8)}" y="${num(e.y)}" dy="0.35em" paint-order="stroke" stroke="var(--c-bg, #fff)" stroke-width="4" stroke-linejoin="round">${escapeXml(truncateText(name, nameWidth, f))}</text>`;
  }

  return frame.svg({
    height,
    describe: () =>
      parsed
        .map((s) => {
          const a = s.points[0]!;
          const b = s.points[s.points.length - 1]!;
          return `${s.name}从${formatUtcTime(a.t)}的 ${format(a.v)} 到${formatUtcTime(b.t)}的 ${format(b.v)}`;
        })
        .join('；') + '。',
    body,
  });
}

/** A marker centred on 0,0 about `size` px across: circle, square, diamond, triangle by series. */
function markerPath(i: number, size: number): string {
  const r = size / 2;
  switch (MARKERS[i % MARKERS.length]) {
    case 'square':
      return `M${num(-r * 0.9)},${num(-r * 0.9)}h${num(r * 1.8)}v${num(r * 1.8)}h${num(-r * 1.8)}Z`;
    case 'diamond':
      return `M0,${num(-r * 1.25)}L${num(r)},0L0,${num(r * 1.25)}L${num(-r)},0Z`;
    case 'triangle':
      return `M0,${num(-r * 1.15)}L${num(r * 1.1)},${num(r * 0.75)}L${num(-r * 1.1)},${num(r * 0.75)}Z`;
    default:
      return `M${num(r)},0A${num(r)},${num(r)},0,1,1,${num(-r)},0A${num(r)},${num(r)},0,1,1,${num(r)},0Z`;
  }
}

/** A polyline through the points, coordinates rounded to 0.1. */
function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, k) => `${k === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('');
}
