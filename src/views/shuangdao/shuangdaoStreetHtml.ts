/**
 * One street's 双到 villages as HTML (attachment 3): the village × 领域 matrix
 * figure and the table of shortcomings and proposed projects (a table on wide
 * screens, cards on phones: src/components/topics/cardTable.css). Used by the
 * /shuangdao/ pages at build time and by the browser after a filter changes.
 * Every text is escaped.
 */
import { heatmapChart } from '../../render/charts/index.ts';
import { DIMENSIONS } from '../../contract/enums.ts';
import { formatNumber } from '../../render/format.ts';
import { CHART_WIDTH } from '../../render/charts/chartWidth.ts';
import { villageHref } from '../../render/nav.ts';
import { matrixTakeaway, type ShortcomingRow, type StreetMatrix } from './shuangdao.ts';
import { columns, type TableColumn, type TableRow } from '../../render/html/table.ts';
import { escapeAttr, escapeHtml } from '../../render/html/tableHtml.ts';
import { renderChartFigureHtml } from '../../render/html/chartFigureHtml.ts';

const dash = (v: string | null) => escapeHtml(v || '—');

/** The shortcomings table of one street (ShortcomingTable.astro). */
export function renderShortcomingTableHtml(
  rows: readonly ShortcomingRow[],
  caption: string,
): string {
  const head = [
    '<th scope="col">村</th>',
    '<th scope="col">领域</th>',
    '<th scope="col">长效机制</th>',
    '<th scope="col" class="min-w-40">短板描述</th>',
    '<th scope="col" class="min-w-32">拟建项目</th>',
    '<th scope="col" class="num">估算投资</th>',
    '<th scope="col">纳入项目库</th>',
    '<th scope="col">责任单位</th>',
  ].join('');
  const body = rows
    .map((r) => {
      const late = r.mechanism_in_place === '否' ? ' class="is-late"' : '';
      const money = r.estimated_investment_wan;
      const dv = money === null ? '' : ` data-v="${escapeAttr(String(money))}"`;
      return (
        `<tr${late} data-village="${escapeAttr(r.village_code)}" data-dimension="${escapeAttr(r.dimension)}">` +
        `<th scope="row" class="nowrap"><a href="${escapeAttr(villageHref(r.village_code))}">${escapeHtml(r.village_name)}</a>` +
        `<span class="narrow-only font-normal"> · ${escapeHtml(r.dimension)}</span></th>` +
        `<td data-label="领域" class="wide-only nowrap">${escapeHtml(r.dimension)}</td>` +
        `<td data-label="长效机制">${r.mechanism_in_place === '否' ? '否（未建立）' : '是'}</td>` +
        `<td data-label="短板">${dash(r.shortcoming)}</td>` +
        `<td data-label="拟建项目">${dash(r.proposed_project)}</td>` +
        `<td data-label="估算投资" class="num"${dv}>${money === null ? '—' : `${formatNumber(money, 1)} 万元`}</td>` +
        `<td data-label="项目库">${r.proposed_project ? (r.in_project_library === '是' ? '已纳入' : '未纳入') : '—'}</td>` +
        `<td data-label="责任单位">${dash(r.responsible_unit)}</td>` +
        `</tr>`
      );
    })
    .join('');
  return (
    `<div class="card-table-wrap"><table class="card-table">` +
    `<caption class="py-1 text-left text-sm text-muted">${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`
  );
}

export interface ShuangdaoStreetOptions {
  /** Unique on the page: prefixes the figure and table ids. */
  id: string;
  /** Heading level of the shortcomings section. */
  level?: 'h2' | 'h3';
  /** Fold the shortcomings list into a closed disclosure (the index page). */
  folded?: boolean;
}

/** A street's matrix figure and shortcomings (ShuangdaoStreet.astro). */
export function renderShuangdaoStreetHtml(
  matrix: StreetMatrix,
  { id, level = 'h3', folded = false }: ShuangdaoStreetOptions,
): string {
  const codeOf = new Map(matrix.villages.map((v) => [v.label, v.code]));
  const title = `${matrix.street}各“双到”村四个领域是否已建立长效机制`;
  const takeaway = matrixTakeaway(matrix);
  const cellOf = new Map(matrix.cells.map((c) => [`${c.row}\u0000${c.column}`, c.value]));
  const rows: TableRow[] = matrix.villages.map((v) => ({
    code: v.code,
    village: v.label,
    round: v.round,
    ...Object.fromEntries(
      DIMENSIONS.map((d) => [d, String(cellOf.get(`${v.label}\u0000${d}`) ?? '')]),
    ),
    gaps: v.gaps,
  }));
  const tableColumns: TableColumn[] = [
    ...columns({ village: '村', round: '双到轮次' }),
    ...DIMENSIONS.map((d): TableColumn => ({ key: d, label: d })),
    { key: 'gaps', label: '未建立的领域数', format: 'number' },
  ];
  const figure = renderChartFigureHtml({
    id: `${id}-matrix`,
    title,
    takeaway,
    svg: heatmapChart(matrix.cells, {
      id: `${id}-matrix-svg`,
      title,
      description: takeaway,
      rows: matrix.villages.map((v) => v.label),
      columns: DIMENSIONS,
      width: CHART_WIDTH,
      filterKey: 'village',
      filterValue: (row) => codeOf.get(row) ?? row,
      href: (cell) => {
        const code = codeOf.get(cell.row);
        return code ? villageHref(code) : null;
      },
    }),
    columns: tableColumns,
    rows,
    links: { village: (r) => villageHref(String(r.code)) },
  });

  const street = escapeHtml(matrix.street);
  const count = matrix.shortcomings.length;
  const note = `<p class="text-sm text-muted">${
    count === 0
      ? '本街道的“双到”村四个领域都已建立长效机制，没有填报短板或拟建项目。'
      : `共 ${formatNumber(count)} 条：未建立长效机制的 ${formatNumber(matrix.gaps)} 条（左侧红线标出），以及已建立但仍填报了短板或拟建项目的。`
  }</p>`;
  const table = renderShortcomingTableHtml(
    matrix.shortcomings,
    `${matrix.street}“双到”村短板与拟建项目`,
  );
  const list = folded
    ? `<details class="my-2"><summary class="tap cursor-pointer font-bold text-accent">查看${street}短板与拟建项目（${formatNumber(count)} 条）</summary>${note}${table}</details>`
    : `<${level} class="mt-4 mb-1 text-lg font-bold">${street}短板与拟建项目</${level}>${note}${count > 0 ? table : ''}`;
  return (
    `<div class="md:max-w-[32rem]">${figure}</div>` +
    `<section id="${escapeAttr(`${id}-shortcomings`)}" aria-label="${escapeAttr(`${matrix.street}短板与拟建项目`)}">${list}</section>`
  );
}
