/**
 * The findings of the 资金项目 page as HTML, never hidden: one count each —
 * shortcomings no project answers, shortcomings in the project library with no
 * project, and the three project findings — then each one's list (a shortcoming
 * table, or the projects' table and a link to all of them in the project list).
 * Every text is escaped.
 */
import {
  PROJECT_FINDINGS,
  PROJECT_FINDING_COLUMNS,
  PROJECT_FINDING_DEFINITIONS,
  type ProjectFinding,
} from '../../queries/projectFindings.ts';
import type { ProjectItem, ShortcomingCoverageRow } from '../../queries/projects.ts';
import { formatNumber } from '../../render/format.ts';
import { columns, type TableColumn, type TableRow } from '../../render/html/table.ts';
import { escapeAttr, escapeHtml, renderTableHtml } from '../../render/html/tableHtml.ts';
import { streetHref, villageHref } from '../../render/nav.ts';
import { share } from '../shared/numbers.ts';
import { isShortcoming, shortcomingFindings } from './projectFindings.ts';
import { DISTRICT_WIDE, type ProjectTotals } from './projects.ts';

/** The first projects of each finding (projectItems with that finding). */
export type FindingLists = Record<ProjectFinding, readonly ProjectItem[]>;

/** Shortcomings each list shows; more are one street filter away. */
const SHORTCOMING_LIST_MAX = 50;

interface FindingCard {
  id: string;
  count: number;
  unit: string;
  title: string;
  note: string;
}

function renderCard(c: FindingCard): string {
  const tone = c.count > 0 ? 'text-accent' : 'text-good';
  return (
    `<li class="card" data-finding-count="${escapeAttr(c.title)}">` +
    `<p class="m-0 text-sm text-muted">${escapeHtml(c.title)}</p>` +
    `<p class="m-0 text-2xl font-bold tabular-nums ${tone}">${formatNumber(c.count)}<span class="ml-0.5 text-base font-normal">${escapeHtml(c.unit)}</span></p>` +
    `<p class="m-0 text-sm">${escapeHtml(c.note)} <a class="tap" href="#${escapeAttr(c.id)}">查看清单</a></p>` +
    `</li>`
  );
}

function section(id: string, heading: string, body: string): string {
  return (
    `<section class="mt-6" id="${escapeAttr(id)}" aria-labelledby="${escapeAttr(id)}-h">` +
    `<h3 id="${escapeAttr(id)}-h">${escapeHtml(heading)}</h3>${body}</section>`
  );
}

const SHORTCOMING_COLUMNS: TableColumn[] = [
  ...columns({
    village_name: '村',
    street: '街道',
    dimension: '领域',
    shortcoming: '短板',
    proposed_project: '拟建项目',
  }),
  { key: 'estimated_investment_wan', label: '估算投资（万元）', format: 'wan' },
  { key: 'in_project_library', label: '纳入项目库' },
];
/**
 * One line per row where it fits: short cells stay whole, the free-text ones
 * (短板, 拟建项目; a project's name) wrap in a column wide enough to read, and
 * the table scrolls sideways on a phone instead of squeezing every column.
 */
const SHORTCOMING_TABLE_CLASS =
  '[&_td]:whitespace-nowrap [&_th]:whitespace-nowrap [&_td:nth-child(4)]:min-w-40 [&_td:nth-child(4)]:whitespace-normal [&_td:nth-child(5)]:min-w-32 [&_td:nth-child(5)]:whitespace-normal';
const PROJECT_TABLE_CLASS =
  '[&_td]:whitespace-nowrap [&_th]:whitespace-nowrap [&_td:nth-child(2)]:min-w-40 [&_td:nth-child(2)]:whitespace-normal';
const toVillageProjects = (r: TableRow) =>
  `${villageHref(String(r.village_code))}#village-projects`;

/** Shortcomings as a compact table (one line each where it fits), each village linked to its projects. */
function shortcomingList(rows: readonly ShortcomingCoverageRow[], caption: string): string {
  if (rows.length === 0) return '<p class="text-sm">没有。</p>';
  const shown = rows.slice(0, SHORTCOMING_LIST_MAX);
  const more =
    rows.length > shown.length
      ? `<p class="text-sm">另有 ${formatNumber(rows.length - shown.length)} 项未列出：选择一个街道，即列出该街道的全部。</p>`
      : '';
  return (
    renderTableHtml(SHORTCOMING_COLUMNS, [...shown], {
      caption,
      links: { village_name: toVillageProjects },
      class: SHORTCOMING_TABLE_CLASS,
    }) + more
  );
}

const PROJECT_COLUMNS: TableColumn[] = [
  ...columns({
    project_id: '项目编号',
    project_name: '项目名称',
    place: '地点',
    status: '项目状态',
  }),
  ...columns({ budget_wan: '计划资金（万元）', disbursed_wan: '已拨付（万元）' }, 'money'),
  { key: 'paid_share', label: '拨付率', format: 'percent' },
  { key: 'beneficiary_households', label: '受益贫困户', format: 'number' },
];

/** A finding's projects as a compact table: what, where, how far, how much paid. */
function projectTable(items: readonly ProjectItem[], caption: string): string {
  const rows = items.map((p) => ({
    ...p,
    place: p.street
      ? `${p.street}${p.village_name ? ` ${p.village_name}` : '（全街道）'}`
      : DISTRICT_WIDE,
    paid_share: share(p.disbursed_wan, p.budget_wan),
  }));
  return renderTableHtml(PROJECT_COLUMNS, rows, {
    caption,
    links: {
      place: (r) =>
        r.village_code
          ? `${villageHref(String(r.village_code))}#village-projects`
          : r.street
            ? `${streetHref(String(r.street))}#street-projects`
            : '',
    },
    class: PROJECT_TABLE_CLASS,
  });
}

function projectList(
  x: ProjectFinding,
  items: readonly ProjectItem[],
  count: number,
  href: string,
): string {
  const definition = `<p class="text-sm">${escapeHtml(PROJECT_FINDING_DEFINITIONS[x])}</p>`;
  if (count === 0) return `${definition}<p class="text-sm">没有。</p>`;
  const all = `<a class="tap" href="${escapeAttr(href)}">在项目清单中查看全部 ${formatNumber(count)} 个 →</a>`;
  const caption =
    count > items.length
      ? `${x}的项目（前 ${formatNumber(items.length)} 个，共 ${formatNumber(count)} 个）`
      : `${x}的项目（${formatNumber(count)} 个）`;
  return `${definition}${projectTable(items, caption)}<p class="text-sm">${all}</p>`;
}

/** The findings block: counts, then each list. */
export function renderFindingsHtml(input: {
  totals: ProjectTotals;
  coverage: readonly ShortcomingCoverageRow[];
  lists: FindingLists;
  /** The project list filtered to a finding (the page's address with that filter). */
  listHref: (x: ProjectFinding) => string;
}): string {
  const { totals, coverage, lists, listHref } = input;
  const { unanswered, libraryWithoutProject } = shortcomingFindings(coverage);
  const gaps = coverage.filter(isShortcoming).length;
  const inLibrary = coverage.filter((r) => r.in_project_library === '是').length;
  const counts: Record<ProjectFinding, number> = {
    拨付超前: totals.ahead,
    拨付滞后: totals.behind,
    无受益贫困户: totals.no_beneficiaries,
  };
  const findingId = (x: ProjectFinding) => `projects-finding-${PROJECT_FINDING_COLUMNS[x]}`;
  const cards: FindingCard[] = [
    {
      id: 'projects-finding-unanswered',
      count: unanswered.length,
      unit: '项',
      title: '短板没有对应项目',
      note: `“双到”村未建立长效机制的 ${formatNumber(gaps)} 项短板中。`,
    },
    {
      id: 'projects-finding-library',
      count: libraryWithoutProject.length,
      unit: '项',
      title: '纳入项目库但没有项目',
      note: `已纳入项目库的 ${formatNumber(inLibrary)} 项中，该村该领域还没有项目。`,
    },
    ...PROJECT_FINDINGS.map((x) => ({
      id: findingId(x),
      count: counts[x],
      unit: '个项目',
      title: x,
      note: PROJECT_FINDING_DEFINITIONS[x],
    })),
  ];
  return (
    `<ul class="m-0 grid list-none gap-2 p-0 sm:grid-cols-2 lg:grid-cols-3">${cards.map(renderCard).join('')}</ul>` +
    section(
      'projects-finding-unanswered',
      `未建立长效机制、没有对应项目的短板（${formatNumber(unanswered.length)} 项）`,
      shortcomingList(unanswered, '“双到”村短板：长效机制 否，没有项目对应'),
    ) +
    section(
      'projects-finding-library',
      `已纳入项目库、还没有项目的短板（${formatNumber(libraryWithoutProject.length)} 项）`,
      shortcomingList(libraryWithoutProject, '纳入项目库 是，但该村该领域没有项目'),
    ) +
    PROJECT_FINDINGS.map((x) =>
      section(
        findingId(x),
        `${x}（${formatNumber(counts[x])} 个项目）`,
        projectList(x, lists[x], counts[x], listHref(x)),
      ),
    ).join('')
  );
}
