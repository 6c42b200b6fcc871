import { max, scaleLinear } from 'd3';
import { formatNumber } from '../format.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { renderLegend } from './parts/legend.ts';
import { NEUTRAL, swatch } from './parts/palette.ts';
import { filterData, renderMark, type FilterOptions } from './parts/renderMark.ts';
import { escapeXml, num } from './parts/svg.ts';
import { textWidth, truncateText } from './parts/textWidth.ts';

/** A step: a `total` is drawn from zero (and resets the running sum); a `delta` adds to the running sum. */
export interface WaterfallStep {
  label: string;
  value: number;
  kind: 'total' | 'delta';
}

export interface WaterfallChartOptions extends ChartOptions, FilterOptions<WaterfallStep> {
  /** How magnitudes print; deltas get a leading + or − (default zh-CN grouping). */
  format?: (n: number) => string;
  /**
   * Start the axis at zero (default true). With `false` the axis starts just
   * below the smallest running total, so small changes to a large total show;
   * total bars then carry a break mark to say they are cut.
   */
  zero?: boolean;
}

const UP = swatch('c-up', '#0072B2');
const DOWN = swatch('c-down', '#E69F00');

/**
 * start + added − removed (± other) = now, as horizontal rows top to bottom:
 * totals from zero, deltas floating from the running sum, dashed connectors
 * between them. Signs are printed, so the chart needs no colour to read.
 */
export function waterfallChart(
  steps: readonly WaterfallStep[],
  options: WaterfallChartOptions,
): string {
  const frame = chartFrame('waterfall', options);
  if (steps.length === 0) return frame.empty();
  const { width, fontSize: f } = frame;
  const format = options.format ?? ((n: number) => formatNumber(n));
  const signed = (v: number): string => (v > 0 ? '+' : v < 0 ? '−' : '') + format(Math.abs(v));

  let running = 0;
  let seenDelta = false;
  const items = steps.map((step, i) => {
    const v = Number.isFinite(step.value) ? step.value : 0;
    const before = running;
    let from: number;
    let to: number;
    let mismatch: number | null = null;
    if (step.kind === 'total') {
      if (seenDelta && v !== before) mismatch = before;
      from = 0;
      to = v;
      running = v;
    } else {
      seenDelta = true;
      from = before;
      to = before + v;
      running = to;
    }
    const text = Number.isFinite(step.value)
      ? step.kind === 'total'
        ? format(v)
        : signed(v)
      : '—';
    return { step, i, from, to, after: running, text, mismatch };
  });

  const present = new Set<string>(
    items.map((d) => (d.step.kind === 'total' ? 'total' : d.to >= d.from ? 'up' : 'down')),
  );
  const legend = renderLegend(
    [
      { key: 'total', name: '合计', fill: NEUTRAL.total.fill },
      { key: 'up', name: '增加', fill: UP.fill },
      { key: 'down', name: '减少', fill: DOWN.fill },
    ].filter((l) => present.has(l.key)),
    { width, fontSize: f },
  );
  const top = legend.height + Math.round(f * 0.6);
  const rowStep = Math.round(f * 2.3);
  const barHeight = Math.round(f * 1.45);
  const labelWidth = Math.min(max(items, (d) => textWidth(d.step.label, f)) ?? 0, width * 0.4);
  const valueWidth = (max(items, (d) => textWidth(d.text, f)) ?? 0) + 6;
  const ends = items.flatMap((d) => (d.step.kind === 'total' ? [d.to] : [d.from, d.to]));
  let lo = Math.min(0, ...ends);
  const hi = Math.max(0, ...ends);
  const x = scaleLinear().range([labelWidth + 8, width - valueWidth - 2]);
  const smallest = Math.min(...ends);
  if (options.zero === false && smallest > 0 && hi > smallest) {
    // Leave room below the smallest total for a visible stub, then round down.
    const start = scaleLinear()
      .domain([Math.max(0, smallest - (hi - smallest) * 0.5), hi])
      .nice()
      .domain()[0];
    if (start !== undefined && start > 0) lo = start;
  }
  x.domain(hi === lo ? [0, 1] : [lo, hi]);
  const cut = lo > 0;

  let body = legend.markup;
  items.forEach((d, k) => {
    const y = top + k * rowStep;
    const mid = y + rowStep / 2;
    const a = x(Math.max(lo, Math.min(d.from, d.to)));
    const b = x(Math.max(d.from, d.to));
    const sw = d.step.kind === 'total' ? NEUTRAL.total : d.to >= d.from ? UP : DOWN;
    const note = d.mismatch === null ? '' : `（按增减累计应为 ${format(d.mismatch)}）`;
    const inner =
      `<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(rowStep)}" fill="transparent"/>` +
      `<text x="${num(labelWidth)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeXml(truncateText(d.step.label, labelWidth, f))}</text>` +
      // At least 1px wide, so a zero change still shows where it sits.
      `<rect x="${num(a)}" y="${num(mid - barHeight / 2)}" width="${num(Math.max(1, b - a))}" height="${num(barHeight)}" fill="${escapeXml(sw.fill)}"/>` +
      (cut && d.step.kind === 'total' ? breakMark(a + f * 0.8, mid, barHeight) : '') +
      `<text class="value" x="${num(b + 4)}" y="${num(mid)}" dy="0.35em">${escapeXml(d.text)}</text>`;
    body += renderMark({
      className: `step step-${d.step.kind}`,
      data: {
        ...filterData(options, d.step, d.i, d.step.label),
        value: d.step.value,
      },
      label: `${d.step.label}：${d.text}${note}`,
      href: options.href?.(d.step, d.i),
      inner,
    });
    const next = items[k + 1];
    if (next) {
      const cx = x(d.after);
      body += `<line class="connector" x1="${num(cx)}" x2="${num(cx)}" y1="${num(mid + barHeight / 2)}" y2="${num(mid + rowStep - barHeight / 2)}" stroke="var(--c-axis, #737373)" stroke-dasharray="2 2"/>`;
    }
  });

  return frame.svg({
    height: top + items.length * rowStep,
    describe: () =>
      items
        .map(
          (d) =>
            `${d.step.label} ${d.text}${d.mismatch === null ? '' : `（按增减累计应为 ${format(d.mismatch)}）`}`,
        )
        .join('，') + '。',
    interactive: options.href !== undefined,
    body,
  });
}

/** Two slanted gaps across a bar: the usual sign that its start is cut off. */
function breakMark(x: number, mid: number, barHeight: number): string {
  const h = barHeight / 2 + 1;
  const d = `M${num(x - 3)},${num(mid + h)}L${num(x + 1)},${num(mid - h)}M${num(x + 2)},${num(mid + h)}L${num(x + 6)},${num(mid - h)}`;
  return `<path class="break" d="${d}" stroke="var(--c-bg, #fff)" stroke-width="2" fill="none"/>`;
}
