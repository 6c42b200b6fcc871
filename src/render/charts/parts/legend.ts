import { escapeXml, num } from './svg.ts';
import { textWidth } from './textWidth.ts';

export interface LegendItem {
  name: string;
  fill: string;
  /** Draw a line sample (line charts) instead of a square. */
  line?: { dash: string; marker: string };
}

/**
 * A legend that flows left to right and wraps at `width`. Returns the markup
 * and the height it takes, so the chart can place its plot below.
 */
export function renderLegend(
  items: readonly LegendItem[],
  { x = 0, y = 0, width, fontSize }: { x?: number; y?: number; width: number; fontSize: number },
): { markup: string; height: number } {
  if (items.length === 0) return { markup: '', height: 0 };
  const lineHeight = Math.round(fontSize * 1.6);
  const sample = (it: LegendItem): number => (it.line ? fontSize * 2 : fontSize);
  let cx = x;
  let cy = y;
  let out = '';
  for (const it of items) {
    const w = sample(it) + 6 + textWidth(it.name, fontSize);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += lineHeight;
    }
    const mid = cy + lineHeight / 2;
    if (it.line) {
      out +=
        `<line x1="${num(cx)}" x2="${num(cx + fontSize * 2)}" y1="${num(mid)}" y2="${num(mid)}" stroke="${escapeXml(it.fill)}" stroke-width="2.5"${it.line.dash ? ` stroke-dasharray="${it.line.dash}"` : ''}/>` +
        `<path transform="translate(${num(cx + fontSize)},${num(mid)})" d="${it.line.marker}" fill="${escapeXml(it.fill)}" stroke="var(--c-bg, #fff)"/>`;
    } else {
      out += `<rect x="${num(cx)}" y="${num(mid - fontSize / 2)}" width="${num(fontSize)}" height="${num(fontSize)}" fill="${escapeXml(it.fill)}" stroke="var(--c-axis, #737373)" stroke-width="0.5"/>`;
    }
    out += `<text x="${num(cx + sample(it) + 6)}" y="${num(mid)}" dy="0.35em">${escapeXml(it.name)}</text>`;
    cx += w + fontSize;
  }
  return { markup: `<g class="legend">${out}</g>`, height: cy - y + lineHeight };
}
