import { householdsDataset } from '../../src/contract/index.ts';
import type { VillageRecord } from './buildVillages.ts';
import type { Calendar } from './calendar.ts';
import type { ChangeLog } from './changeLog.ts';
import { CHANGE_REASONS } from './changeReasons.ts';
import { csvRow } from './csvRow.ts';
import { drawHousehold, ROLES, type Role } from './drawHousehold.ts';
import type { ChangePlan } from './planChanges.ts';
import type { Rng } from './rng.ts';
import type { TextSink } from './textSink.ts';

const COLUMNS = householdsDataset.columns.map((c) => c.key);
const MAX_SIZE = 20;

/**
 * Streams households.csv rows (village by village) and records each
 * household's change records in `log`. Roles are drawn without replacement
 * (a sequential multinomial draw), so the plan's counts come out exactly
 * while nothing but the current household is held in memory. Returns the
 * persons written and, by village index, the 建档立卡 households (在册 and
 * 已脱贫: what a project's 受益贫困户数 may not exceed).
 */
export function writeHouseholds(
  villages: readonly VillageRecord[],
  perVillage: readonly number[],
  plan: ChangePlan,
  calendar: Calendar,
  householdId: (index: number) => string,
  rng: Rng,
  sink: TextSink,
  log: ChangeLog,
): { persons: number; registered: number[] } {
  const left = ROLES.map((r) => plan.roles[r]);
  let householdsLeft = left.reduce((a, b) => a + b, 0);
  let eligibleLeft = householdsLeft - plan.roles.清退 - plan.roles.新增纳入;
  const base = eligibleLeft > 0 ? Math.floor(plan.population / eligibleLeft) : 0;
  let extraLeft = eligibleLeft > 0 ? plan.population - base * eligibleLeft : 0;
  let index = 0;
  let persons = 0;
  const registered = villages.map(() => 0);

  villages.forEach((village, vi) => {
    for (let k = 0; k < (perVillage[vi] ?? 0); k++, index++) {
      let u = Math.floor(rng.next() * householdsLeft);
      let r = 0;
      while (u >= left[r]!) u -= left[r++]!;
      left[r]!--;
      householdsLeft--;
      const role: Role = ROLES[r]!;
      const h = drawHousehold(role, rng);
      persons += h.size;
      if (h.status !== '清退') registered[vi]! += 1;

      if (role === '清退' || role === '新增纳入' || role === '返贫' || role === '脱贫') {
        const delta = role === '清退' ? -h.size : role === '新增纳入' ? h.size : 0;
        log.push(
          index,
          calendar.statusDay(rng),
          role,
          delta,
          rng.int(0, CHANGE_REASONS[role].length - 1),
        );
      }
      if (role !== '清退' && role !== '新增纳入') {
        const extra = rng.next() * eligibleLeft < extraLeft ? 1 : 0;
        extraLeft -= extra;
        eligibleLeft--;
        recordPopulationChanges(index, h.size, base + extra, calendar, rng, log);
      }

      const row: Record<string, string | number> = {
        household_id: householdId(index),
        village_code: village.code,
        household_size: h.size,
        household_type: h.type,
        labor_capacity: h.labor,
        status: h.status,
        enrolled_year: h.enrolledYear,
        income_per_capita: h.income,
        exit_category: h.exitCategory ?? '',
        education_secured: h.education,
        medical_secured: h.medical,
        housing_secured: h.housing,
        measures: h.measures,
      };
      sink.write(csvRow(COLUMNS.map((c) => row[c] ?? '')));
    }
  });
  return { persons, registered };
}

/**
 * Population changes that end at the household's current size: walked back
 * from the latest, each keeps the size before it within 1–20.
 */
function recordPopulationChanges(
  index: number,
  size: number,
  count: number,
  calendar: Calendar,
  rng: Rng,
  log: ChangeLog,
): void {
  if (count === 0) return;
  const days = Array.from({ length: count }, () => calendar.anyDay(rng)).sort((a, b) => b - a);
  let after = size;
  for (const day of days) {
    const canAdd = after >= 2;
    const canRemove = after < MAX_SIZE;
    const add = canAdd && (!canRemove || rng.chance(0.5));
    const step = rng.chance(0.1) && (add ? after >= 3 : after + 2 <= MAX_SIZE) ? 2 : 1;
    const type = add ? '人口增加' : '人口减少';
    log.push(index, day, type, add ? step : -step, rng.int(0, CHANGE_REASONS[type].length - 1));
    after += add ? -step : step;
  }
}
