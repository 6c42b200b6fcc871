import { describe, expect, it } from 'vitest';
import { shapeForPublication, type PublishedRow } from '../../../../src/build/publish/privacy.ts';
import { compareValues } from '../../../../src/build/publish/sortRows.ts';
import { PUBLISHED_TABLES, publishedTable } from '../../../../src/contract/published.ts';
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import { fixtureDataset, HOUSEHOLD_IDS, INCOMES, V1, V2, V3, V4 } from './fixture.ts';

const publication = shapeForPublication(fixtureDataset());
const households = publication.tables.households as PublishedRow[];
const inVillage = (code: string) => households.filter((h) => h.village_code === code);
const qi = (h: PublishedRow) => `${h.household_size}|${h.household_type}|${h.labor_capacity}`;
const tally = (xs: string[]) =>
  xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

/** A deterministic shuffle (reverse interleave), so the test needs no randomness. */
function shuffled<T>(xs: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < xs.length; i++)
    out.push(xs[i % 2 === 0 ? xs.length - 1 - i / 2 : (i - 1) / 2] as T);
  return out;
}

describe('shapeForPublication', () => {
  it('produces every published table with exactly its columns, in order', () => {
    for (const t of PUBLISHED_TABLES) {
      const rows = publication.tables[t.name];
      expect(rows, t.name).toBeDefined();
      for (const row of rows ?? []) expect(Object.keys(row)).toEqual(t.columns.map((c) => c.name));
    }
  });

  it('never publishes a household id or an exact income', () => {
    const text = JSON.stringify(publication.tables);
    for (const id of HOUSEHOLD_IDS) expect(text).not.toContain(id);
    for (const income of INCOMES) expect(text).not.toContain(String(income));
    expect(text).not.toContain('household_id');
    expect(text).not.toContain('income_per_capita');
  });

  it('keeps every household row: none dropped', () => {
    expect(households).toHaveLength(fixtureDataset().households.length);
    expect(publication.report.households).toBe(fixtureDataset().households.length);
  });

  it('bands income with the lower bound included', () => {
    expect(tally(households.map((h) => h.income_band as string))).toEqual({
      '<4000': 5, // 3999.99, 2345.68, 2345.69, 2345.7, 1234.56
      '4000–6000': 3, // 4321.57, 5987.13, 4000
      '6000–8000': 8, // 6000, 7345.91, 6543.21 … 6543.25, 7777.77
      '8000–10000': 3, // 8000, 9999.99, 8888.88
      '≥10000': 2, // 10000, 12345.67
    });
  });

  it('makes every quasi-identifier combination shared by at least k rows, except in too-small villages', () => {
    const counts = tally(households.map((h) => `${h.village_code}|${qi(h)}`));
    for (const [key, n] of Object.entries(counts))
      if (!key.startsWith(V4)) expect(n, key).toBeGreaterThanOrEqual(3);
  });

  it('coarsens step by step, as worked out by hand (村 V1)', () => {
    expect(tally(inVillage(V1).map(qi))).toEqual({
      '4|一般贫困户|有劳动能力': 3,
      '3–4|低保户|无劳动能力': 3,
      'null|null|null': 4,
    });
  });

  it('leaves a village with only large enough groups alone (村 V2)', () => {
    expect(tally(inVillage(V2).map(qi))).toEqual({ '5|特困供养户|无劳动能力': 3 });
  });

  it('borrows the rows that sort first from a group that can spare them (村 V3)', () => {
    const v3 = inVillage(V3);
    expect(tally(v3.map(qi))).toEqual({ '2|一般贫困户|有劳动能力': 3, 'null|null|null': 3 });
    expect(v3.filter((h) => h.household_size === '2').map((h) => h.status)).toEqual([
      '已脱贫',
      '已脱贫',
      '已脱贫',
    ]);
    expect(
      tally(v3.filter((h) => h.household_size === null).map((h) => h.status as string)),
    ).toEqual({ 在册: 3 });
  });

  it('reports villages with fewer than k households and publishes them fully coarsened', () => {
    expect(publication.report.small_villages).toEqual([
      { street: '东洲街道', village_code: V4, village_name: '小村', households: 2 },
    ]);
    expect(inVillage(V4).map(qi)).toEqual(['null|null|null', 'null|null|null']);
  });

  it('counts the rows each step touched, in total and per village', () => {
    const r = publication.report;
    expect(r.k).toBe(3);
    expect(r.coarsened).toEqual({
      size_banded: 12,
      type_labor_blanked: 9,
      size_blanked: 9,
      borrowed: 5,
    });
    const v = Object.fromEntries(r.villages.map((x) => [x.village_code, x]));
    expect(v[V1]).toMatchObject({
      households: 10,
      size_banded: 7,
      type_labor_blanked: 4,
      size_blanked: 4,
      borrowed: 3,
    });
    expect(v[V3]).toMatchObject({
      households: 6,
      size_banded: 3,
      type_labor_blanked: 3,
      size_blanked: 3,
      borrowed: 2,
    });
    expect(v[V2]).toBeUndefined();
    expect(r.never_published.join('')).toContain('户编号');
    expect(r.income_bands).toEqual(['<4000', '4000–6000', '6000–8000', '8000–10000', '≥10000']);
  });

  it('publishes exact households and persons per village, status and exit category', () => {
    const rows = (publication.tables.village_people as PublishedRow[]).map(
      (r) => `${r.village_code}|${r.status}|${r.exit_category}|${r.households}|${r.persons}`,
    );
    expect(rows.sort()).toEqual(
      [
        `${V1}|在册|加大帮扶|9|27`,
        `${V1}|已脱贫|巩固提升|1|6`,
        `${V2}|在册|加大帮扶|2|10`,
        `${V2}|清退|null|1|5`,
        `${V3}|已脱贫|巩固提升|3|6`,
        `${V3}|在册|加大帮扶|3|11`,
        `${V4}|在册|加大帮扶|2|11`,
      ].sort(),
    );
    const persons = fixtureDataset().households.reduce((s, h) => s + h.household_size, 0);
    expect(
      (publication.tables.village_people as PublishedRow[]).reduce(
        (s, r) => s + (r.persons as number),
        0,
      ),
    ).toBe(persons);
  });

  it('joins street and village to changes through the household, without the household id', () => {
    const changes = publication.tables.household_changes as PublishedRow[];
    expect(changes).toHaveLength(7);
    const cut = changes.find((c) => c.persons_delta === -3);
    expect(cut).toMatchObject({
      street: '田墘街道',
      village_code: V1,
      village_name: '东村',
      change_type: '人口减少',
    });
  });

  it('adds village names and the overdue flag to rectifications', () => {
    const byId = Object.fromEntries(
      (publication.tables.rectifications as PublishedRow[]).map((r) => [r.issue_id, r]),
    );
    expect(byId['WT-001']).toMatchObject({ village_name: '东村', overdue: true });
    expect(byId['WT-002']).toMatchObject({ village_name: '西村', overdue: false });
    expect(byId['WT-003']).toMatchObject({ village_name: '南村', overdue: true });
    expect(byId['WT-004']).toMatchObject({
      village_code: null,
      village_name: null,
      overdue: false,
    });
  });

  it('adds the 双到 round and place to shortcomings', () => {
    const rows = publication.tables.shortcomings as PublishedRow[];
    expect(
      rows
        .filter((r) => r.village_code === V3)
        .every((r) => r.shuangdao_round === '2' && r.street === '东洲街道'),
    ).toBe(true);
  });

  it('publishes projects as given, amounts exact, with the village name and no household data', () => {
    const rows = publication.tables.projects as PublishedRow[];
    // Street, then village (nulls last); the district-wide project last of all.
    expect(rows.map((r) => [r.project_id, r.street, r.village_name])).toEqual([
      ['XM-2018-004', '东洲街道', '南村'],
      ['XM-2017-002', '东洲街道', null],
      ['XM-2018-001', '田墘街道', '东村'],
      ['XM-2018-003', null, null],
    ]);
    expect(rows[2]).toMatchObject({
      budget_wan: 35.5,
      disbursed_wan: 12.35,
      task: '=村道硬底化 1.2 公里',
    });
    expect(Object.keys(rows[0] ?? {})).toEqual(
      publishedTable('projects').columns.map((c) => c.name),
    );
  });

  it('publishes an empty projects table when projects.csv was not provided', () => {
    const data = fixtureDataset();
    data.projects = null;
    expect(shapeForPublication(data).tables.projects).toEqual([]);
  });

  it('sorts every table by its sortBy columns', () => {
    for (const t of PUBLISHED_TABLES) {
      const rows = publication.tables[t.name] as PublishedRow[];
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1] as PublishedRow;
        const b = rows[i] as PublishedRow;
        const c = t.sortBy.map((n) => compareValues(a[n], b[n])).find((x) => x !== 0) ?? 0;
        expect(c, `${t.name} row ${i}`).toBeLessThanOrEqual(0);
      }
    }
    expect((publication.tables.phases as PublishedRow[]).map((p) => p.name)).toEqual([
      '动员部署',
      '组织实施',
    ]);
  });

  it('gives the same output whatever the input order', () => {
    const data = fixtureDataset();
    const reordered: Dataset = {
      ...data,
      villages: shuffled(data.villages),
      households: shuffled(data.households),
      household_changes: shuffled(data.household_changes),
      shortcomings: shuffled(data.shortcomings),
      rectifications: shuffled(data.rectifications),
      projects: shuffled(data.projects ?? []),
    };
    expect(reordered.households.map((h) => h.household_id)).not.toEqual(
      data.households.map((h) => h.household_id),
    );
    expect(shapeForPublication(reordered)).toEqual(publication);
  });

  it('does not modify its input', () => {
    const data = fixtureDataset();
    const before = JSON.stringify(data);
    shapeForPublication(data);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('with k = 1 publishes every household exactly', () => {
    const data = fixtureDataset();
    data.campaign.privacy.k = 1;
    const p = shapeForPublication(data);
    expect(p.report.coarsened).toEqual({
      size_banded: 0,
      type_labor_blanked: 0,
      size_blanked: 0,
      borrowed: 0,
    });
    expect((p.tables.households as PublishedRow[]).every((h) => h.household_size !== null)).toBe(
      true,
    );
  });
});
