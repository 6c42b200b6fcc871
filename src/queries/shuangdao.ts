/** Named queries over shortcomings (attachment 3: the 双到 villages). */
import { whereOf, type FilterKey, type FilterState } from './filters.ts';
import { sql, type SqlQuery } from './sql.ts';

export const SHORTCOMING_FILTERS: readonly FilterKey[] = ['street', 'village', 'dimension'];

/** One row of `shuangdaoMatrix`: a 双到 village's 领域. */
export type ShortcomingRow = {
  street: string;
  village_code: string;
  village_name: string;
  shuangdao_round: string | null;
  dimension: string;
  mechanism_in_place: string;
  shortcoming: string | null;
  proposed_project: string | null;
  estimated_investment_wan: number | null;
  in_project_library: string | null;
  responsible_unit: string | null;
};

/** One row per 双到 village × 领域: the matrix at a glance, and the shortcomings table. */
export const shuangdaoMatrix = (f: FilterState): SqlQuery => sql`
  SELECT street, village_code, village_name, shuangdao_round, dimension, mechanism_in_place,
    shortcoming, proposed_project, estimated_investment_wan::DOUBLE AS estimated_investment_wan,
    in_project_library, responsible_unit
  FROM shortcomings WHERE ${whereOf(f, SHORTCOMING_FILTERS)}
  ORDER BY street, village_code, dimension`;

/** Per 领域: villages without a long-term mechanism, projects, investment, in the library. */
export const shortcomingsByDimension = (f: FilterState): SqlQuery => sql`
  SELECT dimension,
    count(DISTINCT village_code)::INTEGER AS villages,
    count(*) FILTER (WHERE mechanism_in_place = '否')::INTEGER AS villages_with_gap,
    count(proposed_project)::INTEGER AS projects,
    coalesce(sum(estimated_investment_wan), 0)::DOUBLE AS investment_wan,
    count(*) FILTER (WHERE in_project_library = '是' AND proposed_project IS NOT NULL)::INTEGER AS in_library,
    count(*) FILTER (WHERE proposed_project IS NOT NULL AND estimated_investment_wan IS NULL)::INTEGER AS projects_unpriced
  FROM shortcomings WHERE ${whereOf(f, SHORTCOMING_FILTERS)}
  GROUP BY dimension ORDER BY dimension`;

/**
 * Per street: 双到 villages (and by round), villages with any shortcoming (a 领域 without a
 * long-term mechanism), gaps (village × 领域), projects, investment, in the library.
 * Streets without any 双到 village do not appear (see streetList).
 */
export const shuangdaoByStreet = (f: FilterState): SqlQuery => sql`
  SELECT street, count(DISTINCT village_code)::INTEGER AS villages,
    count(DISTINCT village_code) FILTER (WHERE shuangdao_round = '1')::INTEGER AS round1,
    count(DISTINCT village_code) FILTER (WHERE shuangdao_round = '2')::INTEGER AS round2,
    count(DISTINCT village_code) FILTER (WHERE mechanism_in_place = '否')::INTEGER AS villages_with_gap,
    count(*) FILTER (WHERE mechanism_in_place = '否')::INTEGER AS gaps,
    count(proposed_project)::INTEGER AS projects,
    count(*) FILTER (WHERE in_project_library = '是' AND proposed_project IS NOT NULL)::INTEGER AS in_library,
    coalesce(sum(estimated_investment_wan), 0)::DOUBLE AS investment_wan
  FROM shortcomings WHERE ${whereOf(f, SHORTCOMING_FILTERS)}
  GROUP BY street ORDER BY street`;
