/**
 * What the neighbour knows, taken from the input data folder (the ground truth),
 * and the hidden values the tool checks its own conclusions against.
 */
import { incomeBand } from '../../src/contract/incomeBands.ts';
import { STATUS_BY_CHANGE } from '../../src/contract/enums.ts';
import type { Dataset } from '../../src/contract/input/datasets.ts';

/** A status-changing event (新增纳入, 清退, 脱贫, 返贫) the neighbour saw. */
export interface KnownEvent {
  type: string;
  date: string;
  personsDelta: number;
}

/** A population change (人口增加, 人口减少): changes the household size over time. */
export interface SizeChange {
  date: string;
  delta: number;
}

/** One household as the neighbour knows it, plus its hidden published values. */
export interface TruthHousehold {
  id: string;
  village: string;
  street: string;
  /** Household size as of the data's as_of date. */
  size: number;
  type: string;
  labor: string;
  enrolledYear: number;
  /** Status-changing events, oldest first (same day: input order). */
  events: readonly KnownEvent[];
  /** Population changes, oldest first (for the size at an earlier date). */
  sizeChanges: readonly SizeChange[];
  /**
   * The statuses the household can have, given its events (data contract: the
   * latest status-changing record decides; without one, 在册 or 已脱贫).
   */
  knownStatuses: readonly string[];
  /** Hidden: what the published rows say, to check the attacker is never wrong. */
  hidden: {
    status: string;
    exit_category: string | null;
    income: number;
    income_band: string;
    education_secured: string;
    medical_secured: string;
    housing_secured: string;
  };
}

export interface TruthVillage {
  code: string;
  name: string;
  street: string;
}

/** The input data as the attacker model uses it. */
export interface Truth {
  asOf: string;
  k: number;
  povertyLine: number;
  households: readonly TruthHousehold[];
  villages: readonly TruthVillage[];
}

/** Statuses of a household with no status-changing record (contract: not 清退). */
export const STATUSES_WITHOUT_EVENT: readonly string[] = ['在册', '已脱贫'];

/** The statuses events leave possible: the latest event's, or 在册 / 已脱贫 without one. */
export function knownStatuses(events: readonly KnownEvent[]): readonly string[] {
  const last = events.at(-1);
  if (!last) return STATUSES_WITHOUT_EVENT;
  const status = (STATUS_BY_CHANGE as Record<string, string | undefined>)[last.type];
  return status ? [status] : STATUSES_WITHOUT_EVENT;
}

/** Builds the truth from a validated data set (see loadDataset). */
export function buildTruth(data: Dataset): Truth {
  const band = incomeBand(data.campaign.income_bands);
  const streetOf = new Map(data.villages.map((v) => [v.village_code, v.street]));
  const events = new Map<string, KnownEvent[]>();
  const sizeChanges = new Map<string, SizeChange[]>();
  // Stable sort by date keeps the input order within a day (as the cross-check reads it).
  const changes = [...data.household_changes].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  for (const c of changes) {
    if (STATUS_BY_CHANGE[c.change_type] !== undefined) {
      const list = events.get(c.household_id) ?? [];
      list.push({ type: c.change_type, date: c.date, personsDelta: c.persons_delta });
      events.set(c.household_id, list);
    } else {
      const list = sizeChanges.get(c.household_id) ?? [];
      list.push({ date: c.date, delta: c.persons_delta });
      sizeChanges.set(c.household_id, list);
    }
  }
  return {
    asOf: data.campaign.as_of,
    k: data.campaign.privacy.k,
    povertyLine: data.campaign.poverty_line.yuan,
    villages: data.villages.map((v) => ({
      code: v.village_code,
      name: v.village_name,
      street: v.street,
    })),
    households: data.households.map((h) => {
      const own = events.get(h.household_id) ?? [];
      return {
        id: h.household_id,
        village: h.village_code,
        street: streetOf.get(h.village_code) ?? '',
        size: h.household_size,
        type: h.household_type,
        labor: h.labor_capacity,
        enrolledYear: h.enrolled_year,
        events: own,
        sizeChanges: sizeChanges.get(h.household_id) ?? [],
        knownStatuses: knownStatuses(own),
        hidden: {
          status: h.status,
          exit_category: h.exit_category,
          income: h.income_per_capita,
          income_band: band(h.income_per_capita),
          education_secured: h.education_secured,
          medical_secured: h.medical_secured,
          housing_secured: h.housing_secured,
        },
      };
    }),
  };
}

/**
 * The sizes the household may have had on `date`: its size now minus the
 * population changes after that day; a change on the same day may come before
 * or after the event, so both sizes count.
 */
export function sizesOn(h: TruthHousehold, date: string): number[] {
  let after = 0;
  let sameDay = 0;
  for (const c of h.sizeChanges) {
    if (c.date > date) after += c.delta;
    else if (c.date === date) sameDay += c.delta;
  }
  const before = h.size - after;
  return sameDay === 0 ? [before] : [before, before - sameDay];
}
