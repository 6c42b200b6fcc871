import type { HouseholdRows } from './householdRows.ts';
import { asNumber } from './table.ts';
import type { TruthHousehold } from './truth.ts';

/** Household-row columns whose numbers are not incomes by construction. */
const NOT_INCOME: ReadonlySet<string> = new Set(['household_size', 'enrolled_year']);

export interface ExactIncome {
  table: string;
  column: string;
  row: number;
  value: number;
}

/**
 * Attack 6, exact income: a number in a household-level row (any column but
 * size and enrolment year) equal to the exact per-capita income of a household
 * of that row's village (of any village when the row's is blank). The
 * published band is text ("4000–6000") and never matches.
 */
export function findExactIncomes(
  rows: HouseholdRows,
  households: readonly TruthHousehold[],
): ExactIncome[] {
  const byVillage = new Map<string, Set<number>>();
  const all = new Set<number>();
  for (const h of households) {
    let set = byVillage.get(h.village);
    if (!set) byVillage.set(h.village, (set = new Set()));
    set.add(h.hidden.income);
    all.add(h.hidden.income);
  }
  const columns = rows.table.columns.filter((c) => !NOT_INCOME.has(c));
  const out: ExactIncome[] = [];
  rows.table.rows.forEach((row, i) => {
    const village = rows.village[i];
    const incomes = village ? (byVillage.get(village) ?? new Set<number>()) : all;
    for (const column of columns) {
      const value = asNumber(row[column] ?? null);
      if (value !== null && incomes.has(value))
        out.push({ table: rows.table.name, column, row: i, value });
    }
  });
  return out;
}
