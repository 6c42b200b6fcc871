import { AS_OF, CAMPAIGN_START, PHASES } from './buildCampaign.ts';
import { toDay } from './dates.ts';
import type { Rng } from './rng.ts';

/**
 * How busy each campaign day is for status changes (清退, 纳入, 脱贫, 返贫):
 * they are decided while the 工作队 visit households (组织实施), fewer while
 * the plan is still being deployed or checked, hardly any while reporting.
 * A day in several phases takes the quietest one's weight.
 */
const PHASE_WEIGHT: Record<string, number> = {
  动员部署: 0.3,
  组织实施: 1,
  抽查整改: 0.6,
  总结上报: 0.25,
};
const OUTSIDE_PHASES = 0.1;

/** Draws dates (as day numbers) within the campaign. */
export interface Calendar {
  /** A day for a status-changing record. */
  statusDay(rng: Rng): number;
  /** Any day of the campaign, uniformly (population changes are registered as they happen). */
  anyDay(rng: Rng): number;
}

export function createCalendar(): Calendar {
  const first = toDay(CAMPAIGN_START);
  const last = toDay(AS_OF);
  const weights: number[] = [];
  for (let d = first; d <= last; d++) {
    const w = PHASES.filter((p) => toDay(p.start) <= d && d <= toDay(p.end)).map(
      (p) => PHASE_WEIGHT[p.name] ?? OUTSIDE_PHASES,
    );
    weights.push(w.length > 0 ? Math.min(...w) : OUTSIDE_PHASES);
  }
  return {
    statusDay: (rng) => first + rng.weighted(weights),
    anyDay: (rng) => rng.int(first, last),
  };
}
