/**
 * Named queries over the registered households and their changes (attachments
 * 1, 2, 5): the household rows (建档立卡 households, generalised for privacy),
 * village_people (exact counts per village), street_people and street_changes
 * (exact street figures), change_counts (changes counted per village and week)
 * and change_reasons (reason categories by street). Below street level the
 * tables hold counts only, so a village filter answers with households, not
 * persons (docs/privacy.md).
 */
import { DISTRICT_REMAINDER, DISTRICT_ROWS } from '../contract/privacyReport.ts';
import { whereOf, type FilterKey, type FilterState } from './filters.ts';
import { sql, type SqlQuery } from './sql.ts';

/**
 * The sum of the persons of the rows, or null when any row's persons are not
 * published (a street cell of fewer than k households): a sum that leaves some
 * out would read as exact.
 */
const personsSum = (where = sql`TRUE`) =>
  sql`CASE WHEN count(*) FILTER (WHERE ${where} AND persons IS NULL) = 0 THEN coalesce(sum(persons) FILTER (WHERE ${where}), 0) END`;

export const HOUSEHOLD_FILTERS: readonly FilterKey[] = [
  'street',
  'village',
  'exit_category',
  'household_type',
  'labor_capacity',
  'gap',
];
const STREET_FILTERS: readonly FilterKey[] = ['street'];
const CHANGE_FILTERS: readonly FilterKey[] = ['street', 'village'];

/** Grouping level for per-area tables. */
export type AreaLevel = 'street' | 'village';
/**
 * Household rows published under the district only (street blank) are a row of
 * their own in per-street tables: key '', named DISTRICT_ROWS.
 */
const areaCols = (by: AreaLevel) =>
  by === 'street'
    ? sql`coalesce(street, '') AS key, coalesce(street, ${DISTRICT_ROWS}) AS name, street`
    : sql`village_code AS key, village_name AS name, street`;

/** The village_people counts as rows by 建档状态 (persons only for the 建档立卡 total, not per status). */
const villagePeopleByStatus = (f: FilterState): SqlQuery => sql`
  SELECT status, sum(households)::INTEGER AS households, NULL::INTEGER AS persons FROM (
    SELECT '在册' AS status, households_active AS households FROM village_people WHERE ${whereOf(f, CHANGE_FILTERS)}
    UNION ALL SELECT '已脱贫', households_exited FROM village_people WHERE ${whereOf(f, CHANGE_FILTERS)}
    UNION ALL SELECT '清退', households_removed FROM village_people WHERE ${whereOf(f, CHANGE_FILTERS)}
  ) GROUP BY status ORDER BY status`;

/**
 * Households and persons by 建档状态, exact: from street_people for the district
 * or a street (persons null where some are not published); for a village
 * households only (persons are not published per status there).
 */
export const peopleByStatus = (f: FilterState): SqlQuery =>
  f.village
    ? villagePeopleByStatus(f)
    : sql`
  SELECT status, sum(households)::INTEGER AS households, (${personsSum()})::INTEGER AS persons
  FROM street_people WHERE ${whereOf(f, STREET_FILTERS)}
  GROUP BY status ORDER BY status`;

/** Changes by type: records, and persons for the district or a street (none for a village). */
export const changesByType = (f: FilterState): SqlQuery =>
  f.village
    ? sql`
  SELECT change_type, sum(records)::INTEGER AS records, NULL::INTEGER AS persons
  FROM change_counts WHERE ${whereOf(f, CHANGE_FILTERS)}
  GROUP BY change_type ORDER BY change_type`
    : sql`
  SELECT change_type, sum(records)::INTEGER AS records, sum(persons)::INTEGER AS persons
  FROM street_changes WHERE ${whereOf(f, STREET_FILTERS)}
  GROUP BY change_type ORDER BY change_type`;

/**
 * Per street: households and persons at the start of the review, added,
 * removed, exited and now, all exact (persons null where a street publishes
 * only counts). start = now − added + removed (− other person changes). The
 * villages whose household rows went to the district are a row of their own
 * (key '', named DISTRICT_REMAINDER): their households are in no street's figures.
 */
const registrationByStreet = (f: FilterState): SqlQuery => sql`
  WITH people AS (
    SELECT coalesce(street, '') AS key, coalesce(street, ${DISTRICT_REMAINDER}) AS name, street,
      coalesce(sum(households) FILTER (WHERE status <> '清退'), 0)::INTEGER AS households_now,
      (${personsSum(sql`status <> '清退'`)})::INTEGER AS persons_now,
      coalesce(sum(households) FILTER (WHERE status = '已脱贫'), 0)::INTEGER AS households_exited,
      (${personsSum(sql`status = '已脱贫'`)})::INTEGER AS persons_exited
    FROM street_people WHERE ${whereOf(f, STREET_FILTERS)} GROUP BY street
  ), changes AS (
    SELECT coalesce(street, '') AS key,
      coalesce(sum(records) FILTER (WHERE change_type = '新增纳入'), 0)::INTEGER AS households_added,
      coalesce(sum(persons) FILTER (WHERE change_type = '新增纳入'), 0)::INTEGER AS persons_added,
      coalesce(sum(records) FILTER (WHERE change_type = '清退'), 0)::INTEGER AS households_removed,
      coalesce(-sum(persons) FILTER (WHERE change_type = '清退'), 0)::INTEGER AS persons_removed,
      coalesce(sum(persons) FILTER (WHERE change_type IN ('人口增加', '人口减少')), 0)::INTEGER AS persons_other
    FROM street_changes WHERE ${whereOf(f, STREET_FILTERS)} GROUP BY street
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
  ORDER BY street`;

/**
 * Per village: the same households, exact; of the persons only the 建档立卡
 * total (null where the village has fewer than k households) — the others are
 * not published below street level.
 */
const registrationByVillage = (f: FilterState): SqlQuery => sql`
  WITH changes AS (
    SELECT village_code AS key,
      coalesce(sum(records) FILTER (WHERE change_type = '新增纳入'), 0)::INTEGER AS households_added,
      coalesce(sum(records) FILTER (WHERE change_type = '清退'), 0)::INTEGER AS households_removed
    FROM change_counts WHERE ${whereOf(f, CHANGE_FILTERS)} GROUP BY village_code
  )
  SELECT p.village_code AS key, p.village_name AS name, p.street,
    (p.households - coalesce(c.households_added, 0) + coalesce(c.households_removed, 0))::INTEGER AS households_start,
    coalesce(c.households_added, 0) AS households_added,
    coalesce(c.households_removed, 0) AS households_removed,
    p.households_exited, p.households AS households_now,
    NULL::INTEGER AS persons_start, NULL::INTEGER AS persons_added,
    NULL::INTEGER AS persons_removed, NULL::INTEGER AS persons_other,
    NULL::INTEGER AS persons_exited, p.persons AS persons_now
  FROM village_people p LEFT JOIN changes c ON c.key = p.village_code
  WHERE ${whereOf(f, CHANGE_FILTERS)}
  ORDER BY street, key`;

/** Registration figures per street (exact) or per village (households; persons now only). */
export const registrationByArea = (f: FilterState, by: AreaLevel): SqlQuery =>
  by === 'street' ? registrationByStreet(f) : registrationByVillage(f);

/** Changes per ISO week (Monday) and type, for "changes over time". */
export const changesOverTime = (f: FilterState): SqlQuery => sql`
  SELECT strftime(week_start, '%Y-%m-%d') AS week, change_type, sum(records)::INTEGER AS records
  FROM change_counts WHERE ${whereOf(f, CHANGE_FILTERS)}
  GROUP BY ALL ORDER BY week, change_type`;

/**
 * Reason categories by change type for the district (street rows and the rest
 * added up) or one street (its own rows; none when its changes were too few to
 * show by street). A village is answered with its street's.
 */
export const changeReasonTallies = (f: FilterState): SqlQuery => sql`
  SELECT change_type, reason_category, sum(records)::INTEGER AS records
  FROM change_reasons WHERE ${whereOf(f, STREET_FILTERS)}
  GROUP BY ALL ORDER BY change_type, records DESC, reason_category`;

/** Every change_reasons row as published (for the publication record: the months it froze). */
export const reasonTallyRows = (): SqlQuery => sql`
  SELECT period, street, change_type, reason_category, records::INTEGER AS records
  FROM change_reasons ORDER BY period, street NULLS LAST, change_type, reason_category`;

/**
 * Villages whose household rows are not all published with them (docs/privacy.md):
 * their 建档立卡 households (village_people, exact), the rows that carry their
 * village code, and where the rows went (household_detail). For the notes under
 * per-village tables of the household rows.
 */
export const villagesNotFullyListed = (f: FilterState): SqlQuery => sql`
  SELECT * FROM (
    SELECT v.street, v.village_code, v.village_name, v.household_detail,
      p.households::INTEGER AS households, coalesce(h.n, 0)::INTEGER AS listed
    FROM villages v JOIN village_people p ON p.village_code = v.village_code
    LEFT JOIN (SELECT village_code, count(*) AS n FROM households WHERE village_code IS NOT NULL
      GROUP BY village_code) h ON h.village_code = v.village_code
  ) WHERE listed < households AND ${whereOf(f, CHANGE_FILTERS)}
  ORDER BY street, village_code`;

/** Households by 脱贫成效分类, per street or village (rows published under the street leave village tables). */
export const exitCategoryByArea = (f: FilterState, by: AreaLevel): SqlQuery => sql`
  SELECT ${areaCols(by)}, exit_category, count(*)::INTEGER AS households
  FROM households WHERE ${by === 'village' ? sql`village_code IS NOT NULL AND ` : sql``}${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY street, key, exit_category`;

/** Households by 脱贫成效分类. */
export const exitCategoryTotals = (f: FilterState): SqlQuery => sql`
  SELECT exit_category, count(*)::INTEGER AS households
  FROM households WHERE ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY exit_category ORDER BY exit_category`;

/** Households per income band and exit category. */
export const incomeBands = (f: FilterState): SqlQuery => sql`
  SELECT income_band, exit_category, count(*)::INTEGER AS households
  FROM households WHERE ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY income_band, exit_category`;

/** 三保障: households without each guarantee. */
export const securityGaps = (f: FilterState): SqlQuery => sql`
  SELECT count(*)::INTEGER AS households,
    count(*) FILTER (WHERE education_secured = '否')::INTEGER AS education_gap,
    count(*) FILTER (WHERE medical_secured = '否')::INTEGER AS medical_gap,
    count(*) FILTER (WHERE housing_secured = '否')::INTEGER AS housing_gap,
    count(*) FILTER (WHERE education_secured = '否' OR medical_secured = '否' OR housing_secured = '否')::INTEGER AS any_gap
  FROM households WHERE ${whereOf(f, HOUSEHOLD_FILTERS)}`;

/** How many households use each measure. */
export const measuresInUse = (f: FilterState): SqlQuery => sql`
  SELECT measure, count(*)::INTEGER AS households FROM (
    SELECT unnest(measures) AS measure FROM households WHERE ${whereOf(f, HOUSEHOLD_FILTERS)}
  ) GROUP BY measure ORDER BY households DESC, measure`;

/** What `householdTypes` returns for a 户类型 or 劳动能力 blanked for privacy. */
export const HIDDEN_VALUE = '（隐私保护未公开）';

/** Households by 户类型 and 劳动能力 (`HIDDEN_VALUE` where blanked for privacy). */
export const householdTypes = (f: FilterState): SqlQuery => sql`
  SELECT coalesce(household_type, ${HIDDEN_VALUE}) AS household_type,
    coalesce(labor_capacity, ${HIDDEN_VALUE}) AS labor_capacity, count(*)::INTEGER AS households
  FROM households WHERE ${whereOf(f, HOUSEHOLD_FILTERS)}
  GROUP BY ALL ORDER BY household_type, labor_capacity`;

/**
 * Households and persons by 脱贫成效分类, exact, for the district or a street
 * (street_people; 清退 left out). A street published by 建档状态 only gives a
 * row with a null category; persons are null where some are not published.
 */
export const exitCategoryPeople = (f: FilterState): SqlQuery => sql`
  SELECT exit_category, sum(households)::INTEGER AS households, (${personsSum()})::INTEGER AS persons
  FROM street_people WHERE status <> '清退' AND ${whereOf(f, ['street', 'exit_category'])}
  GROUP BY exit_category ORDER BY exit_category`;
