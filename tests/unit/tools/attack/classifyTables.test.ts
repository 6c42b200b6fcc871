import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES } from '../../../../src/contract/published.ts';
import { classifyTables } from '../../../../tools/attack/classifyTables.ts';
import { table } from './fixtures.ts';

describe('classifyTables: by columns, never by name', () => {
  it('sorts today’s published tables into household rows, change records and aggregates', () => {
    const tables = PUBLISHED_TABLES.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      rows: [],
    }));
    const c = classifyTables(tables);
    expect(c.households.map((t) => t.name)).toEqual(['households']);
    // Single change records are no longer published: only counts.
    expect(c.changeRecords.map((t) => t.name)).toEqual([]);
    expect(c.aggregates.map((a) => [a.table.name, a.count, a.persons, a.groups])).toEqual([
      [
        'village_people',
        'households',
        'persons',
        ['households_active', 'households_exited', 'households_removed'],
      ],
      ['street_people', 'households', 'persons', ['status', 'exit_category']],
      ['change_counts', 'records', null, ['week_start', 'change_type']],
      ['street_changes', 'records', 'persons', ['change_type']],
      ['change_reasons', 'records', null, ['period', 'change_type', 'reason_category']],
    ]);
  });

  it('finds a renamed aggregate of change counts by its columns', () => {
    const c = classifyTables([
      table('monthly', [
        { village_code: '1', change_type: '清退', month: '2018-06', households: 2, persons: -5 },
      ]),
    ]);
    expect(c.aggregates.map((a) => [a.changes, a.groups, a.persons])).toEqual([
      [true, ['change_type', 'month'], 'persons'],
    ]);
  });
});
