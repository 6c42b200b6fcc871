/**
 * Figures for the data page's methodology section, derived from named-query
 * results so the worked example uses the very numbers the other pages show. Pure.
 */
import type { Row } from '../../engine/engine.ts';

/** The region's registration arithmetic: start = now − added + removed (households and persons). */
export interface RegistrationTotals {
  households_start: number;
  households_added: number;
  households_removed: number;
  households_now: number;
  persons_start: number;
  persons_added: number;
  persons_removed: number;
  /** Net persons from 人口增加 / 人口减少 records. */
  persons_other: number;
  persons_now: number;
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

/** Sums the per-area rows of `registrationByArea` into region totals (non-numbers count as 0). */
export function registrationTotals(rows: readonly Row[]): RegistrationTotals {
  const totals = Object.fromEntries(KEYS.map((k) => [k, 0])) as unknown as RegistrationTotals;
  for (const r of rows)
    for (const k of KEYS) {
      const v = r[k];
      if (typeof v === 'number') totals[k] += v;
    }
  return totals;
}
