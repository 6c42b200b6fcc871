/**
 * The project queries on a hand-made database (tables typed as published:
 * DECIMAL amounts): every expected number below is worked out by hand from the
 * rows written here, not from the queries. The finding rules run twice — as
 * the SQL of the `project_finding` filter and as the view's functions — and
 * must pick the same projects, here and on the fixture database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_TYPES, PUBLISHED_TABLES } from '../../../src/contract/published.ts';
import { openNodeEngine } from '../../../src/engine/node.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import {
  PROJECT_FINDINGS,
  PROJECT_SORTS,
  projectBreakdown,
  projectItemCount,
  projectItems,
  projectsByStreet,
  projectsByVillage,
  projectTimeline,
  shortcomingCoverage,
  type ProjectItem,
  type ProjectSortKey,
  type ShortcomingCoverageRow,
} from '../../../src/queries/index.ts';
import { projectFindingsOf } from '../../../src/views/projects/projectFindings.ts';
import { writeFixtureDb } from '../engine/fixtureDb.ts';

let dir: string;
let engine: Engine & { close(): void };

// id, street, village, category, source, budget, disbursed, status, start, end, beneficiaries, dimension, year
type P = [
  string,
  string | null,
  string | null,
  string,
  string,
  number,
  number,
  string,
  string | null,
  string | null,
  number,
  string | null,
  number,
];
const PROJECTS: P[] = [
  [
    'XM-1',
    '甲街道',
    'v1',
    '产业发展',
    '中央财政',
    10,
    10,
    '已验收',
    '2016-03-01',
    '2016-09-30',
    5,
    '基础设施',
    2016,
  ],
  // Finished with 9.99 of 20 paid: under half (拨付滞后), and no poor household.
  [
    'XM-2',
    '甲街道',
    'v1',
    '基础设施',
    '省级财政',
    20,
    9.99,
    '已完工',
    '2017-02-10',
    '2017-12-01',
    0,
    null,
    2017,
  ],
  // Exactly half paid: not behind.
  [
    'XM-3',
    '甲街道',
    'v2',
    '教育',
    '中央财政',
    20,
    10,
    '已完工',
    '2017-02-20',
    '2017-06-30',
    3,
    null,
    2017,
  ],
  // Not started, yet paid (拨付超前).
  ['XM-4', '甲街道', 'v2', '基础设施', '区级财政', 5, 1, '未开工', null, null, 2, null, 2019],
  // Street-wide, under way and paid in full (拨付超前).
  ['XM-5', '甲街道', null, '就业', '帮扶单位', 8.5, 8.5, '在建', '2018-03-01', null, 4, null, 2018],
  [
    'XM-6',
    '乙街道',
    'v3',
    '产业发展',
    '中央财政',
    0.1,
    0,
    '未开工',
    null,
    null,
    1,
    '产业发展',
    2020,
  ],
  // District-wide.
  ['XM-7', null, null, '医疗', '省级财政', 100, 40, '在建', '2018-01-15', null, 50, null, 2018],
];
// street, village, round, dimension, mechanism, library
const SHORTCOMINGS: [string, string, string, string, string, string][] = [
  ['甲街道', 'v1', '1', '基础设施', '否', '是'],
  ['甲街道', 'v1', '1', '产业发展', '否', '是'],
  ['甲街道', 'v1', '1', '公共服务设施', '是', '否'],
  ['甲街道', 'v1', '1', '基层党建', '是', '是'],
  ['乙街道', 'v3', '2', '基础设施', '否', '否'],
  ['乙街道', 'v3', '2', '产业发展', '是', '否'],
];

async function createTables(conn: Awaited<ReturnType<DuckDBInstance['connect']>>) {
  for (const name of ['villages', 'shortcomings', 'projects']) {
    const t = PUBLISHED_TABLES.find((x) => x.name === name)!;
    await conn.run(
      `CREATE TABLE ${name} (${t.columns.map((c) => `"${c.name}" ${DUCKDB_TYPES[c.type]}`).join(', ')})`,
    );
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-project-queries-'));
  const file = path.join(dir, 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  await createTables(conn);
  for (const [street, code, round] of [
    ['甲街道', 'v1', '1'],
    ['甲街道', 'v2', null],
    ['乙街道', 'v3', '2'],
    ['乙街道', 'v4', null],
  ] as const)
    await conn.run(
      `INSERT INTO villages (street, village_code, village_name, shuangdao_round, is_poor_village)
       VALUES ($1, $2, $3, $4, '否')`,
      [street, code, `村${code}`, round],
    );
  for (const [street, code, round, dimension, mechanism, library] of SHORTCOMINGS)
    await conn.run(
      `INSERT INTO shortcomings (street, village_code, village_name, shuangdao_round, dimension,
         mechanism_in_place, in_project_library) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [street, code, `村${code}`, round, dimension, mechanism, library],
    );
  for (const [
    id,
    street,
    code,
    category,
    source,
    budget,
    paid,
    status,
    start,
    end,
    ben,
    dim,
    year,
  ] of PROJECTS)
    await conn.run(
      `INSERT INTO projects (project_id, plan_year, street, village_code, village_name, project_name,
         category, task, fund_source, budget_wan, disbursed_wan, implementer, start_date, end_date,
         status, beneficiary_households, shortcoming_dimension)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '任务', $8, $9::DECIMAL(18,2), $10::DECIMAL(18,2), '单位',
         $11::DATE, $12::DATE, $13, $14, $15)`,
      [
        id,
        year,
        street,
        code,
        code ? `村${code}` : null,
        `${id}工程`,
        category,
        source,
        String(budget),
        String(paid),
        start,
        end,
        status,
        ben,
        dim,
      ],
    );
  conn.closeSync();
  instance.closeSync();
  engine = await openNodeEngine(file);
});

afterAll(() => {
  engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (q: Parameters<Engine['query']>[0]) =>
  (await engine.query<ProjectItem>(q)).map((r) => r.project_id);

describe('projectBreakdown', () => {
  it('sums projects, exact funds and households, and counts each finding', async () => {
    const rows = await engine.query(projectBreakdown({}));
    expect(rows.find((r) => r.dim === 'all')).toEqual({
      dim: 'all',
      key: null,
      status: null,
      projects: 7,
      budget_wan: 163.6,
      disbursed_wan: 79.49,
      beneficiaries: 65,
      ahead: 2,
      behind: 1,
      no_beneficiaries: 1,
    });
    const status = Object.fromEntries(
      rows.filter((r) => r.dim === 'status').map((r) => [r.key, r.projects]),
    );
    expect(status).toEqual({ 已验收: 1, 已完工: 2, 未开工: 2, 在建: 2 });
    const year2017 = rows.filter((r) => r.dim === 'year' && r.key === '2017');
    expect(year2017).toEqual([expect.objectContaining({ status: '已完工', projects: 2 })]);
    const central = rows.find((r) => r.dim === 'fund_source' && r.key === '中央财政');
    expect(central).toMatchObject({ projects: 3, budget_wan: 30.1, disbursed_wan: 20 });
  });

  it('applies the project filters', async () => {
    const all = async (f: Parameters<typeof projectBreakdown>[0]) =>
      (await engine.query(projectBreakdown(f))).find((r) => r.dim === 'all');
    expect(await all({ street: '甲街道' })).toMatchObject({ projects: 5, budget_wan: 63.5 });
    expect(await all({ village: 'v2' })).toMatchObject({ projects: 2, ahead: 1 });
    expect(await all({ project_category: '基础设施' })).toMatchObject({ projects: 2 });
    expect(await all({ project_status: '在建' })).toMatchObject({ projects: 2, ahead: 1 });
    expect(await all({ project_finding: '拨付滞后' })).toMatchObject({ projects: 1, behind: 1 });
  });
});

describe('funds by place', () => {
  it('puts district-wide projects (no street) in a row of their own, last', async () => {
    const rows = await engine.query(projectsByStreet({}));
    expect(rows.map((r) => [r.street, r.projects, r.budget_wan])).toEqual([
      ['乙街道', 1, 0.1],
      ['甲街道', 5, 63.5],
      [null, 1, 100],
    ]);
  });

  it('lists every village of the place, with 0 where no project matches', async () => {
    const rows = await engine.query(projectsByVillage({}));
    // The street-wide XM-5 belongs to no village.
    expect(rows.map((r) => [r.village_code, r.projects, r.budget_wan])).toEqual([
      ['v3', 1, 0.1],
      ['v4', 0, 0],
      ['v1', 2, 30],
      ['v2', 2, 25],
    ]);
    const central = await engine.query(projectsByVillage({ fund_source: '中央财政' }));
    expect(central.map((r) => r.projects)).toEqual([1, 0, 1, 1]);
    const yi = await engine.query(projectsByVillage({ street: '乙街道' }));
    expect(yi.map((r) => r.village_code)).toEqual(['v3', 'v4']);
  });
});

describe('shortcomingCoverage', () => {
  it('counts the projects of the same village whose 对应短板 is the 领域', async () => {
    const rows = await engine.query<ShortcomingCoverageRow>(shortcomingCoverage({}));
    const of = (code: string, d: string) =>
      rows.find((r) => r.village_code === code && r.dimension === d);
    expect(rows).toHaveLength(6);
    expect(of('v1', '基础设施')).toMatchObject({ projects: 1, budget_wan: 10 });
    expect(of('v1', '产业发展')).toMatchObject({ projects: 0, budget_wan: 0 });
    expect(of('v3', '产业发展')).toMatchObject({ projects: 1, mechanism_in_place: '是' });
  });

  it('lets the place filters choose the villages and the others the projects that count', async () => {
    const yi = await engine.query<ShortcomingCoverageRow>(
      shortcomingCoverage({ street: '乙街道' }),
    );
    expect(new Set(yi.map((r) => r.village_code))).toEqual(new Set(['v3']));
    const provincial = await engine.query<ShortcomingCoverageRow>(
      shortcomingCoverage({ fund_source: '省级财政' }),
    );
    expect(provincial).toHaveLength(6);
    expect(provincial.every((r) => r.projects === 0)).toBe(true);
  });
});

describe('projectTimeline', () => {
  it('counts projects started and finished, cumulative, by month', async () => {
    expect(await engine.query(projectTimeline({}))).toEqual([
      { date: '2016-03-01', started: 1, finished: 0 },
      { date: '2016-09-01', started: 1, finished: 1 },
      { date: '2017-02-01', started: 3, finished: 1 },
      { date: '2017-06-01', started: 3, finished: 2 },
      { date: '2017-12-01', started: 3, finished: 3 },
      { date: '2018-01-01', started: 4, finished: 3 },
      { date: '2018-03-01', started: 5, finished: 3 },
    ]);
  });
});

describe('the project list', () => {
  const sorted = (key: ProjectSortKey, dir: 'asc' | 'desc' = 'asc') =>
    ids(projectItems({}, null, 0, { sort: { key, dir } }));

  it('is in 项目编号 order by default, with amounts as numbers and dates as text', async () => {
    const rows = await engine.query<ProjectItem>(projectItems({}, null));
    expect(rows.map((r) => r.project_id)).toEqual(PROJECTS.map((p) => p[0]));
    expect(rows[1]).toMatchObject({
      budget_wan: 20,
      disbursed_wan: 9.99,
      start_date: '2017-02-10',
      end_date: '2017-12-01',
    });
  });

  it('sorts by amount, paid share and status (in the order works go), ties by 项目编号', async () => {
    expect(await sorted('budget_wan', 'desc')).toEqual([
      'XM-7',
      'XM-2',
      'XM-3',
      'XM-1',
      'XM-5',
      'XM-4',
      'XM-6',
    ]);
    expect(await sorted('paid_share')).toEqual([
      'XM-6',
      'XM-4',
      'XM-7',
      'XM-2',
      'XM-3',
      'XM-1',
      'XM-5',
    ]);
    expect(await sorted('status')).toEqual([
      'XM-4',
      'XM-6',
      'XM-5',
      'XM-7',
      'XM-2',
      'XM-3',
      'XM-1',
    ]);
    // Place: street by code point (乙 before 甲), village, district-wide last.
    expect(await sorted('place')).toEqual(['XM-6', 'XM-1', 'XM-2', 'XM-3', 'XM-4', 'XM-5', 'XM-7']);
    for (const key of Object.keys(PROJECT_SORTS) as ProjectSortKey[])
      expect(await sorted(key, 'desc')).toHaveLength(7);
  });

  it('ignores a sort key that is not a listed column', async () => {
    const sort = { key: 'budget_wan; DROP TABLE projects' as 'budget_wan', dir: 'asc' as const };
    expect(await ids(projectItems({}, null, 0, { sort }))).toEqual(PROJECTS.map((p) => p[0]));
  });

  it('searches the text columns, counts the matches and pages through them', async () => {
    expect(await ids(projectItems({}, null, 0, { search: '就业' }))).toEqual(['XM-5']);
    expect(await ids(projectItems({}, null, 0, { search: 'xm-7' }))).toEqual(['XM-7']);
    expect(await ids(projectItems({}, null, 0, { search: "' OR 1=1 --" }))).toEqual([]);
    expect(await engine.query(projectItemCount({}, '村v1'))).toEqual([{ projects: 2 }]);
    expect(await engine.query(projectItemCount({ street: '甲街道' }))).toEqual([{ projects: 5 }]);
    expect(await ids(projectItems({ street: '甲街道' }, 2, 2))).toEqual(['XM-3', 'XM-4']);
  });
});

describe('the finding rules: SQL and functions agree', () => {
  it('picks the projects worked out by hand', async () => {
    expect(await ids(projectItems({ project_finding: '拨付超前' }, null))).toEqual([
      'XM-4',
      'XM-5',
    ]);
    expect(await ids(projectItems({ project_finding: '拨付滞后' }, null))).toEqual(['XM-2']);
    expect(await ids(projectItems({ project_finding: '无受益贫困户' }, null))).toEqual(['XM-2']);
  });

  it('gives the same projects as projectFindingsOf, here and on the fixture database', async () => {
    const fixture = path.join(dir, 'fixture.duckdb');
    await writeFixtureDb(fixture);
    const other = await openNodeEngine(fixture);
    try {
      for (const e of [engine, other]) {
        const all = await e.query<ProjectItem>(projectItems({}, null));
        expect(all.length).toBeGreaterThan(0);
        for (const x of PROJECT_FINDINGS) {
          const bySql = (
            await e.query<ProjectItem>(projectItems({ project_finding: x }, null))
          ).map((p) => p.project_id);
          const byRule = all
            .filter((p) => projectFindingsOf(p).includes(x))
            .map((p) => p.project_id);
          expect(bySql, x).toEqual(byRule);
        }
      }
    } finally {
      other.close();
    }
  });
});
