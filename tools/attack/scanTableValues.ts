import { createIdFinder, findPersonalDataInText } from './findIdentifiers.ts';
import { asNumber, asText, type Table } from './table.ts';
import type { TruthHousehold } from './truth.ts';

/**
 * Attack 6 on the values of every table: the text of each cell (DuckDB and
 * Parquet compress their strings, so a scan of the file bytes would miss them)
 * searched for input 户编号 and personal data, as `table.column: finding`.
 */
export function scanTableValues(
  tables: readonly Table[],
  households: readonly TruthHousehold[],
): { householdIds: string[]; personalData: string[]; idsTooShort: number } {
  const ids = createIdFinder(households.map((h) => h.id));
  const householdIds: string[] = [];
  const personalData: string[] = [];
  for (const table of tables)
    for (const row of table.rows)
      for (const column of table.columns) {
        const value = row[column] ?? null;
        const text = asText(value);
        // Numbers are not text anyone wrote; a number column holding an ID is caught as a mismatch elsewhere.
        if (text === null || asNumber(value) !== null) continue;
        for (const id of ids.find(text)) householdIds.push(`${table.name}.${column}: ${id}`);
        for (const f of findPersonalDataInText(text))
          personalData.push(`${table.name}.${column}: ${f.kind} ${f.masked}`);
      }
  return { householdIds, personalData, idsTooShort: ids.tooShort };
}
