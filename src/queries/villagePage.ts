/**
 * Grouped queries for the village and street pages: each returns every
 * village's (or place's) rows at once, so prerendering 2,300 village pages
 * runs a handful of queries in total instead of ~10 per page. Each row carries
 * `village_code` (and `street`) so pages pick their slice in JavaScript.
 */
import { sql, type SqlQuery } from './sql.ts';

/** 三保障 gaps per village: households (not 清退) without each guarantee. */
export const securityGapsByVillage = (): SqlQuery => sql`
  SELECT village_code, count(*)::INTEGER AS households,
    count(*) FILTER (WHERE education_secured = '否')::INTEGER AS education_gap,
    count(*) FILTER (WHERE medical_secured = '否')::INTEGER AS medical_gap,
    count(*) FILTER (WHERE housing_secured = '否')::INTEGER AS housing_gap,
    count(*) FILTER (WHERE education_secured = '否' OR medical_secured = '否' OR housing_secured = '否')::INTEGER AS any_gap
  FROM households WHERE status <> '清退'
  GROUP BY village_code ORDER BY village_code`;

/** Households (not 清退) using each measure, per village. */
export const measuresByVillage = (): SqlQuery => sql`
  SELECT village_code, measure, count(*)::INTEGER AS households FROM (
    SELECT village_code, unnest(measures) AS measure FROM households WHERE status <> '清退'
  ) GROUP BY village_code, measure ORDER BY village_code, households DESC, measure`;

/** Households (not 清退) per income band and exit category, per village. */
export const incomeBandsByVillage = (): SqlQuery => sql`
  SELECT village_code, income_band, exit_category, count(*)::INTEGER AS households
  FROM households WHERE status <> '清退'
  GROUP BY ALL ORDER BY village_code, income_band, exit_category`;

/** Change records per village, type and reason (the "why" of each change). */
export const changeReasonsByVillage = (): SqlQuery => sql`
  SELECT village_code, change_type, reason, count(*)::INTEGER AS records,
    sum(persons_delta)::INTEGER AS persons
  FROM household_changes
  GROUP BY ALL ORDER BY village_code, change_type, records DESC, reason`;

/** The latest `limit` change records of every village. */
export const latestChangesByVillage = (limit: number): SqlQuery => sql`
  SELECT village_code, strftime(date, '%Y-%m-%d') AS date, change_type,
    persons_delta::INTEGER AS persons_delta, reason
  FROM household_changes
  QUALIFY row_number() OVER (PARTITION BY village_code ORDER BY date DESC, change_type, reason) <= ${limit}
  ORDER BY village_code, date DESC, change_type, reason`;

/**
 * Every rectification item with its place (village_code NULL = street-wide),
 * in reading order within a place: overdue open items first, done items last,
 * then by deadline.
 */
export const rectificationsByPlace = (): SqlQuery => sql`
  SELECT issue_id, source_level, source_type, strftime(found_date, '%Y-%m-%d') AS found_date,
    street, village_code, village_name, category, description, measures, responsible_unit,
    strftime(deadline, '%Y-%m-%d') AS deadline, status,
    strftime(completed_date, '%Y-%m-%d') AS completed_date, overdue
  FROM rectifications
  ORDER BY street, village_code NULLS FIRST,
    (overdue AND status <> '已完成') DESC, status = '已完成', deadline, issue_id`;
