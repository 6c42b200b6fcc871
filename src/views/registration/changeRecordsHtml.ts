/**
 * The latest household change records (attachment 5) as HTML: the first few
 * as a list, the rest behind "再显示 N 条". The markup of
 * src/components/ChangeRecordItem.astro as a string, so the registration page
 * renders the same list at build time and after a filter changes. Escaped.
 */
import { formatDate, formatDelta, formatNumber } from '../../render/format.ts';
import type { Row } from '../../engine/engine.ts';
import { villageHref } from '../../render/nav.ts';
import { escapeAttr, escapeHtml } from '../../render/html/tableHtml.ts';
import { toText } from '../shared/numbers.ts';

function recordItemHtml(r: Row): string {
  const date = toText(r.date);
  const persons = formatDelta(Number(r.persons_delta ?? 0));
  const change =
    persons !== '0' ? `<span class="tabular-nums">（${escapeHtml(persons)} 人）</span>` : '';
  return (
    `<li class="py-2">` +
    `<p class="text-sm text-muted"><time datetime="${escapeAttr(date)}">${escapeHtml(formatDate(date))}</time> · ${escapeHtml(toText(r.street))}</p>` +
    `<p><strong>${escapeHtml(toText(r.change_type))}</strong>${change} · ` +
    `<a href="${escapeAttr(villageHref(toText(r.village_code)))}">${escapeHtml(toText(r.village_name))}</a></p>` +
    `<p class="text-sm">${escapeHtml(toText(r.reason) || '（未填写原因）')}</p>` +
    `</li>`
  );
}

/** `changeRecords` rows: `open` shown at once, the rest folded. */
export function renderChangeRecordsHtml(records: readonly Row[], open: number): string {
  if (records.length === 0) return '<p class="text-sm text-muted">没有符合条件的变动记录。</p>';
  const first = records.slice(0, open);
  const rest = records.slice(open);
  let html =
    `<ol class="list-none divide-y divide-line border-y border-line pl-0" aria-label="最近的变动记录">` +
    first.map(recordItemHtml).join('') +
    `</ol>`;
  if (rest.length > 0)
    html +=
      `<details><summary class="tap cursor-pointer text-accent">再显示 ${formatNumber(rest.length)} 条</summary>` +
      `<ol class="list-none divide-y divide-line border-b border-line pl-0" aria-label="更早的变动记录" start="${open + 1}">` +
      rest.map(recordItemHtml).join('') +
      `</ol></details>`;
  return html;
}
