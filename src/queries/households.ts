/** Named queries over households, village_people and household_changes (attachments 1, 2, 5). */
import { whereOf, type FilterKey, type FilterState } from './filters.ts';
import { sql, type SqlQuery } from './sql.ts';

export const HOUSEHOLD_FILTERS: readonly FilterKey[] = [
  'street',
  'village',
  'status',
  'exit_category',
  'household_type',
  'labor_capacity',
  'gap',
];
const PEOPLE_FILTERS: readonly FilterKey[] = ['street', 'village', 'status', 'exit_category'];
const CHANGE_FILTERS: readonly FilterKey[] = ['street', 'village'];

/** Grouping level for per-area tables. */
export type AreaLevel = 'street' | 'village';
const areaCols = (by: AreaLevel) =>
  by === 'street'
    ? sql`street AS key, street AS name, street`
    : sql`village_code AS key, village_name AS name, street`;
const areaGroup = (by: AreaLevel) =>
  by === 'street' ? sql`street` : sql`village_code, village_name, street`;

/** Households and persons by 建档状态 (exact, from village_people). */
export const peopleByStatus = (f: FilterState): SqlQuery => sql`
  SELECT status, sum(households)::INTEGER AS households, sum(persons)::INTEGER AS persons
  FROM village_people WHERE ${whereOf(f, PEOPLE_FILTERS)}
  GROUP BY status ORDER BY status`;

/** Change records by type: count and persons (attachment 5). */
export const changesByType = (f: FilterState): SqlQuery => sql`
  SELECT change_type, count(*)::INTEGER AS records, sum(persons_delta)::INTEGER AS persons
  FROM household_changes WHERE ${whereOf(f, CHANGE_FILTERS)}
  GROUP BY change_type ORDER BY change_type`;

/**
 * Per street or village: households and persons at the start of the review,
 * added, removed, exited and now. start = now − added + removed (− other person changes).
 */
export const registrationByArea = (f: FilterState, by: AreaLevel): SqlQuery => sql`
  WITH people AS (
    SELECT ${areaCols(by)},
      coalesce(sum(households) FILTER (WHERE status <> '清退'), 0)::INTEGER AS households_now,
      coalesce(sum(persons) FILTER (WHERE status <> '清退'), 0)::INTEGER AS persons_now,
      coalesce(sum(households) FILTER (WHERE status = '已脱贫'), 0)::INTEGER AS households_exited,
      coalesce(sum(persons) FILTER (WHERE status = '已脱贫'), 0)::INTEGER AS persons_exited
    FROM village_people WHERE ${whereOf(f, CHANGE_FILTERS)} GROUP BY ${areaGroup(by)}
  ), changes AS (
    SELECT ${areaCols(by)},
      count(*) FILTER (WHERE change_type = '新增纳入')::INTEGER AS households_added,
      coalesce(sum(persons_delta) FILTER (WHERE change_type = '新增纳入'), 0)::INTEGER AS persons_added,
      count(*) FILTER (WHERE change_type = '清退')::INTEGER AS households_removed,
      coalesce(-sum(persons_delta) FILTER (WHERE change_type = '清退'), 0)::INTEGER AS persons_removed,
      coalesce(sum(persons_delta) FILTER (WHERE change_type IN ('人口增加', '人口减少')), 0)::INTEGER AS persons_other
    FROM household_changes WHERE ${whereOf(f, CHANGE_FILTERS)} GROUP BY ${areaGroup(by)}
  )
  SELECT p.key, p.name, p.street,
    (p.households_now - coalesce(c.households_added, 0) + coalesce(c.households_removed, 0))::INTEGER AS households_start,
    coalesce(c.households_added, 0) AS households_added,
    coalesce(c.households_removed, 0) AS households_removed,
    p.households_exited, p.households_now,
    (p.persons_now - coalesce(c.persons_added, 0) + coalesce(c.persons_removed, 0) - coalesce(c.persons_other, 0))::INTEGER AS persons_start,
    coalesce(c.persons_added, 0) AS persons_added,
    coalesce(c.persons_removed, 0) AS persons_removed,
    coalesce(c.persons_other, 0) AS persons_other,
    p.persons_exited, p.persons_now
  FROM people p LEFT JOIN changes c USING (key)
  ORDER BY p.street, p.key`;

/** Change records per ISO week (Monday) and type, for "changes over time". */
export const changesOverTime = (f: FilterState): SqlQuery => sql`
  SELECT strftime(date_trunc('week', date), '%Y-%m-%d') AS week, change_type,
    count(*)::INTEGER AS records, sum(persons_delta)::INTEGER AS persons
  FROM household_changes WHERE ${whereOf(f, CHANGE_FILTERS)}
  GROUP BY ALL ORDER BY week, change_type`;

/** Latest change records (for village pages and tables). */
export const changeRecords = (f: FilterState, limit = 200): SqlQuery => sql`
  SELECT strftime(date, '%Y-%m-%d') AS date, street, village_code, village_name, change_type,
    persons_delta::INTEGER AS persons_delta, reason
  FROM household_changes WHERE ${whereOf(f, CHANGE_FILTERS)}
  ORDER BY date DESC, village_code LIMIT ${limit}`;

/** Households (not 清退) by 脱贫成效分类, per street or village. */
export const exitCategoryByArea = (f: FilterState, by: AreaLevel): SqlQuery => sql`
  SELECT ${areaCols(by)}, exit_category, count(*)::INTEGER AS households
  FROM households WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY street, key, exit_category`;

/** Households (not 清退) by 脱贫成效分类. */
export const exitCategoryTotals = (f: FilterState): SqlQuery => sql`
  SELECT exit_category, count(*)::INTEGER AS households
  FROM households WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY exit_category ORDER BY exit_category`;

/** Households (not 清退) per income band and exit category. */
export const incomeBands = (f: FilterState): SqlQuery => sql`
  SELECT income_band, exit_category, count(*)::INTEGER AS households
  FROM households WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY income_band, exit_category`;

/** 三保障: households (not 清退) without each guarantee. */
export const securityGaps = (f: FilterState): SqlQuery => sql`
  SELECT count(*)::INTEGER AS households,
    count(*) FILTER (WHERE education_secured = '否')::INTEGER AS education_gap,
    count(*) FILTER (WHERE medical_secured = '否')::INTEGER AS medical_gap,
    count(*) FILTER (WHERE housing_secured = '否')::INTEGER AS housing_gap,
    count(*) FILTER (WHERE education_secured = '否' OR medical_secured = '否' OR housing_secured = '否')::INTEGER AS any_gap
  FROM households WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}`;

/** How many households (not 清退) use each measure. */
export const measuresInUse = (f: FilterState): SqlQuery => sql`
  SELECT measure, count(*)::INTEGER AS households FROM (
    SELECT unnest(measures) AS measure FROM households
    WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}
  ) GROUP BY measure ORDER BY households DESC, measure`;

/** What `householdTypes` returns for a 户类型 or 劳动能力 blanked for k-anonymity. */
export const HIDDEN_VALUE = '（隐私保护未公开）';

/** Households by 户类型 and 劳动能力 (`HIDDEN_VALUE` where coarsened for privacy). */
export const householdTypes = (f: FilterState): SqlQuery => sql`
  SELECT coalesce(household_type, ${HIDDEN_VALUE}) AS household_type,
    coalesce(labor_capacity, ${HIDDEN_VALUE}) AS labor_capacity, count(*)::INTEGER AS households
  FROM households WHERE status <> '清退' AND ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY household_type, labor_capacity`;

/** Households and persons (exact, from village_people) by 脱贫成效分类; 清退 left out. */
export const exitCategoryPeople = (f: FilterState): SqlQuery => sql`
  SELECT exit_category, sum(households)::INTEGER AS households, sum(persons)::INTEGER AS persons
  FROM village_people WHERE status <> '清退' AND ${whereOf(f, PEOPLE_FILTERS)}
  GROUP BY exit_category ORDER BY exit_category`;
