/**
 * A validated data set as it stood on an earlier date: what staff would have
 * published then. The attack compares such an earlier publication with
 * today's (a neighbour keeps every publication), so the pair must be two
 * honest states of the same register, derived deterministically.
 *
 * Rolling back to `date` (before the data's as_of):
 *  - change records after `date` are dropped, and their effects undone: a
 *    household whose first status record after `date` is 新增纳入 (and that had
 *    none before) did not exist yet; otherwise its 建档状态 is the one its last
 *    status record up to `date` gives, or — without one — the status before
 *    its first later record (清退 and 脱贫 were 在册, 返贫 was 已脱贫); its size
 *    is today's minus the later 人口增加 / 人口减少;
 *  - a household removed (清退) after `date` gets back an exit category: the
 *    register keeps none for a 清退 household, so 巩固提升 (a removed household
 *    was mostly found to be above the line) stands in;
 *  - rectifications found after `date` are dropped, those completed after it
 *    are 整改中 again; projects started after it are 未开工, those finished after
 *    it 在建 again (a project without a start date keeps its status); a project's 受益贫困户数 is capped at its area's 建档立卡
 *    households on `date` (the cross-file rule);
 *  - villages, shortcomings and the campaign's settings stay (as_of becomes `date`).
 * Pure: no I/O.
 */
import { STATUS_BY_CHANGE, type ExitCategory } from '../../src/contract/enums.ts';
import type { Dataset } from '../../src/contract/input/datasets.ts';
import type { Household } from '../../src/contract/input/households.ts';
import type { HouseholdChange } from '../../src/contract/input/householdChanges.ts';

type Status = Household['status'];

/** The status a household had just before a status record of this type. */
const STATUS_BEFORE: Readonly<Record<string, Status>> = {
  清退: '在册',
  脱贫: '在册',
  返贫: '已脱贫',
};

/** What a removed household's exit category is taken to have been (the register keeps none). */
export const RESTORED_EXIT_CATEGORY: ExitCategory = '巩固提升';

const isStatusChange = (c: HouseholdChange) => STATUS_BY_CHANGE[c.change_type] !== undefined;

/** The data set as of `date` (YYYY-MM-DD, before `data.campaign.as_of`). */
export function earlierSnapshot(data: Dataset, date: string): Dataset {
  if (!(date < data.campaign.as_of))
    throw new Error(`日期 ${date} 应早于数据截止日期 ${data.campaign.as_of}`);
  // Oldest first; the same day keeps the input order (as the cross-check reads it).
  const changes = data.household_changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i))
    .map(({ c }) => c);
  const byHousehold = new Map<string, HouseholdChange[]>();
  for (const c of changes) {
    const list = byHousehold.get(c.household_id);
    if (list) list.push(c);
    else byHousehold.set(c.household_id, [c]);
  }

  const households: Household[] = [];
  for (const h of data.households) {
    const own = byHousehold.get(h.household_id) ?? [];
    const before = own.filter((c) => c.date <= date);
    const after = own.filter((c) => c.date > date);
    const lastBefore = before.filter(isStatusChange).at(-1);
    const firstAfter = after.find(isStatusChange);
    if (!lastBefore && firstAfter?.change_type === '新增纳入') continue;
    const status: Status = lastBefore
      ? (STATUS_BY_CHANGE[lastBefore.change_type] as Status)
      : firstAfter
        ? (STATUS_BEFORE[firstAfter.change_type] as Status)
        : h.status;
    const later = after
      .filter((c) => !isStatusChange(c))
      .reduce((sum, c) => sum + c.persons_delta, 0);
    households.push({
      ...h,
      status,
      household_size: h.household_size - later,
      exit_category: status === '清退' ? null : (h.exit_category ?? RESTORED_EXIT_CATEGORY),
    });
  }
  const kept = new Set(households.map((h) => h.household_id));

  // 建档立卡 households on `date` per village, per street and in all (the projects' cap).
  const streetOf = new Map(data.villages.map((v) => [v.village_code, v.street]));
  const registered = new Map<string, number>();
  const add = (key: string) => registered.set(key, (registered.get(key) ?? 0) + 1);
  for (const h of households) {
    if (h.status === '清退') continue;
    add(`village:${h.village_code}`);
    add(`street:${streetOf.get(h.village_code) ?? ''}`);
    add('district');
  }
  const areaKey = (p: { street: string | null; village_code: string | null }) =>
    p.village_code !== null
      ? `village:${p.village_code}`
      : p.street !== null
        ? `street:${p.street}`
        : 'district';

  return {
    campaign: { ...data.campaign, as_of: date },
    villages: data.villages,
    households,
    household_changes: data.household_changes.filter(
      (c) => c.date <= date && kept.has(c.household_id),
    ),
    shortcomings: data.shortcomings,
    rectifications: data.rectifications
      .filter((r) => r.found_date <= date)
      .map((r) =>
        r.completed_date !== null && r.completed_date > date
          ? { ...r, status: '整改中' as const, completed_date: null }
          : r,
      ),
    projects:
      data.projects?.map((p) => {
        const beneficiary_households = Math.min(
          p.beneficiary_households,
          registered.get(areaKey(p)) ?? 0,
        );
        if (p.start_date !== null && p.start_date > date)
          return {
            ...p,
            status: '未开工' as const,
            start_date: null,
            end_date: null,
            beneficiary_households,
          };
        if (p.end_date !== null && p.end_date > date)
          return { ...p, status: '在建' as const, end_date: null, beneficiary_households };
        return { ...p, beneficiary_households };
      }) ?? null,
  };
}
