/**
 * The 双到 and 问题整改 named queries on a hand-made database: counts and
 * orders checked against rows written out below, not against the queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownTotals } from '../../../src/views/rectification/rectification.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { openNodeEngine } from '../../../src/engine/node.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import {
  rectificationItems,
  rectificationOverdueByUnit,
  rectificationBreakdown,
  rectificationTotals,
  shortcomingsByDimension,
  shuangdaoByStreet,
} from '../../../src/queries/index.ts';

let dir: string;
let engine: Engine & { close(): void };

// issue, status, deadline, completed, overdue (as of 2018-07-20), unit
const RECT: [string, string, string, string | null, boolean, string][] = [
  ['A1', '整改中', '2018-07-01', null, true, '区扶贫办'],
  ['A2', '未启动', '2018-06-01', null, true, '区扶贫办'],
  ['A3', '整改中', '2018-08-01', null, false, '区财政局'],
  ['A4', '已完成', '2018-06-01', '2018-06-10', true, '区财政局'],
  ['A5', '已完成', '2018-06-01', '2018-05-20', false, '区财政局'],
  ['A6', '未启动', '2018-07-10', null, true, '区财政局'],
];

// street, village, round, dimension, mechanism, project, wan, library
const SHORT: [string, string, string, string, string, string | null, number | null, string][] = [
  ['甲', '001', '1', '基础设施', '否', '修路', 30, '是'],
  ['甲', '001', '1', '产业发展', '否', null, null, '否'],
  ['甲', '002', '2', '基础设施', '是', '路灯', 5.5, '否'],
  ['甲', '002', '2', '产业发展', '是', null, null, '否'],
  ['乙', '101', '1', '基础设施', '否', '修桥', null, '是'],
  ['乙', '101', '1', '产业发展', '是', null, null, '否'],
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-topic-queries-'));
  const file = path.join(dir, 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE rectifications (issue_id VARCHAR, source_level VARCHAR, source_type VARCHAR,
    found_date DATE, street VARCHAR, village_code VARCHAR, village_name VARCHAR, category VARCHAR,
    description VARCHAR, measures VARCHAR, responsible_unit VARCHAR, deadline DATE, status VARCHAR,
    completed_date DATE, overdue BOOLEAN)`);
  for (const [id, status, deadline, done, overdue, unit] of RECT) {
    await conn.run(
      `INSERT INTO rectifications VALUES ($1, '区', $2, DATE '2018-05-01', '甲', NULL, NULL, '其他',
        '描述', NULL, $3, $4::DATE, $5, $6::DATE, $7)`,
      [id, id === 'A1' || id === 'A4' ? '审计' : '自查', unit, deadline, status, done, overdue],
    );
  }
  await conn.run(`CREATE TABLE shortcomings (street VARCHAR, village_code VARCHAR, village_name VARCHAR,
    shuangdao_round VARCHAR, dimension VARCHAR, mechanism_in_place VARCHAR, shortcoming VARCHAR,
    proposed_project VARCHAR, estimated_investment_wan DOUBLE, in_project_library VARCHAR, responsible_unit VARCHAR)`);
  for (const [street, code, round, dim, mech, project, wan, lib] of SHORT) {
    await conn.run(
      `INSERT INTO shortcomings VALUES ($1, $2, $2, $3, $4, $5, NULL, $6, $7, $8, '单位')`,
      [street, code, round, dim, mech, project, wan, lib],
    );
  }
  conn.closeSync();
  instance.closeSync();
  engine = await openNodeEngine(file);
});

afterAll(() => {
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('rectification queries', () => {
  it('lists overdue open items first (earliest deadline first), then other open, then done', async () => {
    const rows = await engine.query(rectificationItems({}, null));
    expect(rows.map((r) => r.issue_id)).toEqual(['A2', 'A1', 'A6', 'A3', 'A4', 'A5']);
  });

  it('pages with limit and offset in the same order', async () => {
    const rows = await engine.query(rectificationItems({}, 2, 2));
    expect(rows.map((r) => r.issue_id)).toEqual(['A6', 'A3']);
  });

  it('counts overdue open items per unit, most first', async () => {
    expect(await engine.query(rectificationOverdueByUnit({}))).toEqual([
      { unit: '区扶贫办', items: 2, earliest_deadline: '2018-06-01' },
      { unit: '区财政局', items: 1, earliest_deadline: '2018-07-10' },
    ]);
  });

  it('breaks items down by source, level and category, each by status, with overdue counts', async () => {
    const rows = await engine.query(rectificationBreakdown({}));
    expect(rows.filter((r) => r.dim === 'source_type')).toEqual([
      { dim: 'source_type', key: '审计', status: '已完成', items: 1, overdue: 1 },
      { dim: 'source_type', key: '审计', status: '整改中', items: 1, overdue: 1 },
      { dim: 'source_type', key: '自查', status: '已完成', items: 1, overdue: 0 },
      { dim: 'source_type', key: '自查', status: '整改中', items: 1, overdue: 0 },
      { dim: 'source_type', key: '自查', status: '未启动', items: 2, overdue: 2 },
    ]);
    expect(rows.filter((r) => r.dim === 'all')).toEqual([
      { dim: 'all', key: null, status: '已完成', items: 2, overdue: 1 },
      { dim: 'all', key: null, status: '整改中', items: 2, overdue: 1 },
      { dim: 'all', key: null, status: '未启动', items: 2, overdue: 2 },
    ]);
    // Each grouping counts every item once.
    for (const dim of ['source_level', 'category'])
      expect(rows.filter((r) => r.dim === dim).reduce((a, r) => a + Number(r.items), 0)).toBe(6);
  });

  it.each([{}, { source_type: '自查' }, { rect_status: '整改中' }, { overdue: '逾期' }])(
    'the page totals from the breakdown equal rectificationTotals (the overview) for %j',
    async (f) => {
      const [t] = await engine.query(rectificationTotals(f));
      expect(breakdownTotals(await engine.query(rectificationBreakdown(f)))).toEqual(t);
    },
  );
});

describe('双到 queries', () => {
  it('sums per street: villages by round, villages with gaps, projects, library, investment', async () => {
    expect(await engine.query(shuangdaoByStreet({}))).toEqual([
      {
        street: '乙',
        villages: 1,
        round1: 1,
        round2: 0,
        villages_with_gap: 1,
        gaps: 1,
        projects: 1,
        in_library: 1,
        investment_wan: 0,
      },
      {
        street: '甲',
        villages: 2,
        round1: 1,
        round2: 1,
        villages_with_gap: 1,
        gaps: 2,
        projects: 2,
        in_library: 1,
        investment_wan: 35.5,
      },
    ]);
  });

  it('counts projects without an estimate per 领域', async () => {
    const rows = await engine.query(shortcomingsByDimension({}));
    const infra = rows.find((r) => r.dimension === '基础设施');
    expect(infra).toMatchObject({
      villages: 3,
      villages_with_gap: 2,
      projects: 3,
      in_library: 2,
      investment_wan: 35.5,
      projects_unpriced: 1,
    });
  });
});
