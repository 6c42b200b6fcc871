/**
 * Grouped queries for the village and street pages: each returns every
 * village's (or place's) rows at once, so prerendering 2,300 village pages
 * runs a handful of queries in total instead of ~10 per page. Each row carries
 * `village_code` (and `street`) so pages pick their slice in JavaScript.
 */
import { sql, type SqlQuery } from './sql.ts';

/** 三保障 gaps per village: households without each guarantee (rows published under the street left out). */
export const securityGapsByVillage = (): SqlQuery => sql`
  SELECT village_code, count(*)::INTEGER AS households,
    count(*) FILTER (WHERE education_secured = '否')::INTEGER AS education_gap,
    count(*) FILTER (WHERE medical_secured = '否')::INTEGER AS medical_gap,
    count(*) FILTER (WHERE housing_secured = '否')::INTEGER AS housing_gap,
    count(*) FILTER (WHERE education_secured = '否' OR medical_secured = '否' OR housing_secured = '否')::INTEGER AS any_gap
  FROM households WHERE village_code IS NOT NULL
  GROUP BY village_code ORDER BY village_code`;

/** Households using each measure, per village. */
export const measuresByVillage = (): SqlQuery => sql`
  SELECT village_code, measure, count(*)::INTEGER AS households FROM (
    SELECT village_code, unnest(measures) AS measure FROM households WHERE village_code IS NOT NULL
  ) GROUP BY village_code, measure ORDER BY village_code, households DESC, measure`;

/** Households per income band and exit category, per village. */
export const incomeBandsByVillage = (): SqlQuery => sql`
  SELECT village_code, income_band, exit_category, count(*)::INTEGER AS households
  FROM households WHERE village_code IS NOT NULL
  GROUP BY ALL ORDER BY village_code, income_band, exit_category`;

/** Changes per village and type (counts only: single records are not published). */
export const changeCountsByVillage = (): SqlQuery => sql`
  SELECT village_code, change_type, sum(records)::INTEGER AS records
  FROM change_counts
  GROUP BY ALL ORDER BY village_code, change_type`;

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
