/**
 * Every example query of the explore page runs, wrapped as the page wraps it,
 * on a database shaped like the published one; the columns come out typed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../../src/engine/node.ts';
import type { Engine, Row } from '../../../../src/engine/engine.ts';
import { resultColumns } from '../../../../src/views/explore/exploreColumns.ts';
import { EXPLORE_EXAMPLES } from '../../../../src/views/explore/exploreExamples.ts';
import {
  checkExploreSql,
  describeQuery,
  resultQuery,
} from '../../../../src/views/explore/exploreSql.ts';
import { writeFixtureDb } from '../../engine/fixtureDb.ts';

let dir: string;
let engine: Engine & { close(): void };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-explore-'));
  const file = path.join(dir, 'fixture.duckdb');
  await writeFixtureDb(file);
  engine = await openNodeEngine(file);
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(sql: string) {
  const check = checkExploreSql(sql);
  if (!check.ok) throw new Error(check.message);
  const columns = resultColumns(await engine.query(describeQuery(check.sql)));
  const rows = await engine.query(resultQuery(check.sql, columns.length));
  return { columns, rows };
}

describe('EXPLORE_EXAMPLES', () => {
  it('include the five the newsroom asked for, with unique ids', () => {
    const titles = EXPLORE_EXAMPLES.map((e) => e.title);
    for (const t of [
      '各街道重点帮扶户数',
      '逾期未整改问题',
      '各村“三保障”缺口',
      '各领域未建立长效机制的“双到”村',
      '每周新增纳入与清退',
    ]) {
      expect(titles).toContain(t);
    }
    expect(new Set(EXPLORE_EXAMPLES.map((e) => e.id)).size).toBe(EXPLORE_EXAMPLES.length);
  });

  it.each(EXPLORE_EXAMPLES.map((e) => [e.id, e.sql]))(
    '%s runs and returns rows',
    async (_, sql) => {
      const { columns, rows } = await run(sql);
      expect(columns.length).toBeGreaterThan(0);
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0] as Row)).toEqual(columns.map((c) => c.key));
    },
  );

  it('各街道重点帮扶户数 agrees with a count over the household rows', async () => {
    const sql = EXPLORE_EXAMPLES.find((e) => e.id === 'key-support-by-street')?.sql ?? '';
    const { columns, rows } = await run(sql);
    expect(columns.map((c) => [c.label, c.format])).toEqual([
      ['街道', 'text'],
      ['重点帮扶户数', 'number'],
    ]);
    const households = await engine.query<{ street: string; exit_category: string | null }>({
      text: 'SELECT street, exit_category FROM households',
      params: [],
    });
    const expected = new Map<string, number>();
    for (const h of households) {
      if (h.exit_category === '重点帮扶') expected.set(h.street, (expected.get(h.street) ?? 0) + 1);
    }
    expect(new Map(rows.map((r) => [r.c0 as string, r.c1 as number]))).toEqual(expected);
    const counts = rows.map((r) => r.c1 as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('各街道计划资金与已拨付 adds up the projects of each street exactly, district-wide ones last', async () => {
    const sql = EXPLORE_EXAMPLES.find((e) => e.id === 'project-funds-by-street')?.sql ?? '';
    const { columns, rows } = await run(sql);
    expect(columns.map((c) => c.label)).toEqual([
      '街道',
      '项目数',
      '计划资金（万元）',
      '已拨付（万元）',
      '拨付比例（%）',
    ]);
    const projects = await engine.query<{ street: string | null; budget: string }>({
      text: 'SELECT street, budget_wan::VARCHAR AS budget FROM projects',
      params: [],
    });
    // Cents as integers: the expected sums are exact too.
    const cents = new Map<string, number>();
    for (const p of projects) {
      const key = p.street ?? '（全区项目）';
      cents.set(key, (cents.get(key) ?? 0) + Math.round(Number(p.budget) * 100));
    }
    expect(rows.map((r) => [r.c0, Math.round((r.c2 as number) * 100)])).toEqual([...cents]);
    expect(rows.at(-1)?.c0).toBe('（全区项目）');
  });

  it('没有项目回应的“双到”短板 lists exactly the 长效机制 否 shortcomings no project of the village answers', async () => {
    const sql = EXPLORE_EXAMPLES.find((e) => e.id === 'shortcomings-without-project')?.sql ?? '';
    const { rows } = await run(sql);
    const q = (text: string) => engine.query({ text, params: [] });
    const answered = new Set(
      (await q('SELECT village_code, shortcoming_dimension AS d FROM projects')).map(
        (p) => `${String(p.village_code)}|${String(p.d)}`,
      ),
    );
    const withoutMechanism = await q(
      "SELECT village_name, village_code, dimension FROM shortcomings WHERE mechanism_in_place = '否' ORDER BY street, village_code, dimension",
    );
    const open = withoutMechanism.filter(
      (s) => !answered.has(`${String(s.village_code)}|${String(s.dimension)}`),
    );
    // The fixture has both: some answered, some not.
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(withoutMechanism.length);
    expect(rows.map((r) => [r.c1, r.c2])).toEqual(open.map((s) => [s.village_name, s.dimension]));
  });

  it('每周新增纳入与清退 gives week starts as dates', async () => {
    const sql = EXPLORE_EXAMPLES.find((e) => e.id === 'weekly-enrolments-removals')?.sql ?? '';
    const { columns, rows } = await run(sql);
    expect(columns[0]?.format).toBe('date');
    for (const r of rows) expect(new Date(`${String(r.c0)}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});
