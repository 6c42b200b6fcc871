/**
 * Attacks 1–5 and the table half of attack 6 on one publication, as pure
 * functions over in-memory tables: whatever format a table was published in
 * (DuckDB, CSV, Parquet, pre-built JSON answers) is converted to a Table first.
 */
import { analyseTables, type Analysis } from './analyseTables.ts';
import { findExactIncomes } from './findExactIncomes.ts';
import { findHomogeneity, type Disclosure } from './findHomogeneity.ts';
import { findSmallCells } from './findSmallCells.ts';
import { findStreetCells } from './findStreetCells.ts';
import type { Inference } from './inferCandidates.ts';
import { linkChangeRecords, type LinkedRecord } from './linkChangeRecords.ts';
import { scanTableValues } from './scanTableValues.ts';
import { asText, type Table } from './table.ts';
import type { AttackOptions, HouseholdExample, TablesReport } from './tablesReport.ts';
import type { Truth, TruthHousehold } from './truth.ts';

function describe(h: TruthHousehold, villageName: Map<string, string>): HouseholdExample {
  const events = h.events.map((e) => `${e.date} ${e.type}`).join('、');
  return {
    id: h.id,
    place: `${h.street} ${villageName.get(h.village) ?? h.village}`,
    known: `${h.size} 人，${h.type}，${h.labor}，${h.enrolledYear} 年纳入${events ? `，${events}` : ''}`,
    detail: '',
  };
}

/** Runs attacks 1–5 (and 6 on the values) on a publication's tables. */
export function attackTables(
  tables: readonly Table[],
  truth: Truth,
  options: AttackOptions,
): TablesReport {
  return attackAnalysis(analyseTables(tables, truth), truth, options);
}

/** attackTables on tables already analysed (attack 7 analyses each publication once). */
export function attackAnalysis(
  analysis: Analysis,
  truth: Truth,
  options: AttackOptions,
): TablesReport {
  const { k } = options;
  const examples = options.examples ?? 5;
  const { tables, classified, inferences } = analysis;
  const households = truth.households;
  const villageName = new Map(truth.villages.map((v) => [v.code, v.name]));
  const example = (i: number, detail: string) => ({
    ...describe(households[i] as TruthHousehold, villageName),
    detail,
  });
  const take = <T>(list: readonly T[]): T[] => list.slice(0, examples);

  // Attacks 1–3 on each household-level table; a household's risk is its worst table.
  const minCandidates = (pick: (inf: Inference) => number[][]) =>
    households.map((_, h) =>
      Math.min(Infinity, ...inferences.map((inf) => (pick(inf)[h] as number[]).length)),
    );
  const publishedCounts = minCandidates((inf) => inf.published);
  const finalCounts = minCandidates((inf) => inf.final);
  // A household with no row at all (a suppressed row) is not singled out by these rows.
  const below = (counts: number[], limit: number) =>
    counts.flatMap((n, h) => (n > 0 && n < limit ? [h] : []));
  const belowK = below(finalCounts, k);
  const singled = below(finalCounts, 2);
  const villageSizes = new Map<string, number>();
  for (const h of households) villageSizes.set(h.village, (villageSizes.get(h.village) ?? 0) + 1);

  const disclosures: Disclosure[] = inferences.flatMap((inf) =>
    findHomogeneity(
      inf.rows.table.rows,
      inf.rows.table.columns,
      households,
      inf.final,
      truth.povertyLine,
    ),
  );
  const disclosed = new Map<number, Disclosure[]>();
  for (const d of disclosures) {
    const list = disclosed.get(d.household) ?? [];
    if (!list.some((x) => x.column === d.column)) list.push(d);
    disclosed.set(d.household, list);
  }
  const byColumn: Record<string, number> = {};
  for (const list of disclosed.values())
    for (const d of list) byColumn[d.column] = (byColumn[d.column] ?? 0) + 1;
  const adverse = [...disclosed].filter(([, list]) => list.some((d) => d.adverse));
  const showDisclosed = (list: Disclosure[]) =>
    list.map((d) => `${d.column}=${d.value}`).join('，');

  // Attack 4.
  const linked: LinkedRecord[] = classified.changeRecords.flatMap((t) =>
    linkChangeRecords(t, truth),
  );
  const byType: TablesReport['changeRecords']['byType'] = {};
  for (const r of linked) {
    const t = (byType[r.changeType] ??= {
      records: 0,
      belowK: 0,
      singledOut: 0,
      singledOutWithoutDates: 0,
    });
    t.records++;
    if (r.candidates.length < k) t.belowK++;
    if (r.candidates.length === 1) t.singledOut++;
    if (r.candidatesWithoutDate === 1) t.singledOutWithoutDates++;
  }
  const recordsBelowK = linked.filter((r) => r.candidates.length > 0 && r.candidates.length < k);
  const recordsSingled = linked.filter((r) => r.candidates.length === 1);
  const changeCells = classified.aggregates
    .filter((a) => a.changes)
    .flatMap((a) => findSmallCells(a, k - 1));

  // Attack 5 (change cells are attack 4's: not counted twice).
  const smallCells = classified.aggregates
    .filter((a) => !a.changes)
    .flatMap((a) => findSmallCells(a, 2));
  const streetCells = findStreetCells(classified.aggregates, truth.villages, 2);
  const smallByTable: Record<string, { one: number; two: number }> = {};
  for (const c of smallCells) {
    const t = (smallByTable[c.table] ??= { one: 0, two: 0 });
    if (c.households === 1) t.one++;
    else t.two++;
  }

  // Attack 6 on the values of every table.
  const values = scanTableValues(tables, households);
  const incomes = inferences.flatMap((inf) => findExactIncomes(inf.rows, households));

  const affected = new Set<number>([...belowK, ...disclosed.keys()]);
  for (const r of recordsBelowK)
    if (r.reason !== null) for (const h of r.candidates) affected.add(h);

  return {
    k,
    households: households.length,
    tables: {
      households: classified.households.map((t) => t.name),
      changeRecords: classified.changeRecords.map((t) => t.name),
      aggregates: classified.aggregates.map((a) => a.table.name),
    },
    singlingOut: {
      publishedOnly: {
        belowK: below(publishedCounts, k).length,
        singledOut: below(publishedCounts, 2).length,
      },
      belowK: {
        count: belowK.length,
        examples: take(belowK).map((h) => example(h, `${finalCounts[h]} 个候选行`)),
      },
      singledOut: {
        count: singled.length,
        examples: take(singled).map((h) => example(h, '只有 1 个候选行')),
      },
      inSmallVillages: belowK.filter(
        (h) => (villageSizes.get((households[h] as TruthHousehold).village) ?? 0) < k,
      ).length,
    },
    refinement: {
      inexactRows: sum(inferences, (inf) => inf.inexactRows.length),
      exactByAggregates: sum(inferences, (inf) => inf.exactByAggregates.length),
      exactInTheEnd: {
        count: sum(inferences, (inf) => inf.exactInTheEnd.length),
        examples: take(
          inferences.flatMap((inf) =>
            inf.exactInTheEnd.map((i) => {
              const row = inf.rows.table.rows[i] ?? {};
              return `${inf.rows.table.name}：${asText(row.village_name ?? null) ?? ''} 公开为 ${asText(row.household_size ?? null) ?? '（空）'}，实为 ${inf.rows.lo[i]} 人`;
            }),
          ),
        ),
      },
    },
    homogeneity: {
      households: {
        count: disclosed.size,
        examples: take([...disclosed]).map(([h, list]) => example(h, showDisclosed(list))),
      },
      byColumn,
      adverse: {
        count: adverse.length,
        examples: take(adverse).map(([h, list]) =>
          example(h, showDisclosed(list.filter((d) => d.adverse))),
        ),
      },
    },
    changeRecords: {
      records: linked.length,
      byType,
      belowK: recordsBelowK.length,
      singledOut: {
        count: recordsSingled.length,
        examples: take(recordsSingled).map((r) => {
          const h = households[r.candidates[0] as number] as TruthHousehold;
          return `${r.table} 第 ${r.row + 1} 行（${r.date ?? '无日期'} ${r.changeType}）→ ${h.id}${r.reason ? `：「${r.reason}」` : ''}`;
        }),
      },
      reasonsBelowK: recordsBelowK.filter((r) => r.reason !== null).length,
      reasonsSingledOut: recordsSingled.filter((r) => r.reason !== null).length,
      singledOutWithoutDates: linked.filter((r) => r.candidatesWithoutDate === 1).length,
      smallCells: { count: changeCells.length, examples: take(changeCells) },
    },
    smallCells: {
      byTable: smallByTable,
      cells: { count: smallCells.length, examples: take(smallCells) },
      streetCells: { count: streetCells.length, examples: take(streetCells) },
    },
    identifiers: {
      householdIds: { count: values.householdIds.length, examples: take(values.householdIds) },
      personalData: { count: values.personalData.length, examples: take(values.personalData) },
      exactIncomes: { count: incomes.length, examples: take(incomes) },
      idsTooShort: values.idsTooShort,
    },
    modelMismatch: {
      householdsWithoutRow: new Set(inferences.flatMap((inf) => inf.householdsWithoutRow)).size,
      rowsWithoutHousehold: sum(inferences, (inf) => inf.rowsWithoutHousehold.length),
      unassignableVillages: [...new Set(inferences.flatMap((inf) => inf.unassignableVillages))],
      impossibleCells: inferences.flatMap((inf) => inf.impossibleCells),
      wrongDisclosures: disclosures.filter((d) => !d.correct).length,
      recordsWithoutHousehold: linked.filter((r) => r.candidates.length === 0).length,
      unreadableValues: [...new Set(inferences.flatMap((inf) => inf.rows.unreadable))],
    },
    combined: {
      households: affected.size,
      belowK: belowK.length,
      singledOut: singled.length,
      adverse: adverse.length,
    },
  };
}

function sum<T>(list: readonly T[], f: (x: T) => number): number {
  return list.reduce((n, x) => n + f(x), 0);
}
