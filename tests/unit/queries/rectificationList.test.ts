/**
 * The rectification items list as the browser asks for it: sorted by a
 * column, searched, counted and paged in SQL (rectificationItems options,
 * rectificationItemCount). Expected orders are written out from the rows below.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { openNodeEngine } from '../../../src/engine/node.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import {
  RECT_SORTS,
  rectificationItemCount,
  rectificationItems,
} from '../../../src/queries/rectifications.ts';

let dir: string;
let engine: Engine & { close(): void };

// issue, street, village, description, unit, deadline, status, overdue
const RECT: [string, string, string | null, string, string, string, string, boolean][] = [
  ['B3', '乙街道', 'v2', '危房改造未完成', '区住建局', '2018-06-01', '整改中', true],
  ['B1', '甲街道', 'v1', 'Fund records LATE', '区财政局', '2018-08-01', '未启动', false],
  ['B2', '甲街道', null, '资金 50% 未拨付', '区财政局', '2018-07-01', '已完成', false],
  ['B4', '甲街道', 'v0', '帮扶措施不精准', '区扶贫办', '2018-05-01', '整改中', true],
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-rect-list-'));
  const file = path.join(dir, 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE rectifications (issue_id VARCHAR, source_level VARCHAR, source_type VARCHAR,
    found_date DATE, street VARCHAR, village_code VARCHAR, village_name VARCHAR, category VARCHAR,
    description VARCHAR, measures VARCHAR, responsible_unit VARCHAR, deadline DATE, status VARCHAR,
    completed_date DATE, overdue BOOLEAN)`);
  for (const [id, street, village, description, unit, deadline, status, overdue] of RECT) {
    await conn.run(
      `INSERT INTO rectifications VALUES ($1, '区', '自查', DATE '2018-05-01', $2, $3, $3, '其他',
        $4, NULL, $5, $6::DATE, $7, NULL, $8)`,
      [id, street, village, description, unit, deadline, status, overdue],
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

const ids = async (q: Parameters<Engine['query']>[0]) =>
  (await engine.query(q)).map((r) => r.issue_id);

describe('rectificationItems list options', () => {
  it('keeps the default order without options (overdue open first, done last)', async () => {
    expect(await ids(rectificationItems({}, null))).toEqual(['B4', 'B3', 'B1', 'B2']);
  });

  it('sorts by any listed column, both ways, ties by issue id', async () => {
    expect(
      await ids(rectificationItems({}, null, 0, { sort: { key: 'issue_id', dir: 'asc' } })),
    ).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(
      await ids(rectificationItems({}, null, 0, { sort: { key: 'deadline', dir: 'desc' } })),
    ).toEqual(['B1', 'B2', 'B3', 'B4']);
    // Text sorts by code point (no ICU collation in DuckDB-WASM): 住 U+4F4F < 扶 U+6276 < 财 U+8D22.
    expect(
      await ids(rectificationItems({}, null, 0, { sort: { key: 'responsible_unit', dir: 'asc' } })),
    ).toEqual(['B3', 'B4', 'B1', 'B2']);
    // Place: street (乙 U+4E59 < 甲 U+7532), then village; a street-wide item (no village) last.
    expect(
      await ids(rectificationItems({}, null, 0, { sort: { key: 'place', dir: 'asc' } })),
    ).toEqual(['B3', 'B4', 'B1', 'B2']);
    for (const key of Object.keys(RECT_SORTS) as (keyof typeof RECT_SORTS)[])
      expect(
        await ids(rectificationItems({}, null, 0, { sort: { key, dir: 'desc' } })),
      ).toHaveLength(4);
  });

  it('ignores a sort key that is not a listed column', async () => {
    const sort = { key: 'status; DROP TABLE rectifications' as 'status', dir: 'asc' as const };
    expect(await ids(rectificationItems({}, null, 0, { sort }))).toEqual(['B4', 'B3', 'B1', 'B2']);
  });

  it('searches text as text: case-insensitive, % and quotes are literal', async () => {
    expect(await ids(rectificationItems({}, null, 0, { search: 'fund records late' }))).toEqual([
      'B1',
    ]);
    expect(await ids(rectificationItems({}, null, 0, { search: '50%' }))).toEqual(['B2']);
    expect(await ids(rectificationItems({}, null, 0, { search: '%' }))).toEqual(['B2']);
    expect(await ids(rectificationItems({}, null, 0, { search: "' OR 1=1 --" }))).toEqual([]);
    // Also in the unit and the place.
    expect(await ids(rectificationItems({}, null, 0, { search: '扶贫办' }))).toEqual(['B4']);
    expect(await ids(rectificationItems({}, null, 0, { search: '乙街道' }))).toEqual(['B3']);
  });

  it('counts what the search and filters match, and pages through it', async () => {
    expect(await engine.query(rectificationItemCount({}, '财政'))).toEqual([{ items: 2 }]);
    expect(await engine.query(rectificationItemCount({ street: '甲街道' }))).toEqual([
      { items: 3 },
    ]);
    const sort = { key: 'issue_id' as const, dir: 'asc' as const };
    expect(await ids(rectificationItems({ street: '甲街道' }, 2, 2, { sort }))).toEqual(['B4']);
  });
});
