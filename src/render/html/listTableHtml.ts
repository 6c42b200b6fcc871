/**
 * The frame of a long list's table (a topic page's 问题清单, 项目清单): a
 * table on wide screens, cards on phones (src/components/topics/cardTable.css),
 * column headers carrying `data-sort-key` — the browser makes them sort
 * buttons that rerun the list's query (src/client/topic/topicPageTables.ts) —
 * and `aria-sort` on the column the list is ordered by. Escaped.
 */
import { escapeAttr, escapeHtml } from './tableHtml.ts';

/** A column of a long list: header, the list's sort key for it ('' if it does not sort), extra classes. */
export interface ListColumn {
  readonly label: string;
  readonly sort: string;
  readonly cls: string;
}

/** `<table class="card-table">` with `columns` as its head and the rows' markup as its body. */
export function renderListTableHtml(
  columns: readonly ListColumn[],
  body: string,
  { caption, sort }: { caption: string; sort?: { key: string; dir: 'asc' | 'desc' } },
): string {
  const head = columns
    .map((c) => {
      const cls = c.cls ? ` class="${escapeAttr(c.cls)}"` : '';
      const aria =
        c.sort && sort?.key === c.sort
          ? ` aria-sort="${sort.dir === 'desc' ? 'descending' : 'ascending'}"`
          : '';
      const key = c.sort ? ` data-sort-key="${escapeAttr(c.sort)}"` : '';
      return `<th scope="col"${cls}${key}${aria}>${escapeHtml(c.label)}</th>`;
    })
    .join('');
  return (
    `<div class="card-table-wrap"><table class="card-table">` +
    `<caption class="py-1 text-left text-sm text-muted">${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
  );
}
