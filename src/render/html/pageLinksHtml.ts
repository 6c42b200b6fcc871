/**
 * Page numbers to show around `current` (1-based): always the first and last,
 * `radius` neighbours each side, null for a gap ("…").
 */
export function pageWindow(current: number, last: number, radius = 1): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= last; p++) {
    const near = Math.abs(p - current) <= radius;
    // A gap of a single page shows that page instead of "…".
    const bridges =
      (p === 2 && current - radius === 3) || (p === last - 1 && current + radius === last - 2);
    if (p === 1 || p === last || near || bridges) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/**
 * Previous / numbered / next links of a paginated list, as HTML: works without
 * JavaScript (plain links). Used by PageLinks.astro (static pages) and by the
 * browser's filtered list (links to `?…&page=n`, applied in place). Escaped.
 */
import { escapeAttr } from './tableHtml.ts';

const LINK = 'tap justify-center rounded border border-line px-2 no-underline';

export function renderPageLinksHtml(
  current: number,
  last: number,
  href: (page: number) => string,
  label: string,
): string {
  if (last <= 1) return '';
  /** The opening of a link to `page`; the caller adds attributes and closes it. */
  const open = (page: number, extra = '') =>
    `<a class="${LINK}${extra}" href="${escapeAttr(href(page))}"`;
  const off = (text: string) =>
    `<span class="${LINK} text-muted" aria-disabled="true">${text}</span>`;
  const prev = current > 1 ? `${open(current - 1)} rel="prev">← 上一页</a>` : off('← 上一页');
  const next = current < last ? `${open(current + 1)} rel="next">下一页 →</a>` : off('下一页 →');
  const pages = pageWindow(current, last)
    .map((p) =>
      p === null
        ? '<li class="px-1 text-muted" aria-hidden="true">…</li>'
        : p === current
          ? `<li>${open(p, ' bg-ink font-bold text-surface')} aria-current="page" aria-label="第 ${p} 页">${p}</a></li>`
          : `<li>${open(p)} aria-label="第 ${p} 页">${p}</a></li>`,
    )
    .join('');
  return (
    `<nav aria-label="${escapeAttr(label)}" class="no-print my-3">` +
    `<ul class="m-0 flex list-none flex-wrap items-center gap-1 p-0">` +
    `<li>${prev}</li>${pages}<li>${next}</li></ul></nav>`
  );
}
