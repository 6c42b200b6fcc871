/**
 * Browser: sortable tables. Every column header becomes a button; a DataTable
 * (a few hundred rows at most) sorts in place, by the raw number in `data-v`
 * or the text; the page's long list (inside `[data-list]`, paginated in SQL)
 * asks the caller to rerun its query instead. Tables outside a figure get a
 * "下载 CSV" button (figures have their own downloads). Idempotent: run again
 * after a table was re-rendered.
 */
import { chartDataCsv } from '../../render/charts/chartDataCsv.ts';
import { compareCells, nextSortDir, type SortDir } from '../../render/html/tableSort.ts';
import { saveText } from '../saveFile.ts';

export type ListSortHandler = (key: string) => void;

/** A rendered table as CSV: header texts, raw numbers from data-v, other cells as text. */
export function tableCsv(table: HTMLTableElement): string {
  const columns = [...table.querySelectorAll('thead th')].map((th, i) => ({
    header: th.textContent?.trim() ?? '',
    value: String(i),
  }));
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
    Object.fromEntries(
      [...tr.querySelectorAll<HTMLElement>('th, td')].map((td, i) => [
        String(i),
        td.dataset.v !== undefined && td.dataset.v !== ''
          ? Number(td.dataset.v)
          : (td.textContent?.trim() ?? ''),
      ]),
    ),
  );
  return chartDataCsv<Record<string, string | number>>(rows, columns);
}

function sortButton(th: HTMLTableCellElement): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'sort-button';
  b.append(...th.childNodes);
  th.append(b);
  return b;
}

/** Sorts a DataTable's body by column `col`; a last row labelled 合计 stays last. */
function sortInPlace(table: HTMLTableElement, col: number, dir: SortDir): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const last = rows.at(-1);
  const pinned = last && last.cells[0]?.textContent?.trim() === '合计' ? rows.pop() : undefined;
  const cell = (r: HTMLTableRowElement) => {
    const c = r.cells[col];
    return { v: c?.dataset.v, text: c?.textContent?.trim() ?? '' };
  };
  rows.sort((a, b) => compareCells(cell(a), cell(b), dir));
  body.append(...rows, ...(pinned ? [pinned] : []));
}

function enhanceTable(table: HTMLTableElement, onListSort: ListSortHandler | undefined): void {
  if (table.dataset.sortable) return;
  table.dataset.sortable = '1';
  const list = table.closest('[data-list]');
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
  headers.forEach((th, col) => {
    const listKey = th.dataset.sortKey;
    if (list && (!listKey || !onListSort)) return;
    const button = sortButton(th);
    button.addEventListener('click', () => {
      if (list && listKey) return onListSort?.(listKey);
      const dir = nextSortDir(th.getAttribute('aria-sort'));
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      sortInPlace(table, col, dir);
    });
  });
}

/** A "下载 CSV" button after a table that is not inside a figure. */
function addCsvButton(wrap: HTMLElement, table: HTMLTableElement, name: string): void {
  if (wrap.nextElementSibling?.classList.contains('table-csv')) return;
  const p = document.createElement('p');
  p.className = 'table-csv no-print mt-1 text-sm';
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'tap text-accent underline';
  b.textContent = '下载此表 CSV';
  b.addEventListener('click', () => saveText(tableCsv(table), `${name}.csv`));
  p.append(b);
  wrap.after(p);
}

/** Enhances every table under `root`; `onListSort` handles the long list's headers. */
export function enhanceTables(root: ParentNode, onListSort?: ListSortHandler): void {
  const page = location.pathname.split('/').filter(Boolean).join('-') || 'table';
  root.querySelectorAll<HTMLTableElement>('main table').forEach((table, i) => {
    enhanceTable(table, onListSort);
    const wrap = table.closest<HTMLElement>('.scroll-x');
    if (wrap && !wrap.closest('figure, [data-list]'))
      addCsvButton(wrap, table, `${page}-${wrap.closest('[id]')?.id ?? i + 1}`);
  });
}
