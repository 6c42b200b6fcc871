import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeForPublication, type PublishedRow } from '../../../../src/build/publish/privacy.ts';
import { compareValues } from '../../../../src/build/publish/sortRows.ts';
import { PUBLISHED_TABLES, publishedTable } from '../../../../src/contract/published.ts';
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import {
  assertProtected,
  type HouseholdRow,
} from '../../../../src/build/publish/shapeHouseholds.ts';
import { fixtureDataset, HOUSEHOLD_IDS, INCOMES, V1, V2, V3, V4 } from './fixture.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { assertStreetFigures } from '../../../../src/build/publish/assertStreetFigures.ts';
import type { StreetPeopleRow } from '../../../../src/build/publish/streetPeople.ts';
import type { VillagePeopleRow } from '../../../../src/build/publish/villagePeople.ts';

const publication = shapeForPublication(fixtureDataset());
const households = publication.tables.households as PublishedRow[];
const inVillage = (code: string) => households.filter((h) => h.village_code === code);
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

  it('never publishes a household id, an exact income, a change date, a reason or an exact size', () => {
    const text = JSON.stringify(publication.tables);
    for (const id of HOUSEHOLD_IDS) expect(text).not.toContain(id);
    for (const income of INCOMES) expect(text).not.toContain(String(income));
    expect(text).not.toContain('household_id');
    expect(text).not.toContain('income_per_capita');
    for (const c of fixtureDataset().household_changes) {
      expect(text).not.toContain(c.date);
      if (c.reason) expect(text).not.toContain(c.reason);
    }
    expect(
      households.every((h) => h.household_size === null || /–|\+/.test(String(h.household_size))),
    ).toBe(true);
  });

  it('lists every 建档立卡 household once and no 清退 household, without status or enrolment year', () => {
    const registered = fixtureDataset().households.filter((h) => h.status !== '清退');
    expect(households).toHaveLength(registered.length);
    expect(publication.report.households).toBe(registered.length);
    expect(Object.keys(households[0] ?? {})).not.toContain('status');
    expect(Object.keys(households[0] ?? {})).not.toContain('enrolled_year');
  });

  it('bands income with the lower bound included', () => {
    expect(tally(households.map((h) => h.income_band as string))).toEqual({
      '<4000': 4, // 3999.99, 2345.68, 2345.7, 1234.56 (2345.69 is 清退, not listed)
      '4000–6000': 3, // 4321.57, 5987.13, 4000
      '6000–8000': 8, // 6000, 7345.91, 6543.21 … 6543.25, 7777.77
      '8000–10000': 3, // 8000, 9999.99, 8888.88
      '≥10000': 2, // 10000, 12345.67
    });
  });

  it('publishes no group a neighbour could narrow to fewer than k rows or to one value', () => {
    expect(() => assertProtected(households as unknown as HouseholdRow[], 3)).not.toThrow();
    expect(() =>
      assertProtected(
        [
          { ...(households[0] as unknown as HouseholdRow), exit_category: '重点帮扶' },
          { ...(households[0] as unknown as HouseholdRow), exit_category: '重点帮扶' },
          { ...(households[0] as unknown as HouseholdRow), exit_category: '重点帮扶' },
        ],
        3,
      ),
    ).toThrow('脱贫成效分类全部相同');
  });

  it('takes villages that cannot protect themselves up to the street: a village with fewer than k households (小村), and one with a removal and two left (西村)', () => {
    const places = publication.report.villages_not_by_village.map((v) => [
      v.village_name,
      v.household_detail,
    ]);
    expect(places).toContainEqual(['小村', '并入街道']);
    expect(places).toContainEqual(['西村', '并入街道']);
    expect(inVillage(V4)).toEqual([]);
    const detail = Object.fromEntries(
      (publication.tables.villages as PublishedRow[]).map((v) => [
        v.village_name,
        v.household_detail,
      ]),
    );
    expect(detail['小村']).toBe('并入街道');
  });

  it('publishes exact household counts per village and status, and persons only for k or more households', () => {
    const rows = Object.fromEntries(
      (publication.tables.village_people as PublishedRow[]).map((r) => [r.village_code, r]),
    );
    expect(rows[V1]).toMatchObject({
      households: 10,
      persons: 33,
      households_active: 9,
      households_exited: 1,
      households_removed: 0,
    });
    expect(rows[V2]).toMatchObject({
      households: 2,
      persons: null,
      households_active: 2,
      households_removed: 1,
    });
    expect(rows[V4]).toMatchObject({ households: 2, persons: null });
    // 南村 has 6 households, but 东洲街道's persons minus 南村's would be 小村's two households' persons.
    expect(rows[V3]).toMatchObject({ households: 6, persons: null });
    expect(publication.report.aggregates.village_persons_withheld).toBe(3);
    expect(publication.report.aggregates.village_persons_withheld_for_street).toBe(1);
  });

  it('publishes a street by 建档状态 only when a status has one category or a cell fewer than k households, persons only over k or more', () => {
    const rows = (publication.tables.street_people as PublishedRow[]).map(
      (r) => `${r.street}|${r.status}|${r.exit_category}|${r.households}|${r.persons}`,
    );
    expect(rows.sort()).toEqual(
      [
        // 东洲街道: each status has one category, so by status only; both have ≥ k households.
        '东洲街道|在册|null|5|22',
        '东洲街道|已脱贫|null|3|6',
        // 田墘街道: one 已脱贫 household, so no persons for either status; one 清退, a count.
        '田墘街道|在册|null|11|null',
        '田墘街道|已脱贫|null|1|null',
        '田墘街道|清退|null|1|null',
      ].sort(),
    );
    // Household counts stay exact: the street totals are the villages' (what boards post).
    expect(
      (publication.tables.street_people as PublishedRow[]).reduce(
        (s, r) => s + (r.households as number),
        0,
      ),
    ).toBe(fixtureDataset().households.length);
    expect(publication.report.aggregates.street_cells).toEqual({
      by_status_only: 2,
      persons_withheld: 3,
      district_remainder: 0,
    });
  });

  it('publishes changes as counts: per village and week (no persons, no reasons), persons per street', () => {
    const counts = publication.tables.change_counts as PublishedRow[];
    expect(counts.reduce((s, r) => s + (r.records as number), 0)).toBe(7);
    // 西村's single removal is a count of one in its week, nothing more.
    expect(counts.filter((r) => r.village_code === V2)).toEqual([
      {
        street: '田墘街道',
        village_code: V2,
        village_name: '西村',
        week_start: '2018-06-11',
        change_type: '清退',
        records: 1,
      },
    ]);
    expect(
      (publication.tables.street_changes as PublishedRow[]).find(
        (r) => r.street === '田墘街道' && r.change_type === '清退',
      ),
    ).toEqual({ street: '田墘街道', change_type: '清退', records: 1, persons: -5 });
  });

  it('counts a household that both joined and grew in both changes, and links neither to it', () => {
    const data = fixtureDataset();
    data.household_changes.push({
      date: '2018-06-18',
      household_id: 'HX-4402-EF',
      change_type: '人口增加',
      persons_delta: 1,
      reason: '新生儿入户',
      reason_category: '家庭成员变化',
    });
    const p = shapeForPublication(data);
    const street = (p.tables.street_changes as PublishedRow[]).filter(
      (r) => r.street === '东洲街道',
    );
    expect(street.find((r) => r.change_type === '新增纳入')).toMatchObject({
      records: 1,
      persons: 8,
    });
    expect(street.find((r) => r.change_type === '人口增加')).toMatchObject({
      records: 1,
      persons: 1,
    });
    const village = (p.tables.change_counts as PublishedRow[]).filter((r) => r.village_code === V4);
    expect(village.map((r) => [r.week_start, r.change_type, r.records])).toEqual([
      ['2018-06-11', '新增纳入', 1],
      ['2018-06-18', '人口增加', 1],
    ]);
    expect(JSON.stringify(p.tables)).not.toContain('新生儿入户');
  });

  it('rolls reason categories up when a street has too few changes of a type, and withholds them when even the rest is too few', () => {
    // Every type has fewer than k changes in each street and in all: nothing by category.
    expect(
      (publication.tables.change_reasons as PublishedRow[]).every((r) => r.street === null),
    ).toBe(true);
    expect(
      (publication.tables.change_reasons as PublishedRow[]).every(
        (r) => r.reason_category === '不公开',
      ),
    ).toBe(true);
    // All of June, closed before the as-of date (2018-07-20).
    expect(
      (publication.tables.change_reasons as PublishedRow[]).every((r) => r.period === '2018-06'),
    ).toBe(true);
    expect(publication.report.aggregates.reason_cells).toEqual({
      street: 0,
      district: 0,
      withheld: 5,
      periods: 1,
      frozen_periods: 0,
      late_records: 0,
    });
  });

  it('reports what each rule did', () => {
    const r = publication.report;
    expect(r.k).toBe(3);
    expect(
      r.levels.exact +
        r.levels.type_labor_blanked +
        r.levels.size_blanked +
        r.levels.street_only +
        r.levels.district_only,
    ).toBe(r.households);
    expect(r.never_published.join('')).toContain('户编号');
    expect(r.rules.join('')).toContain('户级数据');
    expect(r.income_bands).toEqual(['<4000', '4000–6000', '6000–8000', '8000–10000', '≥10000']);
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

  it('with k = 1 publishes every household at its finest (size still only a band)', () => {
    const data = fixtureDataset();
    data.campaign.privacy.k = 1;
    const p = shapeForPublication(data);
    expect(p.report.levels.exact).toBe(p.report.households);
    expect((p.tables.households as PublishedRow[]).every((h) => h.household_size !== null)).toBe(
      true,
    );
  });
});

describe('shapeForPublication: a village whose rows went to the district (tests/fixtures/attack/after)', () => {
  // 丙村 (2 households, the only village of 东洲街道) cannot be protected in its street either;
  // 甲村 lends one row to complete the district's group.
  const load = async () => {
    const loaded = await loadDataset(
      path.resolve(import.meta.dirname, '../../../fixtures/attack/after'),
    );
    return shapeForPublication(loaded.data!);
  };

  it('counts its households in the district remainder (street blank), not in its street', async () => {
    const p = await load();
    const street = p.tables.street_people as unknown as StreetPeopleRow[];
    expect(street.filter((r) => r.street === '东洲街道')).toEqual([]);
    expect(street.filter((r) => r.street === null)).toEqual([
      { street: null, status: '在册', exit_category: null, households: 1, persons: null },
      { street: null, status: '已脱贫', exit_category: null, households: 1, persons: null },
    ]);
    // District totals by 建档状态 stay exact: they are the villages' counts.
    const villages = p.tables.village_people as unknown as VillagePeopleRow[];
    const sum = (rows: { households: number }[]) => rows.reduce((n, r) => n + r.households, 0);
    expect(sum(street.filter((r) => r.status === '在册'))).toBe(
      villages.reduce((n, v) => n + v.households_active, 0),
    );
    expect(p.report.aggregates.street_cells?.district_remainder).toBe(2);
    // The lent row is counted in its own village's street: 田墘街道 holds all of 甲村 and 乙村.
    expect(sum(street.filter((r) => r.street === '田墘街道' && r.status !== '清退'))).toBe(18);
  });

  it('says where the lent row went', async () => {
    const p = await load();
    expect(p.report.borrowed_to).toEqual({ village: 0, street: 0, district: 1 });
    expect(p.report.rules[0]).toContain('借给别的组补足：全区组 1 行');
    expect(p.report.rules.join('')).not.toContain('借给同村');
  });

  it('fails the street check on the exact street cells published before this rule', async () => {
    const p = await load();
    const villages = p.tables.village_people as unknown as VillagePeopleRow[];
    const areaOf = (v: VillagePeopleRow) => (v.village_name === '丙村' ? null : v.street);
    expect(() =>
      assertStreetFigures(
        p.tables.street_people as unknown as StreetPeopleRow[],
        villages,
        areaOf,
        3,
      ),
    ).not.toThrow();
    // What street_people said of 东洲街道 before: 丙村's two households, one cell each.
    const leaky: StreetPeopleRow[] = [
      ...(p.tables.street_people as unknown as StreetPeopleRow[]).filter((r) => r.street !== null),
      { street: '东洲街道', status: '在册', exit_category: '重点帮扶', households: 1, persons: 4 },
      {
        street: '东洲街道',
        status: '已脱贫',
        exit_category: '巩固提升',
        households: 1,
        persons: 6,
      },
    ];
    expect(() => assertStreetFigures(leaky, villages, (v) => v.street, 3)).toThrow(
      '东洲街道 在册重点帮扶 只有 1 户，却公开了人数或分类',
    );
    // Counted in their street but with the district's rows' villages left out, the tables disagree.
    expect(() => assertStreetFigures(leaky, villages, areaOf, 3)).toThrow('与各村合计');
  });
});
