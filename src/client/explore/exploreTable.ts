/**
 * Browser: a query result as the site's table (src/render/html/tableHtml.ts, the same
 * markup as DataTable), with column headers that sort the result rows.
 * Sorting covers every fetched row; the table shows the first `shownLimit`.
 */
import type { ExploreColumn } from '../../views/explore/exploreColumns.ts';
import { sortResultRows, type SortDirection } from '../../views/explore/exploreSort.ts';
import type { TableRow } from '../../render/html/table.ts';
import { renderTableHtml } from '../../render/html/tableHtml.ts';

export interface ResultTable {
  /** The rows in the order shown (for the CSV). */
  rows(): readonly TableRow[];
}

/** Renders `rows` into `container` (replacing what was there) and keeps it sorted by the last clicked header. */
export function mountResultTable(
  container: HTMLElement,
  columns: readonly ExploreColumn[],
  rows: readonly TableRow[],
  shownLimit: number,
): ResultTable {
  // A fresh element per result, so an earlier result's click handler goes with it.
  const host = document.createElement('div');
  container.replaceChildren(host);
  let sorted = rows;
  let sort: { index: number; direction: SortDirection } | undefined;

  const render = () => {
    host.innerHTML = renderTableHtml([...columns], sorted.slice(0, shownLimit), {
      caption: '查询结果：点击列名排序',
      class: 'explore-table',
    });
    // The wrapper scrolls (both ways): keyboard users need to reach it.
    const scroller = host.firstElementChild;
    scroller?.setAttribute('tabindex', '0');
    scroller?.setAttribute('role', 'region');
    scroller?.setAttribute('aria-label', '查询结果表（可滚动）');
    host.querySelectorAll<HTMLTableCellElement>('thead th').forEach((th, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'explore-sort';
      button.dataset.column = String(index);
      button.append(...th.childNodes);
      const mark = document.createElement('span');
      mark.setAttribute('aria-hidden', 'true');
      mark.className = 'explore-sort-mark';
      if (sort?.index === index) {
        th.setAttribute('aria-sort', sort.direction);
        mark.textContent = sort.direction === 'ascending' ? '▲' : '▼';
      } else {
        mark.textContent = '↕';
      }
      button.append(mark);
      th.replaceChildren(button);
    });
  };

  host.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.explore-sort');
    if (!button) return;
    const index = Number(button.dataset.column);
    const column = columns[index];
    if (!column) return;
    const direction: SortDirection =
      sort?.index === index && sort.direction === 'ascending' ? 'descending' : 'ascending';
    sort = { index, direction };
    sorted = sortResultRows(rows, column.key, direction);
    render();
    host.querySelector<HTMLButtonElement>(`button.explore-sort[data-column="${index}"]`)?.focus();
  });

  render();
  return { rows: () => sorted };
}
