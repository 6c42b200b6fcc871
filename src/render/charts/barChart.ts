import { max, min, scaleLinear } from 'd3';
import { formatNumber } from '../format.ts';
import { readNumber, readText, type Accessor } from './parts/accessor.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { categoricalSwatch } from './parts/palette.ts';
import { filterData, renderMark, type FilterOptions } from './parts/renderMark.ts';
import { escapeXml, num } from './parts/svg.ts';
import { textWidth, truncateText } from './parts/textWidth.ts';

export interface BarChartOptions<T> extends ChartOptions, FilterOptions<T> {
  label: Accessor<T, string>;
  value: Accessor<T, number>;
  /** How values print at the bar ends (default zh-CN grouping). */
  format?: (n: number) => string;
  /** Bar fill, a CSS colour (default `var(--c1, #0072B2)`). */
  color?: string;
  /** Largest value the axis shows (default: the data's): give several charts one scale. */
  max?: number;
}

/**
 * Horizontal bars, one row each in input order: label on the left (its column as
 * wide as the longest label, at most 40% of the width), value at the bar's end.
 */
export function barChart<T>(rows: readonly T[], options: BarChartOptions<T>): string {
  const frame = chartFrame('bar', options);
  if (rows.length === 0) return frame.empty();
  const { width, fontSize: f } = frame;
  const format = options.format ?? ((n: number) => formatNumber(n));
  const color = options.color ?? categoricalSwatch(0).fill;

  const items = rows.map((row, i) => {
    const value = readNumber(options.value, row, i);
    return {
      row,
      i,
      label: readText(options.label, row, i),
      value: Number.isFinite(value) ? value : 0,
      missing: !Number.isFinite(value),
      text: Number.isFinite(value) ? format(value) : '—',
    };
  });

  const rowStep = Math.round(f * 2.3);
  const barHeight = Math.round(f * 1.45);
  const labelWidth = Math.min(max(items, (d) => textWidth(d.label, f)) ?? 0, width * 0.4);
  const valueWidth = (max(items, (d) => textWidth(d.text, f)) ?? 0) + 6;
  const lo = Math.min(0, min(items, (d) => d.value) ?? 0);
  const hi = Math.max(0, options.max ?? -Infinity, max(items, (d) => d.value) ?? 0);
  const x0 = labelWidth + 8 + (lo < 0 ? valueWidth : 0);
  const x1 = width - valueWidth - 2;
  const x = scaleLinear()
    .domain(hi === lo ? [0, 1] : [lo, hi])
    .range([x0, x1]);
  const zero = x(0);

  let body = '';
  if (lo < 0)
    body += `<line x1="${num(zero)}" x2="${num(zero)}" y1="0" y2="${num(items.length * rowStep)}" stroke="var(--c-axis, #737373)"/>`;
  for (const d of items) {
    const y = d.i * rowStep;
    const mid = y + rowStep / 2;
    const end = x(d.value);
    const left = Math.min(zero, end);
    const neg = d.value < 0;
    const inner =
      // A transparent full-row rectangle: the whole row is the click/tap target.
      `<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(rowStep)}" fill="transparent"/>` +
      `<text x="${num(labelWidth)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeXml(truncateText(d.label, labelWidth, f))}</text>` +
      `<rect x="${num(left)}" y="${num(mid - barHeight / 2)}" width="${num(Math.abs(end - zero))}" height="${num(barHeight)}" fill="${escapeXml(color)}"/>` +
      `<text class="value" x="${num(neg ? end - 4 : end + 4)}" y="${num(mid)}" dy="0.35em"${neg ? ' text-anchor="end"' : ''}>${escapeXml(d.text)}</text>`;
    body += renderMark({
      className: 'bar',
      data: { ...filterData(options, d.row, d.i, d.label), value: d.missing ? undefined : d.value },
      label: `${d.label}：${d.text}`,
      href: options.href?.(d.row, d.i),
      inner,
    });
  }

  return frame.svg({
    height: items.length * rowStep,
    describe: () =>
      describe(
        items.filter((d) => !d.missing),
        format,
      ),
    interactive: options.href !== undefined,
    body,
  });
}

function describe(
  items: { label: string; value: number }[],
  format: (n: number) => string,
): string {
  if (items.length === 0) return '没有可显示的数值。';
  if (items.length === 1) return `共 1 项：${items[0]?.label}为 ${format(items[0]?.value ?? 0)}。`;
  let hi = items[0]!;
  let lo = items[0]!;
  for (const d of items) {
    if (d.value > hi.value) hi = d;
    if (d.value < lo.value) lo = d;
  }
  return `共 ${items.length} 项，最高为${hi.label}（${format(hi.value)}），最低为${lo.label}（${format(lo.value)}）。`;
}
