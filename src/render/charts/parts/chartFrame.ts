import { escapeXml, num } from './svg.ts';

/** Options every chart takes. */
export interface ChartOptions {
  /** Chart title: the SVG's `<title>` and accessible name. */
  title: string;
  /** One-sentence text alternative (`<desc>`); a summary of the numbers is generated if omitted. */
  description?: string;
  /**
   * Prefix for the ids inside the SVG; must be unique on the page. Defaults to
   * a hash of the title, so two charts with the same title need explicit ids.
   */
  id?: string;
  /**
   * Width in CSS px the chart is laid out for (default 640). The SVG scales to
   * its container (`width="100%"`), so render at the width it will be shown at
   * — e.g. 360 for phones — to keep text at `fontSize`.
   */
  width?: number;
  /** Label size in px at `width` (default 14). */
  fontSize?: number;
}

export const DEFAULT_WIDTH = 640;
export const DEFAULT_FONT_SIZE = 14;
/** Narrower than this, nothing useful fits. */
const MIN_WIDTH = 200;

/** Width and font size with defaults applied and nonsense clamped. */
export function chartSize(options: ChartOptions): { width: number; fontSize: number } {
  const w = options.width ?? DEFAULT_WIDTH;
  const f = options.fontSize ?? DEFAULT_FONT_SIZE;
  return {
    width: Number.isFinite(w) ? Math.max(MIN_WIDTH, Math.round(w)) : DEFAULT_WIDTH,
    fontSize: Number.isFinite(f) && f > 0 ? f : DEFAULT_FONT_SIZE,
  };
}

/** FNV-1a: a short, stable hash for default ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A valid, unique-enough id: the caller's (reduced to `[A-Za-z0-9_-]`) or `chart-<hash of kind and title>`. */
export function chartId(kind: string, options: ChartOptions): string {
  const given = (options.id ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  if (given !== '') return /^[A-Za-z]/.test(given) ? given : `chart-${given}`;
  return `chart-${kind}-${hash(options.title)}`;
}

export interface ChartFrame {
  kind: string;
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  /** The chart has links: use role="group" so they stay reachable (role="img" hides its children). */
  interactive?: boolean;
  body: string;
}

/** The outer `<svg>`: viewBox at the layout width, `<title>` and `<desc>` wired up for assistive technology. */
export function renderChartSvg(frame: ChartFrame): string {
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  const aria = frame.interactive
    ? `role="group" aria-labelledby="${titleId}" aria-describedby="${descId}"`
    : `role="img" aria-labelledby="${titleId} ${descId}"`;
  // No style attributes or <style>: the site's Content-Security-Policy would block them.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${frame.id}" class="chart chart-${frame.kind}"` +
    ` viewBox="0 0 ${num(frame.width)} ${num(frame.height)}" width="100%" ${aria}` +
    ` font-size="${num(frame.fontSize)}" fill="currentColor" data-chart="${frame.kind}">` +
    `<title id="${titleId}">${escapeXml(frame.title)}</title>` +
    `<desc id="${descId}">${escapeXml(frame.description)}</desc>` +
    frame.body +
    `</svg>`
  );
}

export const EMPTY_MESSAGE = '暂无数据';

/** The chart's empty state: same frame, a centred "暂无数据". */
export function renderEmptyChart(kind: string, options: ChartOptions): string {
  const { width, fontSize } = chartSize(options);
  const height = Math.round(fontSize * 5);
  return renderChartSvg({
    kind,
    id: chartId(kind, options),
    title: options.title,
    description: options.description ?? `${EMPTY_MESSAGE}。`,
    width,
    height,
    fontSize,
    body:
      `<rect x="0.5" y="0.5" width="${num(width - 1)}" height="${num(height - 1)}" fill="none" stroke="var(--c-grid, #d9d9d9)" stroke-dasharray="4 4"/>` +
      `<text class="empty" x="${num(width / 2)}" y="${num(height / 2)}" dy="0.35em" text-anchor="middle">${EMPTY_MESSAGE}</text>`,
  });
}

/** The outer `<svg>` of a chart's body: its height, its description when the options give none, its links. */
export interface FrameBody {
  height: number;
  /** The generated text alternative (`<desc>`), used when the options have no description. */
  describe: () => string;
  interactive?: boolean;
  body: string;
}

/** What every chart starts from: its size and id from the options, its empty state, its `<svg>`. */
export interface Frame {
  id: string;
  width: number;
  fontSize: number;
  /** The chart with nothing to draw: 暂无数据 in the same frame. */
  empty(): string;
  svg(body: FrameBody): string;
}

/** The frame of a chart of `kind` (`bar`, `line` …: its class `chart-<kind>` and default id). */
export function chartFrame(kind: string, options: ChartOptions): Frame {
  const { width, fontSize } = chartSize(options);
  const id = chartId(kind, options);
  return {
    id,
    width,
    fontSize,
    empty: () => renderEmptyChart(kind, options),
    svg: ({ height, describe, interactive, body }) =>
      renderChartSvg({
        kind,
        id,
        title: options.title,
        description: options.description ?? describe(),
        width,
        height,
        fontSize,
        interactive,
        body,
      }),
  };
}
