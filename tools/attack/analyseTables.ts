import { classifyTables, type ClassifiedTables } from './classifyTables.ts';
import { inferCandidates, type Inference } from './inferCandidates.ts';
import type { Table } from './table.ts';
import type { Truth } from './truth.ts';

/** What the attacker works out from one publication's tables: shared by attacks 1–5 and 7. */
export interface Analysis {
  tables: readonly Table[];
  classified: ClassifiedTables;
  /** Attacks 1 and 2 on each household-level table (same order as classified.households). */
  inferences: Inference[];
}

/** Classifies the tables and infers every household's candidate rows. */
export function analyseTables(tables: readonly Table[], truth: Truth): Analysis {
  const classified = classifyTables(tables);
  return {
    tables,
    classified,
    inferences: classified.households.map((t) => inferCandidates(t, truth, classified.aggregates)),
  };
}
