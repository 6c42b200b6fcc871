/**
 * The filters visitors can set, shared by the prerendered pages (links, form
 * controls) and the browser (URL state → WHERE clause). Every filter maps to
 * bound parameters on a fixed column: nothing a visitor types becomes SQL text.
 */
import {
  DIMENSIONS,
  EXIT_CATEGORIES,
  FUND_SOURCES,
  HOUSEHOLD_TYPES,
  ISSUE_CATEGORIES,
  LABOR_CAPACITIES,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  RECTIFICATION_STATUSES,
  SOURCE_LEVELS,
  SECURITY_GUARANTEES,
  SOURCE_TYPES,
} from '../contract/enums.ts';
import { PROJECT_FINDINGS, PROJECT_FINDING_WHERE, type ProjectFinding } from './projectFindings.ts';
import { ident, joinSql, sql, type SqlQuery } from './sql.ts';

/** The `gap` filter's options: each of the 三保障, or any of them. */
export const SECURITY_GAPS = [...SECURITY_GUARANTEES.map((g) => g.name), '任一项'];

export interface FilterDef {
  /** URL query-string key. */
  key: string;
  label: string;
  /** Fixed options (enumerations); absent for street/village (from the data). */
  options?: readonly string[];
  /** The condition for one chosen value. */
  where: (value: string) => SqlQuery;
}

const eq = (column: string) => (value: string) => sql`${ident(column)} = ${value}`;

const gapOf = (column: string) => sql`${ident(column)} = '否'`;
const gapWhere = (value: string): SqlQuery => {
  const one = SECURITY_GUARANTEES.find((g) => g.name === value);
  if (one) return gapOf(one.column);
  return sql`(${joinSql(
    SECURITY_GUARANTEES.map((g) => gapOf(g.column)),
    ' OR ',
  )})`;
};

export const FILTERS = {
  street: { key: 'street', label: '街道', where: eq('street') },
  village: { key: 'village', label: '村', where: eq('village_code') },
  exit_category: {
    key: 'exit_category',
    label: '脱贫成效分类',
    options: EXIT_CATEGORIES,
    where: eq('exit_category'),
  },
  household_type: {
    key: 'household_type',
    label: '户类型',
    options: HOUSEHOLD_TYPES,
    where: eq('household_type'),
  },
  labor_capacity: {
    key: 'labor_capacity',
    label: '劳动能力',
    options: LABOR_CAPACITIES,
    where: eq('labor_capacity'),
  },
  gap: { key: 'gap', label: '"三保障"缺口', options: SECURITY_GAPS, where: gapWhere },
  dimension: { key: 'dimension', label: '领域', options: DIMENSIONS, where: eq('dimension') },
  source_level: {
    key: 'source_level',
    label: '来源层级',
    options: SOURCE_LEVELS,
    where: eq('source_level'),
  },
  source_type: {
    key: 'source_type',
    label: '问题来源',
    options: SOURCE_TYPES,
    where: eq('source_type'),
  },
  category: {
    key: 'category',
    label: '问题类别',
    options: ISSUE_CATEGORIES,
    where: eq('category'),
  },
  rect_status: {
    key: 'rect_status',
    label: '整改状态',
    options: RECTIFICATION_STATUSES,
    where: eq('status'),
  },
  overdue: {
    key: 'overdue',
    label: '逾期',
    options: ['逾期', '未逾期'],
    where: (v: string) => (v === '逾期' ? sql`overdue` : sql`NOT overdue`),
  },
  // Projects: `category` and `status` are already the rectification items' keys.
  project_category: {
    key: 'project_category',
    label: '项目类型',
    options: PROJECT_CATEGORIES,
    where: eq('category'),
  },
  fund_source: {
    key: 'fund_source',
    label: '资金来源',
    options: FUND_SOURCES,
    where: eq('fund_source'),
  },
  project_status: {
    key: 'project_status',
    label: '项目状态',
    options: PROJECT_STATUSES,
    where: eq('status'),
  },
  project_finding: {
    key: 'project_finding',
    label: '需关注',
    options: PROJECT_FINDINGS,
    where: (v: string) => PROJECT_FINDING_WHERE[v as ProjectFinding] ?? sql`FALSE`,
  },
} as const satisfies Record<string, FilterDef>;

export type FilterKey = keyof typeof FILTERS;
/** Chosen filter values, as in the URL query string. */
export type FilterState = Partial<Record<FilterKey, string>>;

/** `WHERE …` for the filters that apply to a table (`TRUE` when none is set). */
export function whereOf(state: FilterState, keys: readonly FilterKey[]): SqlQuery {
  const parts = keys
    .filter((k) => state[k] !== undefined && state[k] !== '')
    .map((k) => FILTERS[k].where(state[k] as string));
  return parts.length === 0 ? sql`TRUE` : joinSql(parts, ' AND ');
}
