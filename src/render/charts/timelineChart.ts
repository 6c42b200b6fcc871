import { max, scaleUtc } from 'd3';
import { formatUtcTime, parseIsoDate, type DateStyle } from '../format.ts';
import { chartFrame, type ChartOptions } from './parts/chartFrame.ts';
import { renderLegend } from './parts/legend.ts';
import { NEUTRAL, swatch, type Swatch } from './parts/palette.ts';
import { filterData, renderMark, type FilterOptions } from './parts/renderMark.ts';
import { escapeXml, num } from './parts/svg.ts';
import { textWidth, truncateText } from './parts/textWidth.ts';
import { timeTicks } from './parts/timeTicks.ts';

/**
 * A campaign phase (as in campaign.json), or anything with a start and an end
 * (a project's works); `end` is inclusive, '' for one still under way at the
 * as-of date (drawn up to it).
 */
export interface Phase {
  name: string;
  start: string;
  end: string;
}

type Status = 'done' | 'active' | 'upcoming';

export interface TimelineChartOptions extends ChartOptions, FilterOptions<Phase> {
  /** 数据截止日期: phases ending on or before it are done; a marker shows where it falls. */
  asOf: string;
  /** What the rows are, for the description (default 阶段). */
  noun?: string;
  /** The statuses' names (default 已结束 / 进行中 / 未开始), e.g. 已完工 / 在建 / 未开工. */
  statusNames?: Partial<Record<Status, string>>;
  /** How the date range beside a bar reads (default `monthDay`; `yearMonth` for spans of years). */
  rangeStyle?: DateStyle;
}

const STATUS: Record<Status, { name: string; swatch: Swatch }> = {
  done: { name: '已结束', swatch: swatch('c-done', '#4d4d4d') },
  active: { name: '进行中', swatch: swatch('c-active', '#E69F00') },
  upcoming: { name: '未开始', swatch: swatch('c-upcoming', '#ffffff') },
};
const DAY = 86_400_000;
/** A background-coloured outline behind text that may cross a line. */
const HALO =
  ' paint-order="stroke" stroke="var(--c-bg, #fff)" stroke-width="4" stroke-linejoin="round"';

/**
 * Phases as bars on a date axis, one row each (so overlaps show), coloured by
 * status at `asOf`, with a dashed line at the end of the as-of day. A phase
 * without an end runs to that line.
 */
export function timelineChart(phases: readonly Phase[], options: TimelineChartOptions): string {
  const asOf = parseIsoDate(options.asOf);
  const nameOf = (s: Status) => options.statusNames?.[s] ?? STATUS[s].name;
  const rangeStyle = options.rangeStyle ?? 'monthDay';
  const items = phases
    .map((p, i) => {
      const open = p.end === '' && asOf !== null;
      return { p, i, open, start: parseIsoDate(p.start), end: open ? asOf : parseIsoDate(p.end) };
    })
    .filter(
      (d): d is typeof d & { start: number; end: number } =>
        d.start !== null && d.end !== null && d.start <= d.end,
    )
    .map((d) => {
      const status: Status =
        asOf === null || d.start > asOf ? 'upcoming' : d.end <= asOf && !d.open ? 'done' : 'active';
      const range = d.open
        ? `${formatUtcTime(d.start, rangeStyle)}起`
        : `${formatUtcTime(d.start, rangeStyle)}–${formatUtcTime(d.end, rangeStyle)}`;
      return { ...d, status, range };
    });
  const frame = chartFrame('timeline', options);
  if (items.length === 0) return frame.empty();

  const { width, fontSize: f } = frame;
  const present = new Set(items.map((d) => d.status));
  const legend = renderLegend(
    (['done', 'active', 'upcoming'] as const)
      .filter((s) => present.has(s))
      .map((s) => ({ name: nameOf(s), fill: STATUS[s].swatch.fill })),
    { width, fontSize: f },
  );
  // Room above the rows for the as-of label.
  const top = legend.height + Math.round(f * 2);
  const rowStep = Math.round(f * 2.3);
  const barHeight = Math.round(f * 1.45);
  const labelWidth = Math.min(max(items, (d) => textWidth(d.p.name, f)) ?? 0, width * 0.35);
  const bottom = top + items.length * rowStep;
  const height = bottom + Math.round(f * 2.2);

  const marker = asOf === null ? null : asOf + DAY;
  const t0 = Math.min(...items.map((d) => d.start), ...(marker === null ? [] : [asOf!]));
  const t1 = Math.max(...items.map((d) => d.end + DAY), ...(marker === null ? [] : [marker]));
  const x = scaleUtc()
    .domain([t0, t1])
    .range([labelWidth + 10, width - f]);

  let body = legend.markup;
  for (const tick of timeTicks(x, f)) {
    body +=
      `<line x1="${num(tick.x)}" x2="${num(tick.x)}" y1="${num(top)}" y2="${num(bottom)}" stroke="${NEUTRAL.grid}"/>` +
      `<text x="${num(tick.x)}" y="${num(bottom + 6 + f)}" text-anchor="${tick.anchor}" fill="${NEUTRAL.muted}">${escapeXml(tick.label)}</text>`;
  }
  body += `<line x1="${num(labelWidth + 10)}" x2="${num(width - f)}" y1="${num(bottom)}" y2="${num(bottom)}" stroke="${NEUTRAL.axis}"/>`;

  // The as-of line goes under the bars and their text.
  if (marker !== null && asOf !== null) {
    const mx = x(marker);
    const label = `截至${formatUtcTime(asOf, 'monthDay')}`;
    const half = textWidth(label, f) / 2;
    const anchor = mx + half > width ? 'end' : mx - half < 0 ? 'start' : 'middle';
    body +=
      `<g class="as-of" data-date="${escapeXml(options.asOf)}">` +
      `<line x1="${num(mx)}" x2="${num(mx)}" y1="${num(top - f * 0.6)}" y2="${num(bottom)}" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"/>` +
      `<text x="${num(mx)}" y="${num(top - f * 0.9)}" text-anchor="${anchor}">${escapeXml(label)}</text>` +
      `</g>`;
  }

  items.forEach((d, k) => {
    const y = top + k * rowStep;
    const mid = y + rowStep / 2;
    const a = x(d.start);
    const b = x(d.end + DAY);
    const sw = STATUS[d.status].swatch;
    const rangeWidth = textWidth(d.range, f);
    // The date range inside the bar if it fits, else beside it where there is room.
    let range = '';
    if (rangeWidth + 8 <= b - a) {
      range = `<text x="${num((a + b) / 2)}" y="${num(mid)}" dy="0.35em" text-anchor="middle" fill="${escapeXml(sw.text)}">${escapeXml(d.range)}</text>`;
    } else if (b + 4 + rangeWidth <= width) {
      range = `<text x="${num(b + 4)}" y="${num(mid)}" dy="0.35em"${HALO}>${escapeXml(d.range)}</text>`;
    } else if (a - 4 - rangeWidth >= labelWidth + 10) {
      range = `<text x="${num(a - 4)}" y="${num(mid)}" dy="0.35em" text-anchor="end"${HALO}>${escapeXml(d.range)}</text>`;
    }
    const inner =
      `<rect x="0" y="${num(y)}" width="${num(width)}" height="${num(rowStep)}" fill="transparent"/>` +
      `<text x="${num(labelWidth)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeXml(truncateText(d.p.name, labelWidth, f))}</text>` +
      `<rect class="phase-bar" x="${num(a)}" y="${num(mid - barHeight / 2)}" width="${num(Math.max(1, b - a))}" height="${num(barHeight)}" fill="${escapeXml(sw.fill)}" stroke="${NEUTRAL.axis}"${d.status === 'upcoming' ? ' stroke-dasharray="4 2"' : ''}/>` +
      range;
    body += renderMark({
      className: `phase phase-${d.status}`,
      data: {
        ...filterData(options, d.p, d.i, d.p.name),
        start: d.p.start,
        end: d.p.end,
        status: d.status,
      },
      label: d.open
        ? `${d.p.name}：${formatUtcTime(d.start)}起，${nameOf(d.status)}`
        : `${d.p.name}：${formatUtcTime(d.start)}至${formatUtcTime(d.end)}，${nameOf(d.status)}`,
      href: options.href?.(d.p, d.i),
      inner,
    });
  });

  const counts = (['done', 'active', 'upcoming'] as const).map(
    (s) => `${nameOf(s)} ${items.filter((d) => d.status === s).length} 个`,
  );
  const first = Math.min(...items.map((d) => d.start));
  const last = Math.max(...items.map((d) => d.end));
  return frame.svg({
    height,
    describe: () =>
      `共 ${items.length} 个${options.noun ?? '阶段'}，从${formatUtcTime(first)}到${formatUtcTime(last)}` +
      (asOf === null ? '。' : `；截至${formatUtcTime(asOf)}，${counts.join('、')}。`),
    interactive: options.href !== undefined,
    body,
  });
}
