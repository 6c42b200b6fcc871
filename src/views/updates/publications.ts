/**
 * Publication history (更新记录): pure helpers over a list of publication
 * records (src/contract/publicationRecord.ts) — the history the site shows,
 * what changed since the previous publication, and trends across publications.
 */
import type { PublicationFigures, PublicationRecord } from '../../contract/publicationRecord.ts';
import { EXIT_CATEGORIES } from '../../contract/enums.ts';
import { formatDate, formatDelta, formatNumber } from '../../render/format.ts';

/** The history the site shows. */
export interface PublicationHistory {
  /** Oldest first; the current publication is the last one. */
  records: PublicationRecord[];
  current: PublicationRecord;
  /** The latest publication before the current one, if any. */
  previous: PublicationRecord | null;
}

/**
 * The history as of the current publication: recorded publications of the same
 * region dated before it, then the current one — which replaces a record of the
 * same as_of (the site shows what it actually publishes, recorded yet or not).
 * Records of another region (another data set built from the same checkout) and
 * records dated after the current publication are left out.
 */
export function buildPublicationHistory(
  recorded: readonly PublicationRecord[],
  current: PublicationRecord,
): PublicationHistory {
  const earlier = recorded
    .filter((r) => r.region === current.region && r.as_of < current.as_of)
    .sort((a, b) => (a.as_of < b.as_of ? -1 : 1));
  return { records: [...earlier, current], current, previous: earlier.at(-1) ?? null };
}

/** A figure before and after. */
export interface Delta {
  before: number;
  after: number;
  delta: number;
}

const delta = (before: number, after: number): Delta => ({ before, after, delta: after - before });

/** Households and persons on the register (在册 + 已脱贫, i.e. not 清退); persons null when not all published. */
export function registered(f: PublicationFigures): {
  households: number;
  persons: number | null;
} {
  let households = 0;
  let persons: number | null = 0;
  for (const [status, p] of Object.entries(f.people_by_status)) {
    if (status === '清退') continue;
    households += p.households;
    persons = persons === null || p.persons === null ? null : persons + p.persons;
  }
  return { households, persons };
}

/** Keys in the fixed order first, then any others (a value the enumeration did not know) by name. */
export function orderedKeys(
  fixed: readonly string[],
  ...maps: Record<string, unknown>[]
): string[] {
  const seen = new Set(maps.flatMap((m) => Object.keys(m)));
  const extra = [...seen].filter((k) => !fixed.includes(k)).sort();
  return [...fixed, ...extra];
}

/** What changed between two publications (本次更新). */
export interface PublicationChanges {
  previousAsOf: string;
  currentAsOf: string;
  households: Delta;
  /** Null when either publication withholds some persons. */
  persons: Delta | null;
  exited: Delta;
  /** 新增纳入 / 清退 records added since the previous publication. */
  added: number;
  removed: number;
  /** Households per 脱贫成效分类, in the contract's order. */
  categories: (Delta & { category: string })[];
  rectifications: { items: Delta; done: Delta; overdueOpen: Delta };
  /**
   * Projects, when both publications have them (`both`); `new` when only the
   * current one has (projects.csv given for the first time), `dropped` when
   * only the previous one had, `none` when neither.
   */
  projects: ProjectChanges | null;
  projectsStatus: 'both' | 'new' | 'dropped' | 'none';
}

/** Projects and funds before and after (万元 to two decimals). */
export interface ProjectChanges {
  projects: Delta;
  budget: Delta;
  disbursed: Delta;
  done: Delta;
}

/** A difference of two amounts in 万元, rounded to their two decimals (no 0.30000000000000004). */
const moneyDelta = (before: number, after: number): Delta => ({
  before,
  after,
  delta: Math.round((after - before) * 100) / 100,
});

function compareProjects(
  a: PublicationFigures['projects'],
  b: PublicationFigures['projects'],
): Pick<PublicationChanges, 'projects' | 'projectsStatus'> {
  if (a && b)
    return {
      projectsStatus: 'both',
      projects: {
        projects: delta(a.projects, b.projects),
        budget: moneyDelta(a.budget_wan, b.budget_wan),
        disbursed: moneyDelta(a.disbursed_wan, b.disbursed_wan),
        done: delta(a.done, b.done),
      },
    };
  return { projectsStatus: b ? 'new' : a ? 'dropped' : 'none', projects: null };
}

/** The changes from `previous` to `current`; counts of records (added, removed) as differences of totals. */
export function compareRecords(
  previous: PublicationRecord,
  current: PublicationRecord,
): PublicationChanges {
  const a = previous.figures;
  const b = current.figures;
  const ra = registered(a);
  const rb = registered(b);
  const exited = (f: PublicationFigures) => f.people_by_status['已脱贫']?.households ?? 0;
  return {
    previousAsOf: previous.as_of,
    currentAsOf: current.as_of,
    households: delta(ra.households, rb.households),
    persons: ra.persons === null || rb.persons === null ? null : delta(ra.persons, rb.persons),
    exited: delta(exited(a), exited(b)),
    added: b.changes.households_added - a.changes.households_added,
    removed: b.changes.households_removed - a.changes.households_removed,
    categories: orderedKeys(
      EXIT_CATEGORIES,
      a.households_by_exit_category,
      b.households_by_exit_category,
    ).map((category) => ({
      category,
      ...delta(
        a.households_by_exit_category[category] ?? 0,
        b.households_by_exit_category[category] ?? 0,
      ),
    })),
    rectifications: {
      items: delta(a.rectifications.items, b.rectifications.items),
      done: delta(a.rectifications.done, b.rectifications.done),
      overdueOpen: delta(a.rectifications.overdue_open, b.rectifications.overdue_open),
    },
    ...compareProjects(a.projects, b.projects),
  };
}

/** What the sentence says of projects: new projects and newly paid money, or why there is no comparison. */
function projectsPhrase(c: PublicationChanges): string | null {
  if (c.projects)
    return `资金项目 ${formatDelta(c.projects.projects.delta)} 个，新拨付资金 ${formatNumber(c.projects.disbursed.delta, 2)} 万元`;
  if (c.projectsStatus === 'new') return '本次起公开扶贫资金项目';
  if (c.projectsStatus === 'dropped') return '本次发布没有项目数据';
  return null;
}

/**
 * One sentence for the overview: `与上次发布（2018年7月13日）相比：建档立卡 +3 户（新增纳入 4 户、
 * 清退 1 户），已脱贫 +10 户，整改完成 +12 项。`
 */
export function summarizeChanges(c: PublicationChanges): string {
  const parts = [
    `建档立卡 ${formatDelta(c.households.delta)} 户（新增纳入 ${formatNumber(c.added)} 户、清退 ${formatNumber(c.removed)} 户）`,
    `已脱贫 ${formatDelta(c.exited.delta)} 户`,
    `整改完成 ${formatDelta(c.rectifications.done.delta)} 项`,
  ];
  if (c.rectifications.items.delta !== 0)
    parts.push(`问题总数 ${formatDelta(c.rectifications.items.delta)} 项`);
  const projects = projectsPhrase(c);
  if (projects) parts.push(projects);
  return `与上次发布（${formatDate(c.previousAsOf)}）相比：${parts.join('，')}。`;
}

/** The changes as table rows (指标, 上次, 本次, 变化), in reading order. */
export function changeRows(
  c: PublicationChanges,
): { label: string; unit: string; before: number; after: number; delta: number }[] {
  return [
    { label: '建档立卡户数', unit: '户', ...c.households },
    ...(c.persons ? [{ label: '建档立卡人数', unit: '人', ...c.persons }] : []),
    { label: '已脱贫户数', unit: '户', ...c.exited },
    ...c.categories.map((x) => ({ label: `${x.category}户数`, unit: '户', ...x })),
    { label: '发现问题', unit: '项', ...c.rectifications.items },
    { label: '整改已完成', unit: '项', ...c.rectifications.done },
    { label: '逾期未完成', unit: '项', ...c.rectifications.overdueOpen },
    ...(c.projects
      ? [
          { label: '资金项目', unit: '个', ...c.projects.projects },
          { label: '已完工或已验收项目', unit: '个', ...c.projects.done },
          { label: '计划资金（万元）', unit: '万元', ...c.projects.budget },
          { label: '已拨付资金（万元）', unit: '万元', ...c.projects.disbursed },
        ]
      : []),
  ].map(({ label, unit, before, after, delta }) => ({ label, unit, before, after, delta }));
}
