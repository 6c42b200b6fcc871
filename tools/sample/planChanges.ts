import type { Role } from './drawHousehold.ts';

/** How many households take each role, and how many population changes there are. */
export interface ChangePlan {
  roles: Record<Role, number>;
  /** 人口增加 / 人口减少 records, spread over households that were neither 清退 nor 新增纳入. */
  population: number;
}

/**
 * Splits the requested number of change records into kinds. Each 清退,
 * 新增纳入, 返贫 and 脱贫 record belongs to its own household (so the latest
 * status record is the only one); caps keep 清退 at a few per cent however
 * many records are asked for; the rest are population changes.
 */
export function planChanges(households: number, changes: number): ChangePlan {
  let left = households;
  let budget = changes;
  const take = (share: number, capShare: number) => {
    const n = Math.max(
      0,
      Math.min(Math.round(share * changes), Math.round(capShare * households), left, budget),
    );
    left -= n;
    budget -= n;
    return n;
  };
  const qt = take(0.18, 0.05);
  const add = take(0.14, 0.05);
  const fp = take(0.05, 0.03);
  const tp = take(0.38, 0.55);
  // About 55 % of all households are 已脱贫: those without a 脱贫 record left poverty before the campaign.
  const exited = Math.max(0, Math.min(left, Math.round(0.55 * households) - tp));
  left -= exited;
  const eligible = households - qt - add;
  return {
    roles: { 清退: qt, 新增纳入: add, 返贫: fp, 脱贫: tp, exited, stay: left },
    population: eligible > 0 ? budget : 0,
  };
}
