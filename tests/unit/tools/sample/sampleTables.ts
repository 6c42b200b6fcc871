/**
 * Test helper: the generated CSV text read back as raw cells keyed by column
 * key, and as validated rows (through the schemas' own row validators — the
 * same rules `npm run validate` applies per row).
 */
import Papa from 'papaparse';
import {
  householdChangesDataset,
  householdsDataset,
  projectsDataset,
  rectificationsDataset,
  shortcomingsDataset,
  villagesDataset,
  type DatasetDef,
  type HouseholdChange,
  type Household,
  type Project,
  type Rectification,
  type Shortcoming,
  type Village,
} from '../../../../src/contract/index.ts';
import type { GeneratedSample } from '../../../../tools/sample/index.ts';

/** Raw cells keyed by column key; throws if the header is not the schema's Chinese header row. */
export function rawRows(text: string, dataset: DatasetDef): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const [header, ...rows] = parsed.data;
  const expected = dataset.columns.map((c) => c.header);
  if (JSON.stringify(header) !== JSON.stringify(expected))
    throw new Error(`header ${JSON.stringify(header)} ≠ ${JSON.stringify(expected)}`);
  const keys = dataset.columns.map((c) => c.key);
  return rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ''])));
}

/** Validated rows, or an Error listing the first invalid ones. */
export function validRows<T>(text: string, dataset: DatasetDef): T[] {
  const out: T[] = [];
  const bad: string[] = [];
  rawRows(text, dataset).forEach((raw, i) => {
    const r = dataset.rowSchema.safeParse(raw);
    if (r.success) out.push(r.data as T);
    else if (bad.length < 5)
      bad.push(`${dataset.file}:${i + 2}: ${r.error.issues.map((x) => x.message).join('; ')}`);
  });
  if (bad.length > 0) throw new Error(bad.join('\n'));
  return out;
}

export interface SampleTables {
  villages: Village[];
  households: Household[];
  changes: HouseholdChange[];
  shortcomings: Shortcoming[];
  rectifications: Rectification[];
  projects: Project[];
}

export function sampleTables(sample: GeneratedSample): SampleTables {
  const f = sample.files;
  return {
    villages: validRows(f['villages.csv'], villagesDataset),
    households: validRows(f['households.csv'], householdsDataset),
    changes: validRows(f['household_changes.csv'], householdChangesDataset),
    shortcomings: validRows(f['shortcomings.csv'], shortcomingsDataset),
    rectifications: validRows(f['rectifications.csv'], rectificationsDataset),
    projects: validRows(f['projects.csv'], projectsDataset),
  };
}

/** Share of items matching. */
export function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

/** Counts by key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}
