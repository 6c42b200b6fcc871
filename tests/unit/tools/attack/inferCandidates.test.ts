import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeHouseholds } from '../../../../src/build/publish/shapeHouseholds.ts';
import { villageLookup } from '../../../../src/build/publish/villageLookup.ts';
import { villagePeople as publishVillagePeople } from '../../../../src/build/publish/villagePeople.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { classifyTables } from '../../../../tools/attack/classifyTables.ts';
import { inferCandidates } from '../../../../tools/attack/inferCandidates.ts';
import { normalizeValue } from '../../../../tools/attack/normalizeValue.ts';
import type { Row, Table } from '../../../../tools/attack/table.ts';
import { buildTruth } from '../../../../tools/attack/truth.ts';
import { household, publishedRow, table, truthOf, villagePeople } from './fixtures.ts';

describe('inferCandidates: refinement and matching to a fixed point', () => {
  it('uses a persons sum to take a row from a household whose size it no longer fits', () => {
    // Three households published in one band; the 已脱贫 cell has one household
    // of 2 persons, so that row is 2, and the 1-person household is left with
    // the two 在册 rows, both 重点帮扶.
    const h1 = household({ id: 'H1', size: 1, exit_category: '重点帮扶' });
    const h2 = household({ id: 'H2', size: 2, exit_category: '重点帮扶' });
    const h3 = household({ id: 'H3', size: 2, status: '已脱贫' });
    const band = { household_size: '1–2' };
    const tables = [
      table('households', [publishedRow(h1, band), publishedRow(h2, band), publishedRow(h3, band)]),
      table('village_people', villagePeople([h1, h2, h3])),
    ];
    const inf = inferCandidates(
      tables[0]!,
      truthOf([h1, h2, h3]),
      classifyTables(tables).aggregates,
    );
    expect(inf.published).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(inf.exactByAggregates).toEqual([2]);
    expect(inf.final).toEqual([
      [0, 1],
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });

  it('gives a row the size of the only household it can be, which no sum gave', () => {
    // One cell, two rows with blank sizes: the sum (6) leaves 1–5 each; the
    // enrolment years say which row is whose, so both sizes are known.
    const h1 = household({ id: 'H1', size: 4, enrolledYear: 2018 });
    const h2 = household({ id: 'H2', size: 2, enrolledYear: 2016 });
    const blank = { household_size: null, household_type: null, labor_capacity: null };
    const tables = [
      table('households', [publishedRow(h1, blank), publishedRow(h2, blank)]),
      table('village_people', villagePeople([h1, h2])),
    ];
    const inf = inferCandidates(tables[0]!, truthOf([h1, h2]), classifyTables(tables).aggregates);
    expect(inf.exactByAggregates).toEqual([]);
    expect(inf.exactInTheEnd).toEqual([0, 1]);
    expect([...inf.rows.lo]).toEqual([4, 2]);
  });

  it('never loses a household’s own row: the committed sample published by the pipeline', async () => {
    const loaded = await loadDataset(path.resolve(import.meta.dirname, '../../../../data'));
    const data = loaded.data!;
    const villageOf = villageLookup(data.villages);
    // shapeHouseholds keeps input order of the registered (not 清退) households (the published table is sorted).
    const shaped = shapeHouseholds(data.households, data.campaign, villageOf);
    const rowOf = new Map<number, number>();
    data.households.forEach((h, i) => {
      if (h.status !== '清退') rowOf.set(i, rowOf.size);
    });
    const asTable = (name: string, rows: readonly object[]): Table => ({
      name,
      columns: Object.keys(rows[0]!),
      rows: rows.map(
        (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalizeValue(v)])) as Row,
      ),
    });
    const tables = [
      asTable('households', shaped.rows),
      asTable(
        'village_people',
        publishVillagePeople(data.households, data.villages, data.campaign.privacy.k),
      ),
    ];
    const truth = buildTruth(data);
    const inf = inferCandidates(tables[0]!, truth, classifyTables(tables).aggregates);
    const lost = truth.households
      .filter((_, i) => rowOf.has(i) && !inf.final[i]!.includes(rowOf.get(i)!))
      .map((h) => h.id);
    // Row bounds are per row: a household's own row must admit its size.
    const wrongSize = truth.households
      .filter((h, i) => {
        const r = rowOf.get(i);
        return r !== undefined && (h.size < inf.rows.lo[r]! || h.size > inf.rows.hi[r]!);
      })
      .map((h) => h.id);
    expect(lost).toEqual([]);
    expect(wrongSize).toEqual([]);
    // …and the attack does narrow: well over a hundred banded sizes come back by matching
    // (what the neighbour knows), none from the aggregates (which publish no small persons).
    expect(inf.exactInTheEnd.length).toBeGreaterThan(100);
    expect(inf.exactByAggregates).toEqual([]);
  });
});
