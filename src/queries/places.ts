/** Streets and villages: the navigation of the site. */
import { sql, type SqlQuery } from './sql.ts';

/* Row types are `type` aliases (not interfaces) so they satisfy the engine's `Row` index signature. */
/** One row of `villageList()`. */
export type VillageRow = {
  street: string;
  village_code: string;
  village_name: string;
  /** 双到轮次: '1' / '2', or null when the village was never a 双到 village. */
  shuangdao_round: string | null;
  /** 相对贫困村: 是 / 否. */
  is_poor_village: string;
  /** 建档立卡 households (在册 + 已脱贫), exact. */
  households: number;
  /** Their persons; null where the village has fewer than k such households. */
  persons: number | null;
  /** Where its household rows are published: 按村公开 / 并入街道 / 并入全区. */
  household_detail: string;
};

/** One row of `streetList()`. */
export type StreetRow = { street: string; villages: number; shuangdao_villages: number };

/** Every village with its street and a few headline numbers. */
export const villageList = (): SqlQuery => sql`
  SELECT v.street, v.village_code, v.village_name, v.shuangdao_round, v.is_poor_village,
    coalesce(p.households, 0)::INTEGER AS households, p.persons::INTEGER AS persons,
    v.household_detail
  FROM villages v LEFT JOIN village_people p USING (village_code)
  ORDER BY v.street, v.village_code`;

/** Streets with village counts. */
export const streetList = (): SqlQuery => sql`
  SELECT street, count(*)::INTEGER AS villages,
    count(*) FILTER (WHERE shuangdao_round IS NOT NULL)::INTEGER AS shuangdao_villages
  FROM villages GROUP BY street ORDER BY min(village_code)`;

/** Campaign phases. */
export const phaseList = (): SqlQuery => sql`
  SELECT name, strftime(start, '%Y-%m-%d') AS start, strftime("end", '%Y-%m-%d') AS "end"
  FROM phases ORDER BY start, name`;
