/**
 * A table's markup as a pure string function, so tables re-rendered in the
 * browser (filters, the SQL page) are byte-for-byte the prerendered ones: same classes, same data-v, same "—" for missing.
 * Every value and attribute is escaped exactly as Astro escapes it (text:
 * & < > ' "; double-quoted attributes: & "), so hostile text stays inert.
 */
import type { TableColumn, TableRow } from './table.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';

/** Keeps names (the first column) on one line; the table scrolls sideways instead. */
export const NOWRAP_FIRST =
  '[&_td:first-child]:whitespace-nowrap [&_th:first-child]:whitespace-nowrap';

export interface TableHtmlOptions {
  caption?: string;
  /** Cell links: column key → href builder (as DataTable's `links`). */
  links?: Record<string, (row: TableRow) => string>;
  /** Extra classes on the wrapper, as DataTable's `class`. */
  class?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

/** Escapes text for HTML content and double-quoted attributes (Astro's escapeHTML). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>'"]/g, (c) => ESCAPES[c] ?? c);
}

/** Escapes a double-quoted attribute value (Astro's toAttributeString: & and " only). */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The text a cell shows (DataTable's `show`). */
export function cellText(col: TableColumn, v: TableRow[string]): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  switch (col.format) {
    case 'number':
      return formatNumber(Number(v));
    case 'wan':
      return formatNumber(Number(v), 1);
    case 'money':
      return formatNumber(Number(v), 2);
    case 'percent':
      return formatPercent(Number(v));
    case 'date':
      return formatDate(String(v));
    default:
      return String(v);
  }
}

/** Numeric columns are right-aligned and keep the raw value in data-v. */
export const isNumericColumn = (c: TableColumn): boolean =>
  c.format === 'number' || c.format === 'percent' || c.format === 'wan' || c.format === 'money';

/** A table of prepared rows, identical to `<DataTable columns rows caption links />`. */
export function renderTableHtml(
  columns: TableColumn[],
  rows: TableRow[],
  opts: TableHtmlOptions = {},
): string {
  const { caption, links = {} } = opts;
  const numClass = (c: TableColumn) => (isNumericColumn(c) ? ' class="num"' : '');
  const wrapClass = escapeAttr(['scroll-x', opts.class].filter(Boolean).join(' '));
  const head = columns
    .map((c) => `<th scope="col"${numClass(c)}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = rows
    .map((r) => {
      const cells = columns.map((c) => {
        const raw = r[c.key];
        const text = escapeHtml(cellText(c, raw));
        const dv =
          isNumericColumn(c) && typeof raw === 'number'
            ? ` data-v="${escapeAttr(String(raw))}"`
            : '';
        const href = links[c.key]?.(r);
        const inner = href ? `<a href="${escapeAttr(href)}">${text}</a>` : text;
        return `<td${numClass(c)}${dv}>${inner}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const cap = caption
    ? `<caption class="py-1 text-left text-sm text-muted">${escapeHtml(caption)}</caption>`
    : '';
  // Focusable, so a table wider than the phone scrolls by keyboard too (axe: scrollable-region-focusable).
  const region = caption ? ` role="region" aria-label="${escapeAttr(caption)}"` : '';
  return `<div class="${wrapClass}"${region} tabindex="0"><table>${cap}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
