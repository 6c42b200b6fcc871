/**
 * Rectification items (attachment 4) as HTML: a table on wide screens, cards
 * on phones (src/components/topics/cardTable.css: the same rows, each cell
 * labelled, no script). Long free text wraps anywhere and is folded into a
 * "展开全文" disclosure. Used by RectificationTable.astro and by the browser
 * after a filter, search or sort changes. Every text is escaped.
 *
 * Column headers carry `data-sort-key` (a RECT_SORTS key): the browser makes
 * them sort buttons for the long list.
 */
import { formatDate } from '../../render/format.ts';
import { streetHref, villageHref } from '../../render/nav.ts';
import { overdueNote, splitLongText, type RectItem } from './rectification.ts';
import { escapeAttr, escapeHtml } from '../../render/html/tableHtml.ts';
import { renderListTableHtml, type ListColumn } from '../../render/html/listTableHtml.ts';

/** Columns: header, sort key, extra classes. */
export const RECT_COLUMNS = [
  { label: '问题编号', sort: 'issue_id', cls: '' },
  { label: '发现', sort: 'found_date', cls: 'min-w-24' },
  { label: '地点', sort: 'place', cls: 'min-w-20' },
  { label: '问题类别', sort: 'category', cls: 'min-w-16' },
  { label: '问题描述', sort: 'description', cls: 'min-w-40' },
  { label: '整改措施', sort: 'measures', cls: 'min-w-32' },
  { label: '责任单位', sort: 'responsible_unit', cls: 'min-w-20' },
  { label: '整改时限', sort: 'deadline', cls: 'min-w-28' },
  { label: '整改状态', sort: 'status', cls: '' },
] as const satisfies readonly ListColumn[];

const STATUS_CLASS: Record<string, string> = {
  已完成: 'border-ok-line bg-ok-bg text-ok-fg',
  整改中: 'border-info-line bg-info-bg text-info-fg',
  未启动: 'border-ink bg-surface text-ink',
};

const time = (iso: string) =>
  `<time datetime="${escapeAttr(iso)}">${escapeHtml(formatDate(iso))}</time>`;

/** Free text, folded after 160 characters. */
function longText(value: string | null, empty: string): string {
  const { head, rest } = splitLongText(value ?? '');
  if (!rest) return escapeHtml(head || empty);
  return (
    `${escapeHtml(head)}…<details><summary class="cursor-pointer text-accent">展开全文</summary>` +
    `${escapeHtml(rest)}</details>`
  );
}

function itemRow(r: RectItem, n: number, asOf: string): string {
  const late = r.overdue && r.status !== '已完成' ? ' class="is-late"' : '';
  const village = r.village_code
    ? `<a href="${escapeAttr(villageHref(r.village_code))}">${escapeHtml(r.village_name ?? r.village_code)}</a>`
    : '<span class="text-muted">（全街道）</span>';
  const note = overdueNote(r, asOf);
  const statusClass = [
    'rounded border px-1.5 font-semibold whitespace-nowrap',
    STATUS_CLASS[r.status],
  ]
    .filter(Boolean)
    .join(' ');
  return (
    `<tr data-issue="${escapeAttr(r.issue_id)}"${late}>` +
    `<th scope="row" class="nowrap"><span class="sr-only">第 ${n} 项 </span>${escapeHtml(r.issue_id)}</th>` +
    `<td data-label="发现">${time(r.found_date)} <span class="text-muted">${escapeHtml(r.source_level)}级${escapeHtml(r.source_type)}</span></td>` +
    `<td data-label="地点"><a href="${escapeAttr(streetHref(r.street))}">${escapeHtml(r.street)}</a> ${village}</td>` +
    `<td data-label="类别">${escapeHtml(r.category)}</td>` +
    `<td data-label="问题描述">${longText(r.description, '')}</td>` +
    `<td data-label="整改措施">${longText(r.measures, '—')}</td>` +
    `<td data-label="责任单位">${escapeHtml(r.responsible_unit || '—')}</td>` +
    `<td data-label="整改时限">${time(r.deadline)}</td>` +
    `<td data-label="状态"><span class="${escapeAttr(statusClass)}">${escapeHtml(r.status)}</span>` +
    (r.completed_date
      ? `<span class="whitespace-nowrap"> 完成于 ${time(r.completed_date)}</span>`
      : '') +
    (note ? `<strong class="block text-accent">${escapeHtml(note)}</strong>` : '') +
    `</td></tr>`
  );
}

export interface RectTableOptions {
  asOf: string;
  caption: string;
  /** Number of the first item (1 on page 1, 51 on page 2 …). */
  start?: number;
  /** The list's current order, shown as aria-sort on its header. */
  sort?: { key: string; dir: 'asc' | 'desc' };
}

export function renderRectificationTableHtml(
  items: readonly RectItem[],
  { asOf, caption, start = 1, sort }: RectTableOptions,
): string {
  const body = items.map((r, i) => itemRow(r, start + i, asOf)).join('');
  return renderListTableHtml(RECT_COLUMNS, body, { caption, sort });
}
