/**
 * Figures for the data page's methodology section, derived from named-query
 * results so the worked example uses the very numbers the other pages show. Pure.
 */
import type { Row } from '../../engine/engine.ts';

/**
 * The region's registration arithmetic: start = now − added + removed
 * (households and persons). Persons are null when a street withholds them
 * (too few households there, docs/privacy.md): a partial sum would read as exact.
 */
export interface RegistrationTotals {
  households_start: number;
  households_added: number;
  households_removed: number;
  households_now: number;
  persons_start: number | null;
  persons_added: number | null;
  persons_removed: number | null;
  /** Net persons from 人口增加 / 人口减少 records. */
  persons_other: number | null;
  persons_now: number | null;
}

const KEYS: readonly (keyof RegistrationTotals)[] = [
  'households_start',
  'households_added',
  'households_removed',
  'households_now',
  'persons_start',
  'persons_added',
  'persons_removed',
  'persons_other',
  'persons_now',
];

/**
 * Sums the per-area rows of `registrationByArea` into region totals (other
 * non-numbers count as 0); a persons total is null when any row's is null.
 */
export function registrationTotals(rows: readonly Row[]): RegistrationTotals {
  const totals: Record<string, number | null> = Object.fromEntries(KEYS.map((k) => [k, 0]));
  for (const r of rows)
    for (const k of KEYS) {
      const v = r[k];
      const t = totals[k] ?? null;
      if (k.startsWith('persons_') && v === null) totals[k] = null;
      else if (typeof v === 'number' && t !== null) totals[k] = t + v;
    }
  return totals as unknown as RegistrationTotals;
}
