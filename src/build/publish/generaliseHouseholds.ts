/**
 * Disclosure control for the published household rows (docs/privacy.md).
 *
 * A neighbour knows a household's village, size, type and labour capacity, so
 * the rows are grouped on exactly those (size as a band). Every group of rows
 * such a neighbour could narrow a household down to must
 *  - hold at least k rows (no household has fewer than k candidates), and
 *  - not give a sensitive value away by homogeneity: at least two different
 *    脱贫成效分类, at least two different income bands, and never only
 *    households with a given 三保障 gap.
 *
 * Generalisation only, never dropping a row: a group that fails is generalised
 * one level (type and labour capacity blanked, then the size band), and what a
 * village still cannot protect on its own is completed with rows lent by its
 * other groups. A village that cannot be protected at all (fewer than k
 * households, or all alike in a sensitive value) is published under its street,
 * then the district. Only if even the district's last group fails are the
 * sensitive values it would give away withheld.
 *
 * Deterministic: the result depends only on the rows' published values (ties
 * broken by them), never on input order, and a village's rows depend only on
 * that village's households — so a republication changes only the villages
 * whose households changed.
 */
import type { GeneralisationLevel } from '../../contract/privacyReport.ts';
import { GAP_VALUE } from '../../contract/privacyReport.ts';

/** What the rule sees of one household: where it is, what groups it, what is sensitive. */
export interface HouseholdValues {
  street: string;
  village_code: string;
  /** The published size band ("1–2", "3–4", "5+"). */
  size_band: string;
  household_type: string;
  labor_capacity: string;
  exit_category: string;
  income_band: string;
  education_secured: string;
  medical_secured: string;
  housing_secured: string;
}

/** The sensitive values a group must not give away, and how each can be. */
const SENSITIVE = {
  exit_category: 'distinct',
  income_band: 'distinct',
  education_secured: 'gap',
  medical_secured: 'gap',
  housing_secured: 'gap',
} as const satisfies Partial<Record<keyof HouseholdValues, 'distinct' | 'gap'>>;
export type SensitiveColumn = keyof typeof SENSITIVE;
const SENSITIVE_KEYS = Object.keys(SENSITIVE) as SensitiveColumn[];

export interface Generalisation {
  /** Each row's level (0 exact … 4 district only). */
  levels: Uint8Array;
  /** 1 for rows generalised further only because their group gave a value away. */
  forDiversity: Uint8Array;
  /** 1 for rows lent from a group that was fine, to complete a village's last group. */
  borrowed: Uint8Array;
  /** Villages that could not be protected on their own (their rows went up to the street or further). */
  villagesNotByVillage: Map<string, 3 | 4>;
  /** Sensitive values withheld on a row (only when the district's last group fails). */
  withheld: Map<number, SensitiveColumn[]>;
}

/** Why a group fails: too small, or which sensitive columns it gives away. */
interface Verdict {
  small: boolean;
  givesAway: SensitiveColumn[];
}

function judge(rows: readonly HouseholdValues[], members: readonly number[], k: number): Verdict {
  const givesAway: SensitiveColumn[] = [];
  for (const col of SENSITIVE_KEYS) {
    if (members.length === 0) break;
    const first = (rows[members[0] as number] as HouseholdValues)[col];
    if (SENSITIVE[col] === 'distinct') {
      if (members.every((i) => (rows[i] as HouseholdValues)[col] === first)) givesAway.push(col);
    } else if (members.every((i) => (rows[i] as HouseholdValues)[col] === GAP_VALUE))
      givesAway.push(col);
  }
  return { small: members.length < k, givesAway };
}

const isGood = (v: Verdict) => !v.small && v.givesAway.length === 0;

/** A row's group key at a level within its village (levels 0–2). */
function keyAt(r: HouseholdValues, level: number): string {
  if (level === 0) return `${r.size_band}|${r.household_type}|${r.labor_capacity}`;
  if (level === 1) return r.size_band;
  return '';
}

interface Group {
  key: string;
  level: number;
  members: number[];
}

/** Whether `i` would help a failing group: it adds size, or a value the group lacks. */
function helps(rows: readonly HouseholdValues[], i: number, members: number[], v: Verdict): number {
  const r = rows[i] as HouseholdValues;
  let score = v.small ? 1 : 0;
  for (const col of v.givesAway) {
    const shared = (rows[members[0] as number] as HouseholdValues)[col];
    if (SENSITIVE[col] === 'distinct' ? r[col] !== shared : r[col] !== GAP_VALUE) score += 1;
  }
  return score;
}

/**
 * Completes a failing group with rows lent by good groups (a lender staying
 * good), the most helpful row first; or, when no single row can be lent, with
 * the smallest good group whole. Lent rows take the group's `level`. Returns
 * false when every group has joined and it still fails.
 */
function complete(
  rows: readonly HouseholdValues[],
  group: number[],
  level: GeneralisationLevel,
  lenders: Group[],
  k: number,
  tieKey: (i: number) => string,
  g: Generalisation,
): boolean {
  for (;;) {
    const verdict = judge(rows, group, k);
    if (isGood(verdict)) return true;
    let best: { from: Group; i: number; score: number; tie: string } | null = null;
    for (const from of lenders) {
      for (const i of from.members) {
        const score = helps(rows, i, group, verdict);
        if (score === 0) continue;
        if (
          !isGood(
            judge(
              rows,
              from.members.filter((m) => m !== i),
              k,
            ),
          )
        )
          continue;
        const tie = `${from.level}|${from.key}|${tieKey(i)}`;
        if (!best || score > best.score || (score === best.score && tie < best.tie))
          best = { from, i, score, tie };
      }
    }
    const moved: number[] = [];
    if (best) {
      best.from.members = best.from.members.filter((m) => m !== best.i);
      moved.push(best.i);
    } else {
      const open = lenders.filter((l) => l.members.length > 0);
      if (open.length === 0) return false;
      // No row can be lent on its own: the smallest group joins whole (ties by its key).
      open.sort(
        (x, y) =>
          x.members.length - y.members.length || x.level - y.level || (x.key < y.key ? -1 : 1),
      );
      const whole = open[0] as Group;
      moved.push(...whole.members);
      whole.members = [];
    }
    for (const i of moved) {
      group.push(i);
      g.levels[i] = level;
      g.borrowed[i] = 1;
    }
  }
}

/**
 * Each row's level. `tieKey(i)` orders rows a group may lend: pass the row's
 * other published values, so the choice depends only on what is published.
 */
export function generaliseHouseholds(
  rows: readonly HouseholdValues[],
  k: number,
  tieKey: (index: number) => string,
): Generalisation {
  const g: Generalisation = {
    levels: new Uint8Array(rows.length),
    forDiversity: new Uint8Array(rows.length),
    borrowed: new Uint8Array(rows.length),
    villagesNotByVillage: new Map(),
    withheld: new Map(),
  };
  // k = 1 asks for no grouping at all (every row stands for itself, nothing to protect).
  if (k <= 1) return g;
  const byVillage = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byVillage.get(r.village_code);
    if (list) list.push(i);
    else byVillage.set(r.village_code, [i]);
  });

  // Within each village: levels 0 and 1, then the village's last group (level 2).
  const goodByStreet = new Map<string, Group[]>();
  const leftByStreet = new Map<string, number[]>();
  for (const [village, members] of byVillage) {
    const street = (rows[members[0] as number] as HouseholdValues).street;
    const accepted: Group[] = [];
    let pending = members;
    for (let level = 0; level < 2 && pending.length > 0; level++) {
      const groups = new Map<string, number[]>();
      for (const i of pending) {
        const key = keyAt(rows[i] as HouseholdValues, level);
        const list = groups.get(key);
        if (list) list.push(i);
        else groups.set(key, [i]);
      }
      const next: number[] = [];
      for (const [key, list] of groups) {
        const verdict = judge(rows, list, k);
        if (isGood(verdict)) {
          accepted.push({ key, level, members: list });
          continue;
        }
        for (const i of list) {
          next.push(i);
          g.levels[i] = level + 1;
          if (!verdict.small) g.forDiversity[i] = 1;
        }
      }
      pending = next;
    }
    for (const i of pending) g.levels[i] = 2;
    const protectedHere =
      pending.length === 0 || complete(rows, pending, 2, accepted, k, tieKey, g);
    if (protectedHere) {
      const good = goodByStreet.get(street) ?? [];
      good.push(...accepted);
      if (pending.length > 0) good.push({ key: village, level: 2, members: pending });
      goodByStreet.set(street, good);
      continue;
    }
    // The village cannot be protected on its own: its rows go up to the street.
    g.villagesNotByVillage.set(village, 3);
    const left = leftByStreet.get(street) ?? [];
    for (const i of members) {
      g.levels[i] = 3;
      g.borrowed[i] = 0;
      left.push(i);
    }
    leftByStreet.set(street, left);
  }

  // Each street's group of such villages' rows, completed from the street's
  // protected villages; failing that, up to the district.
  const district: number[] = [];
  for (const [street, left] of leftByStreet) {
    if (complete(rows, left, 3, goodByStreet.get(street) ?? [], k, tieKey, g)) continue;
    for (const i of left) {
      g.levels[i] = 4;
      district.push(i);
      const village = (rows[i] as HouseholdValues).village_code;
      if (g.villagesNotByVillage.has(village)) g.villagesNotByVillage.set(village, 4);
    }
  }
  // The district's group, completed from any protected village; what it would
  // still give away (only in a tiny data set) is withheld.
  if (district.length > 0) {
    const lenders = [...goodByStreet.values()].flat();
    if (!complete(rows, district, 4, lenders, k, tieKey, g)) {
      const verdict = judge(rows, district, k);
      const cols = verdict.small ? SENSITIVE_KEYS : verdict.givesAway;
      for (const i of district) g.withheld.set(i, [...cols]);
    }
  }
  return g;
}

/** The published quasi-identifiers of a row at a level. */
export function generalisedValues(
  r: HouseholdValues,
  level: GeneralisationLevel,
): {
  street: string | null;
  village_code: string | null;
  household_size: string | null;
  household_type: string | null;
  labor_capacity: string | null;
} {
  return {
    street: level < 4 ? r.street : null,
    village_code: level < 3 ? r.village_code : null,
    household_size: level < 2 ? r.size_band : null,
    household_type: level < 1 ? r.household_type : null,
    labor_capacity: level < 1 ? r.labor_capacity : null,
  };
}
