import { max, scaleLinear } from 'd3';
import { formatNumber, formatPercent } from '../format.ts';
import { readNumber, readText, type Accessor } from './parts/accessor.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { renderLegend } from './parts/legend.ts';
import { schemeSwatches, type ColorScheme } from './parts/palette.ts';
import { filterData, renderMark, type FilterOptions } from './parts/renderMark.ts';
import { escapeXml, num, tooltip } from './parts/svg.ts';
import { textWidth, truncateText } from './parts/textWidth.ts';

/** One stacked series: `key` is read from each row (a count), `name` shows in the legend. */
export interface StackSeries {
  key: string;
  name: string;
}

export interface StackedBarChartOptions<T> extends ChartOptions, FilterOptions<T> {
  label: Accessor<T, string>;
  series: readonly StackSeries[];
  /** Reads series `key` from a row (default `row[key]`). */
  value?: (row: T, key: string) => number;
  /** Show each row as shares of its total (100% bars); totals still print at the end. */
  normalize?: boolean;
  /** `'categorical'` (default) for unordered series, `'sequential'` for ordered ones, or CSS colours. */
  colors?: ColorScheme;
  format?: (n: number) => string;
}

/**
 * Horizontal stacked bars with a legend above: one row per input row, one
 * segment per series in series order, the row total at the end. Segments show
 * their value (or share) inside when it fits, so the chart reads in greyscale.
 */
export function stackedBarChart<T>(rows: readonly T[], options: StackedBarChartOptions<T>): string {
  const series = options.series;
  const frame = chartFrame('stacked-bar', options);
  if (rows.length === 0 || series.length === 0) return frame.empty();
  const { width, fontSize: f } = frame;
  const format = options.format ?? ((n: number) => formatNumber(n));
  const swatches = schemeSwatches(options.colors ?? 'categorical', series.length);
  const read =
    options.value ?? ((row: T, key: string) => readNumber(key as Accessor<T, number>, row, 0));
  const normalize = options.normalize ?? false;

  const items = rows.map((row, i) => {
    const values = series.map((s) => {
      const v = read(row, s.key);
      // Stacks only make sense for non-negative parts.
      return Number.isFinite(v) && v > 0 ? v : 0;
    });
    const total = values.reduce((a, b) => a + b, 0);
    return {
      row,
      i,
      label: readText(options.label, row, i),
      values,
      total,
      totalText: format(total),
    };
  });

  const legend = renderLegend(
    series.map((s, k) => ({ name: s.name, fill: swatches[k]?.fill ?? '' })),
    { width, fontSize: f },
  );
  const top = legend.height + Math.round(f * 0.6);
  const rowStep = Math.round(f * 2.3);
  const barHeight = Math.round(f * 1.45);
  const labelWidth = Math.min(max(items, (d) => textWidth(d.label, f)) ?? 0, width * 0.4);
  const totalWidth = (max(items, (d) => textWidth(d.totalText, f)) ?? 0) + 6;
  const x0 = labelWidth + 8;
  const maxTotal = max(items, (d) => d.total) ?? 0;
  const x = scaleLinear()
    .domain([0, normalize ? 1 : maxTotal > 0 ? maxTotal : 1])
    .range([x0, width - totalWidth - 2]);

  let body = legend.markup;
  for (const d of items) {
    const y = top + d.i * rowStep;
    const mid = y + rowStep / 2;
    let acc = 0;
    let segments = '';
    series.forEach((s, k) => {
      const v = d.values[k] ?? 0;
      if (v <= 0) return;
      const share = d.total > 0 ? v / d.total : 0;
      const a = x(normalize ? acc / d.total : acc);
      acc += v;
      const b = x(normalize ? acc / d.total : acc);
      const sw = swatches[k];
      const text = normalize ? formatPercent(share, 0) : format(v);
      const fits = textWidth(text, f) + 6 <= b - a;
      segments +=
        `<rect class="segment" data-series="${escapeXml(s.key)}" x="${num(a)}" y="${num(mid - barHeight / 2)}" width="${num(b - a)}" height="${num(barHeight)}" fill="${escapeXml(sw?.fill ?? '')}" stroke="var(--c-bg, #fff)" stroke-width="1">` +
        tooltip(`${d.label} · ${s.name}：${format(v)}（${formatPercent(share)}）`) +
        `</rect>` +
        (fits
          ? `<text x="${num((a + b) / 2)}" y="${num(mid)}" dy="0.35em" text-anchor="middle" fill="${escapeXml(sw?.text ?? '')}">${escapeXml(text)}</text>`
          : '');
    });
    const end = x(normalize ? (d.total > 0 ? 1 : 0) : d.total);
    const inner =
      `<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(rowStep)}" fill="transparent"/>` +
      `<text x="${num(labelWidth)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeXml(truncateText(d.label, labelWidth, f))}</text>` +
      segments +
      `<text class="value" x="${num(end + 4)}" y="${num(mid)}" dy="0.35em">${escapeXml(d.totalText)}</text>`;
    body += renderMark({
      className: 'bar',
      data: { ...filterData(options, d.row, d.i, d.label), total: d.total },
      label: `${d.label}：${series.map((s, k) => `${s.name} ${format(d.values[k] ?? 0)}`).join('，')}；合计 ${d.totalText}`,
      href: options.href?.(d.row, d.i),
      inner,
    });
  }

  return frame.svg({
    height: top + items.length * rowStep,
    describe: () => describe(items, series, format),
    interactive: options.href !== undefined,
    body,
  });
}

function describe(
  items: { values: number[]; total: number }[],
  series: readonly StackSeries[],
  format: (n: number) => string,
): string {
  const grand = items.reduce((a, d) => a + d.total, 0);
  const parts = series.map((s, k) => {
    const sum = items.reduce((a, d) => a + (d.values[k] ?? 0), 0);
    return `${s.name} ${format(sum)}${grand > 0 ? `（${formatPercent(sum / grand)}）` : ''}`;
  });
  return `共 ${items.length} 项，合计 ${format(grand)}：${parts.join('，')}。`;
}
