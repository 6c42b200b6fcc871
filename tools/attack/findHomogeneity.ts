/**
 * Attack 3, homogeneity (attribute disclosure): when every row a household
 * could be carries the same value of a sensitive column, the neighbour learns
 * that value without knowing which row is the household's.
 *
 * Sensitive: 建档状态 (only when the household's events do not already say it),
 * 脱贫成效分类, the income band, and each 三保障 gap (a column = 否). Adverse:
 * 重点帮扶, an income band wholly below the poverty line, any gap.
 */
import { bandBelowLine, bandContains } from './ranges.ts';
import { asText, type Row } from './table.ts';
import type { TruthHousehold } from './truth.ts';

/** A sensitive column and when its value counts as disclosed or adverse. */
interface SensitiveColumn {
  column: string;
  /** Whether a homogeneous value is a disclosure (a gap column only when it is 否). */
  discloses: (value: string, h: TruthHousehold) => boolean;
  adverse: (value: string, povertyLine: number) => boolean;
  /** Whether the disclosed value is the household's true one. */
  isTrue: (value: string, h: TruthHousehold) => boolean;
}

const gap = (column: 'education_secured' | 'medical_secured' | 'housing_secured') => ({
  column,
  discloses: (v: string) => v === '否',
  adverse: () => true,
  isTrue: (v: string, h: TruthHousehold) => h.hidden[column] === v,
});

export const SENSITIVE_COLUMNS: readonly SensitiveColumn[] = [
  {
    column: 'status',
    discloses: (_v, h) => h.knownStatuses.length > 1,
    adverse: () => false,
    isTrue: (v, h) => h.hidden.status === v,
  },
  {
    column: 'exit_category',
    discloses: () => true,
    adverse: (v) => v === '重点帮扶',
    isTrue: (v, h) => h.hidden.exit_category === v,
  },
  {
    column: 'income_band',
    discloses: () => true,
    adverse: (v, line) => bandBelowLine(v, line),
    isTrue: (v, h) => bandContains(v, h.hidden.income),
  },
  gap('education_secured'),
  gap('medical_secured'),
  gap('housing_secured'),
];

/** One value learnt about one household. */
export interface Disclosure {
  household: number;
  column: string;
  value: string;
  adverse: boolean;
  /** False when the value is not the household's: the attacker model is wrong somewhere. */
  correct: boolean;
}

/** Every homogeneous sensitive value, per household, over its candidate rows. */
export function findHomogeneity(
  rows: readonly Row[],
  columns: readonly string[],
  households: readonly TruthHousehold[],
  candidates: readonly (readonly number[])[],
  povertyLine: number,
): Disclosure[] {
  const sensitive = SENSITIVE_COLUMNS.filter((s) => columns.includes(s.column));
  const out: Disclosure[] = [];
  candidates.forEach((list, household) => {
    if (list.length === 0) return;
    const h = households[household] as TruthHousehold;
    for (const s of sensitive) {
      const value = homogeneousValue(rows, list, s.column);
      if (value === null || !s.discloses(value, h)) continue;
      out.push({
        household,
        column: s.column,
        value,
        adverse: s.adverse(value, povertyLine),
        correct: s.isTrue(value, h),
      });
    }
  });
  return out;
}

/** The one non-blank value all the rows share, or null. */
export function homogeneousValue(
  rows: readonly Row[],
  list: readonly number[],
  column: string,
): string | null {
  let value: string | null = null;
  for (const i of list) {
    const v = asText((rows[i] as Row)[column] ?? null);
    if (v === null) return null;
    if (value === null) value = v;
    else if (v !== value) return null;
  }
  return value;
}
