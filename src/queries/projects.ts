/**
 * Named queries over projects (扶贫资金项目, the optional projects.csv) and
 * over the 双到 shortcomings they answer. Amounts are DECIMAL in the table
 * (exact sums); results cast them to DOUBLE once summed, so both engines
 * return plain numbers.
 */
import { PROJECT_STATUSES } from '../contract/enums.ts';
import { whereOf, type FilterKey, type FilterState } from './filters.ts';
import { listOrderBy, searchWhere, type ListOptions } from './listQuery.ts';
import {
  PROJECT_FINDINGS,
  PROJECT_FINDING_COLUMNS,
  PROJECT_FINDING_WHERE,
} from './projectFindings.ts';
import type { ShortcomingRow } from './shuangdao.ts';
import { ident, joinSql, sql, type SqlQuery } from './sql.ts';

/** Filters that apply to a project. */
export const PROJECT_FILTERS: readonly FilterKey[] = [
  'street',
  'village',
  'project_category',
  'fund_source',
  'project_status',
  'project_finding',
];
/** Filters on the project itself, not its place (what a village with no such project shows 0 for). */
const PROJECT_OWN_FILTERS: readonly FilterKey[] = PROJECT_FILTERS.filter(
  (k) => k !== 'street' && k !== 'village',
);
const PLACE_FILTERS: readonly FilterKey[] = ['street', 'village'];

/** Sums every grouping reports: projects, funds (万元), beneficiary households (summed over projects). */
const SUMS = sql`count(*)::INTEGER AS projects,
    coalesce(sum(budget_wan), 0)::DOUBLE AS budget_wan,
    coalesce(sum(disbursed_wan), 0)::DOUBLE AS disbursed_wan,
    coalesce(sum(beneficiary_households), 0)::INTEGER AS beneficiaries`;
/** The same over projects left-joined as `p` (none joined: 0 projects, 0 万元). */
const JOINED_SUMS = sql`count(p.project_id)::INTEGER AS projects,
    coalesce(sum(p.budget_wan), 0)::DOUBLE AS budget_wan,
    coalesce(sum(p.disbursed_wan), 0)::DOUBLE AS disbursed_wan`;

/** The groupings of `projectBreakdown`. */
export type ProjectDim = 'all' | 'status' | 'category' | 'fund_source' | 'year';

/** One row of `projectBreakdown`. */
export type ProjectBreakdownRow = {
  dim: ProjectDim;
  /** The status, type, source or plan year (as text); null for 'all'. */
  key: string | null;
  /** For 'year': the status within the year. */
  status: string | null;
  projects: number;
  budget_wan: number;
  disbursed_wan: number;
  beneficiaries: number;
  /** Projects of each finding (PROJECT_FINDING_COLUMNS). */
  ahead: number;
  behind: number;
  no_beneficiaries: number;
};

/**
 * Projects and funds by 项目状态, 项目类型, 资金来源, by plan year and status,
 * and in all (dim 'all'): one scan for the key figures, the findings' counts
 * and four charts. Rows are ordered by dim and key.
 */
export const projectBreakdown = (f: FilterState): SqlQuery => {
  const findings = joinSql(
    PROJECT_FINDINGS.map(
      (x) =>
        sql`count(*) FILTER (WHERE ${PROJECT_FINDING_WHERE[x]})::INTEGER AS ${ident(PROJECT_FINDING_COLUMNS[x])}`,
    ),
    ', ',
  );
  return sql`
  SELECT CASE WHEN grouping(plan_year) = 0 THEN 'year' WHEN grouping(status) = 0 THEN 'status'
      WHEN grouping(category) = 0 THEN 'category' WHEN grouping(fund_source) = 0 THEN 'fund_source'
      ELSE 'all' END AS dim,
    coalesce(plan_year::VARCHAR, status, category, fund_source) AS key, status,
    ${SUMS}, ${findings}
  FROM projects WHERE ${whereOf(f, PROJECT_FILTERS)}
  GROUP BY GROUPING SETS ((plan_year, status), (status), (category), (fund_source), ())
  ORDER BY dim, key NULLS FIRST, status`;
};

/** One row of `projectsByStreet`: a street's projects (its street-wide ones and its villages'). */
export type ProjectStreetRow = {
  /** null: district-wide projects (no street). */
  street: string | null;
  projects: number;
  budget_wan: number;
  disbursed_wan: number;
  beneficiaries: number;
};

/** Projects and funds per street; district-wide projects (no street) in a row of their own, last. */
export const projectsByStreet = (f: FilterState): SqlQuery => sql`
  SELECT street, ${SUMS}
  FROM projects WHERE ${whereOf(f, PROJECT_FILTERS)}
  GROUP BY street ORDER BY street NULLS LAST`;

/** One row of `projectsByVillage`: a village, with 0 when no project matches. */
export type ProjectVillageRow = {
  street: string;
  village_code: string;
  village_name: string;
  shuangdao_round: string | null;
  is_poor_village: string;
  projects: number;
  budget_wan: number;
  disbursed_wan: number;
  beneficiaries: number;
};

/**
 * Projects and funds per village, every village of the filtered place
 * included (0 where no project matches: a village the funds did not reach).
 */
export const projectsByVillage = (f: FilterState): SqlQuery => sql`
  SELECT v.street, v.village_code, v.village_name, v.shuangdao_round, v.is_poor_village,
    ${JOINED_SUMS}, coalesce(sum(p.beneficiary_households), 0)::INTEGER AS beneficiaries
  FROM (SELECT * FROM villages WHERE ${whereOf(f, PLACE_FILTERS)}) v
  LEFT JOIN (SELECT * FROM projects WHERE ${whereOf(f, PROJECT_OWN_FILTERS)}) p
    ON p.village_code = v.village_code
  GROUP BY ALL ORDER BY v.street, v.village_code`;

/** One row of `projectTimeline`: projects started and finished by the end of a month (cumulative). */
export type ProjectTimelineRow = { date: string; started: number; finished: number };

/** Projects started (开工日期) and finished (完工日期) so far, month by month (first day of the month). */
export const projectTimeline = (f: FilterState): SqlQuery => sql`
  WITH p AS (SELECT start_date, end_date FROM projects WHERE ${whereOf(f, PROJECT_FILTERS)}),
  events AS (
    SELECT date_trunc('month', start_date) AS month, 1 AS started, 0 AS finished
      FROM p WHERE start_date IS NOT NULL
    UNION ALL SELECT date_trunc('month', end_date), 0, 1 FROM p WHERE end_date IS NOT NULL
  )
  SELECT strftime(month, '%Y-%m-%d') AS date,
    (sum(sum(started)) OVER (ORDER BY month))::INTEGER AS started,
    (sum(sum(finished)) OVER (ORDER BY month))::INTEGER AS finished
  FROM events GROUP BY month ORDER BY date`;

/** One row of `shortcomingCoverage`: a 双到 village's 领域 and the projects answering it. */
export type ShortcomingCoverageRow = ShortcomingRow & {
  /** Projects of this village whose 对应短板 is this 领域 (and that match the project filters). */
  projects: number;
  budget_wan: number;
  disbursed_wan: number;
};

/**
 * Every 双到 village × 领域 with the projects that answer it (same village,
 * 对应短板 = the 领域). The place filters choose the villages; the others
 * choose which projects count.
 */
export const shortcomingCoverage = (f: FilterState): SqlQuery => sql`
  SELECT s.street, s.village_code, s.village_name, s.dimension, s.mechanism_in_place,
    s.shortcoming, s.proposed_project, s.estimated_investment_wan::DOUBLE AS estimated_investment_wan,
    s.in_project_library, s.shuangdao_round, s.responsible_unit, ${JOINED_SUMS}
  FROM (SELECT * FROM shortcomings WHERE ${whereOf(f, PLACE_FILTERS)}) s
  LEFT JOIN (SELECT * FROM projects WHERE ${whereOf(f, PROJECT_OWN_FILTERS)}) p
    ON p.village_code = s.village_code AND p.shortcoming_dimension = s.dimension
  GROUP BY ALL ORDER BY s.street, s.village_code, s.dimension`;

/** Columns the project list sorts by, and the columns each sorts on (fixed in code, never from input). */
export const PROJECT_SORTS = {
  project_id: ['project_id'],
  plan_year: ['plan_year'],
  place: ['street', 'village_code'],
  project_name: ['project_name'],
  category: ['category'],
  fund_source: ['fund_source'],
  budget_wan: ['budget_wan'],
  disbursed_wan: ['disbursed_wan'],
  paid_share: ['paid_share'],
  status: ['status_order'],
  beneficiary_households: ['beneficiary_households'],
} as const;
export type ProjectSortKey = keyof typeof PROJECT_SORTS;

/** 项目状态 in the order works go (a sort by status follows it, not the characters). */
const STATUS_ORDER = joinSql(
  PROJECT_STATUSES.map((s) => sql`${s}`),
  ', ',
);

/** What the search looks in: the project's id, name, task, place, unit and the rest of its text. */
const SEARCHED = [
  'project_id',
  'project_name',
  'task',
  'street',
  'village_name',
  'category',
  'fund_source',
  'implementer',
  'status',
  'benefit_mechanism',
  'shortcoming_dimension',
  'performance_goal',
];

/** One project as `projectItems` returns it (every published column, amounts as numbers). */
export type ProjectItem = {
  project_id: string;
  plan_year: number;
  street: string | null;
  village_code: string | null;
  village_name: string | null;
  project_name: string;
  category: string;
  task: string;
  fund_source: string;
  budget_wan: number;
  disbursed_wan: number;
  implementer: string;
  start_date: string | null;
  end_date: string | null;
  status: string;
  beneficiary_households: number;
  benefit_mechanism: string | null;
  shortcoming_dimension: string | null;
  performance_goal: string | null;
};

/**
 * Projects matching the filters and `opts.search`, by 项目编号 or in
 * `opts.sort` order; `limit` null returns them all (for paginate(), the
 * place pages and downloads).
 */
export const projectItems = (
  f: FilterState,
  limit: number | null = 50,
  offset = 0,
  opts: ListOptions<ProjectSortKey> = {},
): SqlQuery => sql`
  SELECT project_id, plan_year, street, village_code, village_name, project_name, category, task,
    fund_source, budget_wan::DOUBLE AS budget_wan, disbursed_wan::DOUBLE AS disbursed_wan,
    implementer, strftime(start_date, '%Y-%m-%d') AS start_date,
    strftime(end_date, '%Y-%m-%d') AS end_date, status, beneficiary_households,
    benefit_mechanism, shortcoming_dimension, performance_goal
  FROM (
    SELECT *, disbursed_wan / budget_wan AS paid_share,
      list_position([${STATUS_ORDER}], status) AS status_order
    FROM projects WHERE ${whereOf(f, PROJECT_FILTERS)} AND ${searchWhere(SEARCHED, opts.search)}
  )
  ORDER BY ${listOrderBy(PROJECT_SORTS, opts.sort, 'project_id', sql`project_id`)}
  ${limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`}`;

/** How many projects match the filters and `search` (the list's pages). */
export const projectItemCount = (f: FilterState, search?: string): SqlQuery => sql`
  SELECT count(*)::INTEGER AS projects
  FROM projects WHERE ${whereOf(f, PROJECT_FILTERS)} AND ${searchWhere(SEARCHED, search)}`;
