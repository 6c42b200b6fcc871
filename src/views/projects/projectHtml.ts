/**
 * Projects as HTML: the long list's table (cards on phones, cardTable.css),
 * with what the national rules on announcing poverty funds ask to be public —
 * name, place, task, source and size of funds, period, implementing unit,
 * how poor households benefit, performance goal — and the badges the place
 * pages' project cards share. Used at build time and by the browser after a
 * filter, search or sort changes. Every text is escaped.
 */
import type { ProjectItem } from '../../queries/projects.ts';
import type { ProjectFinding } from '../../queries/projectFindings.ts';
import { formatDate, formatNumber, formatPercent } from '../../render/format.ts';
import { streetHref, villageHref } from '../../render/nav.ts';
import { escapeAttr, escapeHtml } from '../../render/html/tableHtml.ts';
import { renderListTableHtml, type ListColumn } from '../../render/html/listTableHtml.ts';
import { share } from '../shared/numbers.ts';
import { DISTRICT_WIDE } from './projects.ts';
import { projectFindingsOf } from './projectFindings.ts';

/** Columns of the project list: header, sort key (PROJECT_SORTS), extra classes. */
export const PROJECT_COLUMNS = [
  { label: '项目编号', sort: 'project_id', cls: '' },
  { label: '项目', sort: 'project_name', cls: 'min-w-48' },
  { label: '地点', sort: 'place', cls: 'min-w-20' },
  { label: '计划年度', sort: 'plan_year', cls: 'nowrap' },
  { label: '资金来源', sort: 'fund_source', cls: 'nowrap' },
  { label: '计划资金（万元）', sort: 'budget_wan', cls: 'num' },
  { label: '已拨付（万元）', sort: 'disbursed_wan', cls: 'num' },
  { label: '拨付率', sort: 'paid_share', cls: 'num' },
  { label: '项目状态', sort: 'status', cls: 'min-w-28' },
  { label: '受益贫困户', sort: 'beneficiary_households', cls: 'num' },
] as const satisfies readonly ListColumn[];

const STATUS_CLASS: Readonly<Record<string, string>> = {
  已验收: 'border-ok-line bg-ok-bg text-ok-fg',
  已完工: 'border-ok-line bg-ok-bg text-ok-fg',
  在建: 'border-info-line bg-info-bg text-info-fg',
  未开工: 'border-ink bg-surface text-ink',
};
const BADGE = 'badge rounded border px-1.5 font-semibold whitespace-nowrap';

/** A project's 项目状态 as a badge. */
export function statusBadgeHtml(status: string): string {
  const cls = [BADGE, STATUS_CLASS[status]].filter(Boolean).join(' ');
  return `<span class="${escapeAttr(cls)}">${escapeHtml(status)}</span>`;
}

/** Its findings as badges (none for most projects). */
export function findingBadgesHtml(findings: readonly ProjectFinding[]): string {
  return findings
    .map(
      (f) =>
        `<span class="${BADGE} border-warn-line bg-warn-bg text-warn-fg" data-finding="${escapeAttr(f)}">${escapeHtml(f)}</span>`,
    )
    .join(' ');
}

/** Where a project is: its village (linked) and street, its street only, or the whole district. */
export function projectPlaceHtml(
  p: Pick<ProjectItem, 'street' | 'village_code' | 'village_name'>,
): string {
  if (!p.street) return `<span class="text-muted">${DISTRICT_WIDE}</span>`;
  const street = `<a href="${escapeAttr(streetHref(p.street))}">${escapeHtml(p.street)}</a>`;
  const village = p.village_code
    ? `<a href="${escapeAttr(villageHref(p.village_code))}">${escapeHtml(p.village_name ?? p.village_code)}</a>`
    : '<span class="text-muted">（全街道）</span>';
  return `${street} ${village}`;
}

/** `2016年7月30日开工，2017年3月12日完工` / `尚未开工` — the works' dates. */
export function projectPeriod(p: Pick<ProjectItem, 'start_date' | 'end_date' | 'status'>): string {
  if (!p.start_date) {
    if (p.end_date) return `${formatDate(p.end_date)}完工（未填开工日期）`;
    return p.status === '未开工' ? '尚未开工' : '未填开工日期';
  }
  return `${formatDate(p.start_date)}开工${p.end_date ? `，${formatDate(p.end_date)}完工` : ''}`;
}

/** The facts a project's row folds away under its name: task, unit, mechanism, shortcoming, goal. */
export function projectDetails(p: ProjectItem): [string, string][] {
  return [
    ['项目类型', p.category],
    ['建设任务', p.task],
    ['实施单位', p.implementer],
    ['带贫减贫机制', p.benefit_mechanism ?? '—'],
    ['对应短板', p.shortcoming_dimension ?? '—'],
    ['绩效目标', p.performance_goal ?? '—'],
  ];
}

/**
 * A numeric cell: right-aligned, its raw value in data-v (what a sort and a CSV
 * read); `unit` shows on a phone's card only (the wide table's header says it).
 */
const numCell = (label: string, value: number, text: string, unit = '') =>
  `<td class="num" data-label="${label}" data-v="${escapeAttr(String(value))}">${escapeHtml(text)}` +
  (unit ? `<span class="narrow-only"> ${unit}</span>` : '') +
  `</td>`;

function projectRow(p: ProjectItem, n: number): string {
  const findings = projectFindingsOf(p);
  const flagged = findings.length > 0 ? ' class="is-late"' : '';
  const paid = share(p.disbursed_wan, p.budget_wan);
  const details = projectDetails(p)
    .map(([k, v]) => `<dt class="text-muted">${k}</dt><dd class="m-0">${escapeHtml(v)}</dd>`)
    .join('');
  const cell = (label: string, html: string, cls = '') =>
    `<td data-label="${label}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;
  return (
    `<tr data-project="${escapeAttr(p.project_id)}"${flagged}>` +
    `<th scope="row" class="nowrap"><span class="sr-only">第 ${n} 个 </span>${escapeHtml(p.project_id)}</th>` +
    cell(
      '项目',
      `<strong>${escapeHtml(p.project_name)}</strong>` +
        `<details><summary class="cursor-pointer text-accent">建设任务与实施</summary>` +
        `<dl class="m-0 grid grid-cols-[auto_1fr] gap-x-2 text-sm">${details}</dl></details>`,
    ) +
    cell('地点', projectPlaceHtml(p)) +
    cell('计划年度', escapeHtml(String(p.plan_year)), 'nowrap') +
    cell('资金来源', escapeHtml(p.fund_source), 'nowrap') +
    numCell('计划资金', p.budget_wan, formatNumber(p.budget_wan, 2), '万元') +
    numCell('已拨付', p.disbursed_wan, formatNumber(p.disbursed_wan, 2), '万元') +
    numCell('拨付率', paid, formatPercent(paid)) +
    cell(
      '状态',
      `${statusBadgeHtml(p.status)}${findings.length > 0 ? ` ${findingBadgesHtml(findings)}` : ''}` +
        `<span class="block text-sm text-muted">${escapeHtml(projectPeriod(p))}</span>`,
    ) +
    numCell('受益户数', p.beneficiary_households, formatNumber(p.beneficiary_households), '户') +
    `</tr>`
  );
}

export interface ProjectTableOptions {
  caption: string;
  /** Number of the first project (1 on page 1, 51 on page 2 …). */
  start?: number;
  /** The list's current order, shown as aria-sort on its header. */
  sort?: { key: string; dir: 'asc' | 'desc' };
}

/** The project list's table (one page of it, or a short list such as a finding's). */
export function renderProjectTableHtml(
  items: readonly ProjectItem[],
  { caption, start = 1, sort }: ProjectTableOptions,
): string {
  const body = items.map((p, i) => projectRow(p, start + i)).join('');
  return renderListTableHtml(PROJECT_COLUMNS, body, { caption, sort });
}
