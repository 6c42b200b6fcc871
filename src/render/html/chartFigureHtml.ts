/**
 * The markup of src/components/ChartFigure.astro as a pure string function:
 * title, one-line takeaway, the SVG, its numbers as a table one tap away, and
 * the download buttons (hidden until src/client/chartDownloads.ts enables them).
 * The browser re-renders figures with it after a filter changes, so the
 * prerendered and re-rendered figures are the same markup. Texts are escaped;
 * the SVG comes from the chart functions, which escape their own text.
 */
import type { TableColumn, TableRow } from './table.ts';
import { escapeAttr, escapeHtml, renderTableHtml } from './tableHtml.ts';

/** One figure's content; `id` is its element's id. */
export interface FigureView {
  id: string;
  title: string;
  takeaway: string;
  svg: string;
  columns: TableColumn[];
  rows: TableRow[];
  links?: Record<string, (row: TableRow) => string>;
}

/** The table inside a figure: its caption is the figure's title. */
export function renderFigureTableHtml(
  fig: Pick<FigureView, 'title' | 'columns' | 'rows' | 'links'>,
): string {
  return renderTableHtml(fig.columns, fig.rows, { caption: fig.title, links: fig.links });
}

export function renderChartFigureHtml(fig: FigureView): string {
  const { id } = fig;
  const button = (kind: string, label: string) =>
    `<button type="button" class="tap text-accent underline" data-download="${kind}">${label}</button>`;
  return (
    `<figure class="card my-4" id="${escapeAttr(id)}" data-chart="${escapeAttr(id)}">` +
    `<h3 class="mt-0" data-figure-title>${escapeHtml(fig.title)}</h3>` +
    `<p class="mb-2 text-sm text-muted" data-takeaway>${escapeHtml(fig.takeaway)}</p>` +
    `<div class="chart-svg">${fig.svg}</div>` +
    `<details class="mt-2"><summary class="tap cursor-pointer text-accent">查看数据表</summary>` +
    renderFigureTableHtml(fig) +
    `</details>` +
    `<p class="chart-downloads no-print mt-1 flex flex-wrap gap-x-3 text-sm" hidden>` +
    button('csv', '下载数据 CSV') +
    button('svg', '下载图片 SVG') +
    button('png', '下载图片 PNG') +
    `</p></figure>`
  );
}
