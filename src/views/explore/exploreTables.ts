/**
 * The table list of the explore page, from the published-table schema (the
 * single source, src/contract/published.ts): every column with its Chinese
 * label, its type in words and as DuckDB names it, and its meaning.
 */
import type { PublishedTable, PublishedType } from '../../contract/published.ts';
import { PUBLISHED_TYPE_LABELS } from '../data/dataDictionary.ts';

export interface ExploreTableDoc {
  name: string;
  title: string;
  description: string;
  /** Rows in this publication, when known. */
  rows?: number;
  columns: { name: string; label: string; type: string; description: string }[];
}

/**
 * `duckdbTypes` is the writer's type map (src/build/publish/duckdbWriter.ts) and
 * `rowCounts` the manifest's, both passed in so this stays free of Node code.
 */
export function exploreTableDocs(
  tables: readonly PublishedTable[],
  duckdbTypes: Readonly<Record<PublishedType, string>>,
  rowCounts: Readonly<Record<string, number>> = {},
): ExploreTableDoc[] {
  return tables.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    rows: rowCounts[t.name],
    columns: t.columns.map((c) => ({
      name: c.name,
      label: c.label,
      type: `${PUBLISHED_TYPE_LABELS[c.type]} · ${duckdbTypes[c.type]}`,
      description: c.description,
    })),
  }));
}
