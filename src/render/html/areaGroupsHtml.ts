/**
 * Per-street disclosures of village tables ("田墘街道（9 个村）▸ table"), as
 * an HTML string: the prerendered page and the browser (after a filter
 * changes) render the same markup. Every text goes through escapeHtml.
 */
import { formatNumber } from '../format.ts';
import type { TableColumn, TableRow } from './table.ts';
import { escapeAttr, escapeHtml, renderTableHtml } from './tableHtml.ts';

export interface AreaGroupsOptions {
  /** Element ids `<idPrefix>-1`, `-2` … */
  idPrefix: string;
  columns: TableColumn[];
  /** Start open (few villages in all). */
  open: boolean;
  caption: (street: string) => string;
  links?: Record<string, (row: TableRow) => string>;
  /** Extra classes on each table's wrapper. */
  tableClass?: string;
  /** A "街道详情 →" link under each table. */
  streetLink?: (street: string) => { href: string; text: string };
  /** Shown when there is no group (a filter matched nothing). */
  empty?: string;
}

export function renderAreaGroupsHtml(
  groups: readonly { street: string; rows: TableRow[] }[],
  o: AreaGroupsOptions,
): string {
  if (groups.length === 0)
    return `<p class="text-sm text-muted">${escapeHtml(o.empty ?? '没有符合条件的村。')}</p>`;
  return groups
    .map((g, i) => {
      const table = renderTableHtml(o.columns, g.rows, {
        caption: o.caption(g.street),
        links: o.links,
        class: o.tableClass,
      });
      const link = o.streetLink?.(g.street);
      const more = link
        ? `<p class="text-sm"><a class="tap" href="${escapeAttr(link.href)}">${escapeHtml(link.text)}</a></p>`
        : '';
      return (
        `<details class="my-2"${o.open ? ' open' : ''} id="${escapeAttr(`${o.idPrefix}-${i + 1}`)}">` +
        `<summary class="tap cursor-pointer font-bold">${escapeHtml(g.street)}（${formatNumber(g.rows.length)} 个村）` +
        `<span class="ml-2 text-sm font-normal text-accent">展开 / 收起</span></summary>` +
        `${table}${more}</details>`
      );
    })
    .join('');
}
