/** Named queries over rectifications (attachment 4). */
import { whereOf, type FilterKey, type FilterState } from './filters.ts';
import { listOrderBy, searchWhere, type ListOptions } from './listQuery.ts';
import { sql, type SqlQuery } from './sql.ts';

export const RECTIFICATION_FILTERS: readonly FilterKey[] = [
  'street',
  'village',
  'source_level',
  'source_type',
  'category',
  'rect_status',
  'overdue',
];

/** Totals by 整改状态, with overdue counted separately. */
export const rectificationTotals = (f: FilterState): SqlQuery => sql`
  SELECT count(*)::INTEGER AS items,
    count(*) FILTER (WHERE status = '已完成')::INTEGER AS done,
    count(*) FILTER (WHERE status = '整改中')::INTEGER AS in_progress,
    count(*) FILTER (WHERE status = '未启动')::INTEGER AS not_started,
    count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
    count(*) FILTER (WHERE overdue AND status <> '已完成')::INTEGER AS overdue_open
  FROM rectifications WHERE ${whereOf(f, RECTIFICATION_FILTERS)}`;

/** The groupings of `rectificationBreakdown`: by a column and 整改状态, or by 整改状态 alone ('all'). */
export type BreakdownDim = 'source_type' | 'source_level' | 'category' | 'all';

/**
 * Items by 问题来源, by 来源层级 and by 问题类别, each split by 整改状态, and by
 * 整改状态 alone (dim 'all', key NULL): one scan and one round trip for what
 * the page's key figures and three progress charts show. Rows are ordered by
 * dim, key, status.
 */
export const rectificationBreakdown = (f: FilterState): SqlQuery => sql`
  SELECT CASE WHEN grouping(source_type) = 0 THEN 'source_type'
      WHEN grouping(source_level) = 0 THEN 'source_level'
      WHEN grouping(category) = 0 THEN 'category' ELSE 'all' END AS dim,
    coalesce(source_type, source_level, category) AS key, status,
    count(*)::INTEGER AS items, count(*) FILTER (WHERE overdue)::INTEGER AS overdue
  FROM rectifications WHERE ${whereOf(f, RECTIFICATION_FILTERS)}
  GROUP BY GROUPING SETS ((source_type, status), (source_level, status), (category, status), (status))
  ORDER BY dim, key NULLS FIRST, status`;

/** Cumulative items found and done, per day on which anything happened. */
export const rectificationProgress = (f: FilterState): SqlQuery => sql`
  WITH r AS (SELECT * FROM rectifications WHERE ${whereOf(f, RECTIFICATION_FILTERS)}),
  days AS (
    SELECT found_date AS day, 1 AS found, 0 AS done FROM r
    UNION ALL SELECT completed_date, 0, 1 FROM r WHERE completed_date IS NOT NULL
  )
  SELECT strftime(day, '%Y-%m-%d') AS date,
    (sum(sum(found)) OVER (ORDER BY day))::INTEGER AS found,
    (sum(sum(done)) OVER (ORDER BY day))::INTEGER AS done
  FROM days GROUP BY day ORDER BY date`;

/** Overdue items not yet done, per 责任单位 (most first; ties by name). */
export const rectificationOverdueByUnit = (f: FilterState): SqlQuery => sql`
  SELECT responsible_unit AS unit, count(*)::INTEGER AS items,
    strftime(min(deadline), '%Y-%m-%d') AS earliest_deadline
  FROM rectifications
  WHERE ${whereOf(f, RECTIFICATION_FILTERS)} AND overdue AND status <> '已完成'
  GROUP BY responsible_unit ORDER BY items DESC, unit`;

/** Columns the items list can be sorted by, and the columns each sorts on (fixed in code, never from input). */
export const RECT_SORTS = {
  issue_id: ['issue_id'],
  found_date: ['found_date'],
  place: ['street', 'village_code'],
  category: ['category'],
  description: ['description'],
  measures: ['measures'],
  responsible_unit: ['responsible_unit'],
  deadline: ['deadline'],
  status: ['status'],
} as const;
export type RectSortKey = keyof typeof RECT_SORTS;

/** What the search looks in: the item's id, description, measures, unit, place, category and source. */
const SEARCHED = [
  'issue_id',
  'description',
  'measures',
  'responsible_unit',
  'street',
  'village_name',
  'category',
  'source_type',
  'source_level',
];
const searched = (search: string | undefined) => searchWhere(SEARCHED, search);

const orderBy = (sort: ListOptions<RectSortKey>['sort']): SqlQuery =>
  listOrderBy(
    RECT_SORTS,
    sort,
    'issue_id',
    sql`(overdue AND status <> '已完成') DESC, status = '已完成', deadline, issue_id`,
  );

/**
 * Items, overdue open ones first (the longest overdue first: earliest deadline),
 * then other open ones, then done ones — or in `opts.sort` order, matching
 * `opts.search`; `limit` null returns them all (for paginate() and downloads).
 */
export const rectificationItems = (
  f: FilterState,
  limit: number | null = 50,
  offset = 0,
  opts: ListOptions<RectSortKey> = {},
): SqlQuery => sql`
  SELECT issue_id, source_level, source_type, strftime(found_date, '%Y-%m-%d') AS found_date,
    street, village_code, village_name, category, description, measures, responsible_unit,
    strftime(deadline, '%Y-%m-%d') AS deadline, status,
    strftime(completed_date, '%Y-%m-%d') AS completed_date, overdue
  FROM rectifications WHERE ${whereOf(f, RECTIFICATION_FILTERS)} AND ${searched(opts.search)}
  ORDER BY ${orderBy(opts.sort)}
  ${limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`}`;

/** How many items match the filters and `search` (the items list's pages). */
export const rectificationItemCount = (f: FilterState, search?: string): SqlQuery => sql`
  SELECT count(*)::INTEGER AS items
  FROM rectifications WHERE ${whereOf(f, RECTIFICATION_FILTERS)} AND ${searched(search)}`;
