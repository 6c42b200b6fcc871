import { max, scaleQuantize } from 'd3';
import { formatNumber } from '../format.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { renderLegend } from './parts/legend.ts';
import {
  NEUTRAL,
  categoricalSwatch,
  colorSwatch,
  sequentialSwatches,
  swatch,
  type Swatch,
} from './parts/palette.ts';
import { renderMark } from './parts/renderMark.ts';
import { escapeXml, num } from './parts/svg.ts';
import { textWidth, truncateText, wrapText } from './parts/textWidth.ts';

/** One cell: a count, or a category such as 是/否. */
export interface HeatmapCell {
  row: string;
  column: string;
  value: number | string | null;
}

export interface HeatmapChartOptions extends ChartOptions {
  /** Row labels, top to bottom (cells for other rows are ignored). */
  rows: readonly string[];
  /** Column labels, left to right. */
  columns: readonly string[];
  format?: (n: number) => string;
  /** The order text values take in the legend (default 是, 否, 不适用; others as they come). */
  categories?: readonly string[];
  /**
   * Colours for text values, e.g. `{ 是: 'var(--c-yes, #0072B2)' }` (defaults cover 是/否/不适用);
   * text on them as colorSwatch gives it.
   */
  colors?: Readonly<Record<string, string>>;
  /** `data-filter-key` on each cell, with its row label as value (e.g. `village`). */
  filterKey?: string;
  /** `data-filter-value` for a row (default: the row label). */
  filterValue?: (row: string) => string;
  /** Link per cell, e.g. to the village's page. */
  href?: (cell: HeatmapCell) => string | null | undefined;
}

const DEFAULT_CATEGORIES: Record<string, Swatch> = {
  是: swatch('c-yes', '#0072B2'),
  否: swatch('c-no', '#E69F00'),
  不适用: swatch('c-na', '#f2f2f2'),
};

/**
 * A matrix with row labels on the left and column headers (wrapped) on top.
 * Each cell prints its value, so it reads in greyscale; counts get a five-step
 * light-to-dark scale, text values the colours in `colors`.
 */
export function heatmapChart(cells: readonly HeatmapCell[], options: HeatmapChartOptions): string {
  const { rows, columns } = options;
  const frame = chartFrame('heatmap', options);
  if (rows.length === 0 || columns.length === 0) return frame.empty();
  const { width, fontSize: f } = frame;
  const format = options.format ?? ((n: number) => formatNumber(n));

  const byKey = new Map<string, HeatmapCell>();
  for (const c of cells) byKey.set(`${c.row}\u0000${c.column}`, c);
  const lookup = (r: string, c: string) => byKey.get(`${r}\u0000${c}`);

  // Colours: counts on a quantized sequential scale, text values by category.
  const numbers: number[] = [];
  const categories: string[] = [];
  for (const c of byKey.values()) {
    if (typeof c.value === 'number' && Number.isFinite(c.value)) numbers.push(c.value);
    else if (typeof c.value === 'string' && c.value !== '' && !categories.includes(c.value))
      categories.push(c.value);
  }
  // Known categories in their natural order (是 before 否), others as they come.
  const known = options.categories ?? Object.keys(DEFAULT_CATEGORIES);
  categories.sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99));
  const steps = sequentialSwatches(5);
  const hi = max(numbers) ?? 0;
  const quantize = scaleQuantize<number>()
    .domain([0, hi > 0 ? hi : 1])
    .range([0, 1, 2, 3, 4]);
  const categorySwatch = new Map<string, Swatch>();
  let nextColor = 0;
  for (const cat of categories) {
    const given = options.colors?.[cat];
    if (given) categorySwatch.set(cat, colorSwatch(given));
    else if (DEFAULT_CATEGORIES[cat]) categorySwatch.set(cat, DEFAULT_CATEGORIES[cat]);
    else categorySwatch.set(cat, categoricalSwatch(nextColor++));
  }
  const swatchFor = (v: HeatmapCell['value'] | undefined): Swatch => {
    if (typeof v === 'number' && Number.isFinite(v))
      return v <= 0 ? NEUTRAL.empty : (steps[quantize(v)] ?? NEUTRAL.empty);
    if (typeof v === 'string' && v !== '') return categorySwatch.get(v) ?? NEUTRAL.empty;
    return { fill: 'none', text: 'currentColor' };
  };
  const textFor = (v: HeatmapCell['value'] | undefined): string =>
    typeof v === 'number'
      ? Number.isFinite(v)
        ? format(v)
        : '—'
      : v === null || v === undefined || v === ''
        ? '—'
        : v;

  const legend = renderLegend(
    categories.map((cat) => ({ name: cat, fill: categorySwatch.get(cat)?.fill ?? '' })),
    { width, fontSize: f },
  );
  const labelWidth = Math.min(max(rows, (r) => textWidth(r, f)) ?? 0, width * 0.35);
  const x0 = labelWidth + 8;
  const cellWidth = (width - x0) / columns.length;
  const headerLines = columns.map((c) => wrapText(c, cellWidth - 4, f, 3));
  const lineHeight = Math.round(f * 1.25);
  const headerHeight = (max(headerLines, (l) => l.length) ?? 1) * lineHeight + 6;
  const top = legend.height + (legend.height > 0 ? Math.round(f * 0.6) : 0);
  const gridTop = top + headerHeight;
  const cellHeight = Math.round(f * 2.3);

  let body = legend.markup;
  headerLines.forEach((lines, j) => {
    const cx = x0 + (j + 0.5) * cellWidth;
    const y0 = gridTop - 6 - (lines.length - 1) * lineHeight;
    body +=
      `<text class="column" x="${num(cx)}" y="${num(y0)}" text-anchor="middle">` +
      lines
        .map(
          (l, k) => `<tspan x="${num(cx)}" y="${num(y0 + k * lineHeight)}">${escapeXml(l)}</tspan>`,
        )
        .join('') +
      `</text>`;
  });

  rows.forEach((r, i) => {
    const y = gridTop + i * cellHeight;
    const mid = y + cellHeight / 2;
    body += `<text class="row" x="${num(labelWidth)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeXml(truncateText(r, labelWidth, f))}</text>`;
    columns.forEach((c, j) => {
      const cell = lookup(r, c);
      const v = cell?.value;
      const sw = swatchFor(v);
      const text = textFor(v);
      const cx = x0 + j * cellWidth;
      const inner =
        `<rect x="${num(cx + 1)}" y="${num(y + 1)}" width="${num(cellWidth - 2)}" height="${num(cellHeight - 2)}" fill="${escapeXml(sw.fill)}" stroke="${NEUTRAL.grid}"/>` +
        `<text x="${num(cx + cellWidth / 2)}" y="${num(mid)}" dy="0.35em" text-anchor="middle" fill="${escapeXml(sw.text)}">${escapeXml(truncateText(text, cellWidth - 6, f))}</text>`;
      body += renderMark({
        className: 'cell',
        data: {
          'filter-key': options.filterKey,
          'filter-value': options.filterKey ? (options.filterValue?.(r) ?? r) : undefined,
          row: r,
          column: c,
          value:
            typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' ? v : undefined,
        },
        label: `${r} · ${c}：${cell ? text : '无数据'}`,
        href: cell ? options.href?.(cell) : undefined,
        inner,
      });
    });
  });

  return frame.svg({
    height: gridTop + rows.length * cellHeight,
    describe: () => describe(rows, columns, lookup, categories, numbers, format),
    interactive: options.href !== undefined,
    body,
  });
}

function describe(
  rows: readonly string[],
  columns: readonly string[],
  lookup: (r: string, c: string) => HeatmapCell | undefined,
  categories: string[],
  numbers: number[],
  format: (n: number) => string,
): string {
  const size = `${rows.length} 行 × ${columns.length} 列`;
  const parts: string[] = [];
  for (const cat of categories) {
    let n = 0;
    for (const r of rows) for (const c of columns) if (lookup(r, c)?.value === cat) n++;
    parts.push(`“${cat}” ${n} 格`);
  }
  if (numbers.length > 0) {
    let best: { r: string; c: string; v: number } | null = null;
    let sum = 0;
    for (const r of rows)
      for (const c of columns) {
        const v = lookup(r, c)?.value;
        if (typeof v !== 'number' || !Number.isFinite(v)) continue;
        sum += v;
        if (!best || v > best.v) best = { r, c, v };
      }
    parts.push(`合计 ${format(sum)}`);
    if (best) parts.push(`最大为${best.r} · ${best.c}（${format(best.v)}）`);
  }
  return `${size}${parts.length > 0 ? '，' + parts.join('，') : ''}。`;
}
