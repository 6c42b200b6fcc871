import { describe, expect, it } from 'vitest';
import { exploreTableDocs } from '../../../../src/views/explore/exploreTables.ts';
import { DUCKDB_TYPES, PUBLISHED_TABLES } from '../../../../src/contract/published.ts';

describe('exploreTableDocs', () => {
  it('lists every published table and column, with the type in words and as DuckDB names it', () => {
    const docs = exploreTableDocs(PUBLISHED_TABLES, DUCKDB_TYPES, { households: 1500 });
    expect(docs.map((d) => d.name)).toEqual(PUBLISHED_TABLES.map((t) => t.name));
    const households = docs.find((d) => d.name === 'households');
    expect(households?.rows).toBe(1500);
    expect(docs.find((d) => d.name === 'villages')?.rows).toBeUndefined();
    expect(households?.columns.find((c) => c.name === 'measures')?.type).toMatch(
      /^列表.* · VARCHAR\[\]$/,
    );
    expect(
      docs.find((d) => d.name === 'village_people')?.columns.find((c) => c.name === 'persons')
        ?.type,
    ).toBe('整数 · INTEGER');
  });
});
