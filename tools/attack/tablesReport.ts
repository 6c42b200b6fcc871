/** The report of attacks 1–6 on one publication's tables (attackTables), as plain JSON. */
import type { ExactIncome } from './findExactIncomes.ts';
import type { SmallCell } from './findSmallCells.ts';
import type { StreetCell } from './findStreetCells.ts';
import type { ImpossibleCell } from './refineSizes.ts';

export interface AttackOptions {
  /** Smallest acceptable number of candidates (privacy.k). */
  k: number;
  /** Examples kept per finding (default 5). */
  examples?: number;
}

/** A household in an example: its input ID (staff can look it up) and what the neighbour knows. */
export interface HouseholdExample {
  id: string;
  place: string;
  known: string;
  detail: string;
}

/** A number found and a few examples. */
export interface Finding<T> {
  count: number;
  examples: T[];
}

export interface TablesReport {
  k: number;
  households: number;
  tables: { households: string[]; changeRecords: string[]; aggregates: string[] };
  /** Attack 1 (and 2): households with fewer than k candidate rows. */
  singlingOut: {
    /** From the published household rows alone. */
    publishedOnly: { belowK: number; singledOut: number };
    /** After refinement by aggregates and matching. */
    belowK: Finding<HouseholdExample>;
    singledOut: Finding<HouseholdExample>;
    /** Of those below k, households of villages with fewer than k households. */
    inSmallVillages: number;
  };
  /** Attack 2: banded or blank household sizes the attacker gets back exactly. */
  refinement: {
    inexactRows: number;
    exactByAggregates: number;
    exactInTheEnd: Finding<string>;
  };
  /** Attack 3: sensitive values every candidate row shares. */
  homogeneity: {
    households: Finding<HouseholdExample>;
    byColumn: Record<string, number>;
    adverse: Finding<HouseholdExample>;
  };
  /** Attack 4: individual change records and small change cells. */
  changeRecords: {
    records: number;
    byType: Record<
      string,
      { records: number; belowK: number; singledOut: number; singledOutWithoutDates: number }
    >;
    belowK: number;
    singledOut: Finding<string>;
    reasonsBelowK: number;
    reasonsSingledOut: number;
    /** Singled out even by a neighbour who does not use the dates. */
    singledOutWithoutDates: number;
    smallCells: Finding<SmallCell>;
  };
  /** Attack 5: aggregate cells of one or two households that carry more than the count. */
  smallCells: {
    byTable: Record<string, { one: number; two: number }>;
    cells: Finding<SmallCell>;
    /** The same above the village: street and district cells, alone or minus the village totals. */
    streetCells: Finding<StreetCell>;
  };
  /** Attack 6, in the tables' values. */
  identifiers: {
    householdIds: Finding<string>;
    personalData: Finding<string>;
    exactIncomes: Finding<ExactIncome>;
    /** Input IDs too short to look for. */
    idsTooShort: number;
  };
  /** Signs that the attacker model does not fit the publication (the tool's own check). */
  modelMismatch: {
    householdsWithoutRow: number;
    rowsWithoutHousehold: number;
    unassignableVillages: string[];
    impossibleCells: ImpossibleCell[];
    wrongDisclosures: number;
    recordsWithoutHousehold: number;
    unreadableValues: string[];
  };
  /** Households with any finding: below k, a value disclosed, or a linked record. */
  combined: { households: number; belowK: number; singledOut: number; adverse: number };
}
