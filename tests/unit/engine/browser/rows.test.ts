/**
 * The browser engine must return exactly what the Node engine returns. The same
 * DuckDB-WASM binary the browser runs is driven here through its Node
 * bindings, its Arrow results go through arrowToRows, and every named query is
 * compared with @duckdb/node-api on the same database file.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDuckDB,
  NODE_RUNTIME,
  VoidLogger,
  type DuckDBBindings,
} from '@duckdb/duckdb-wasm/blocking';
import { openNodeEngine } from '../../../../src/engine/node.ts';
import { arrowToRows } from '../../../../src/engine/browser/rows.ts';
import type { Engine, Row } from '../../../../src/engine/engine.ts';
import * as Q from '../../../../src/queries/index.ts';
import type { FilterState, SqlQuery } from '../../../../src/queries/index.ts';
import { writeFixtureDb } from '../fixtureDb.ts';

const require = createRequire(import.meta.url);
const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

let dir: string;
let node: Engine & { close(): void };
let wasm: DuckDBBindings;
let wasmQuery: (q: SqlQuery) => Row[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-browser-rows-'));
  const file = path.join(dir, 'fixture.duckdb');
  await writeFixtureDb(file);
  node = await openNodeEngine(file);
  wasm = await createDuckDB(
    {
      mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await wasm.instantiate(() => {});
  wasm.open({ query: { castDecimalToDouble: true } }); // as src/engine/browser/browserEngine.ts opens it
  const conn = wasm.connect();
  // Registered under a name and attached read-only, as src/engine/browser/browserEngine.ts does over
  // HTTP. (The Node runtime refuses READ_ONLY on a registered NODE_FS path; a buffer works.)
  wasm.registerFileBuffer('huitoukan.duckdb', new Uint8Array(readFileSync(file)));
  conn.query(`ATTACH 'huitoukan.duckdb' AS htk (READ_ONLY)`);
  conn.query('USE htk');
  wasmQuery = (q) => {
    const stmt = conn.prepare(q.text);
    try {
      return arrowToRows(stmt.query(...q.params));
    } finally {
      stmt.close();
    }
  };
});

afterAll(() => {
  node?.close();
  wasm?.reset();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every named query with the arguments it needs, under a few filter states. */
function namedQueries(): [string, SqlQuery][] {
  const filters: FilterState[] = [
    {},
    { street: '第2街道' },
    { village: '440101000001', exit_category: '巩固提升' },
    { gap: '任一项', household_type: '低保户' },
    { overdue: '逾期', rect_status: '整改中' },
    { dimension: '产业发展' },
  ];
  const out: [string, SqlQuery][] = [
    ['villageList', Q.villageList()],
    ['streetList', Q.streetList()],
    ['phaseList', Q.phaseList()],
  ];
  for (const f of filters) {
    const tag = JSON.stringify(f);
    for (const by of ['street', 'village'] as const) {
      out.push([`registrationByArea ${by} ${tag}`, Q.registrationByArea(f, by)]);
      out.push([`exitCategoryByArea ${by} ${tag}`, Q.exitCategoryByArea(f, by)]);
    }
    const simple = {
      peopleByStatus: Q.peopleByStatus,
      changesByType: Q.changesByType,
      changesOverTime: Q.changesOverTime,
      changeReasonTallies: Q.changeReasonTallies,
      exitCategoryPeople: Q.exitCategoryPeople,
      exitCategoryTotals: Q.exitCategoryTotals,
      incomeBands: Q.incomeBands,
      securityGaps: Q.securityGaps,
      measuresInUse: Q.measuresInUse,
      householdTypes: Q.householdTypes,
      rectificationTotals: Q.rectificationTotals,
      rectificationBreakdown: Q.rectificationBreakdown,
      rectificationProgress: Q.rectificationProgress,
      rectificationItems: Q.rectificationItems,
      shuangdaoMatrix: Q.shuangdaoMatrix,
      shortcomingsByDimension: Q.shortcomingsByDimension,
      shuangdaoByStreet: Q.shuangdaoByStreet,
    };
    for (const [name, make] of Object.entries(simple)) out.push([`${name} ${tag}`, make(f)]);
  }
  out.push(['rectificationItems page 2', Q.rectificationItems({}, 5, 5)]);
  return out;
}

describe('arrowToRows on DuckDB-WASM results', () => {
  it.each(namedQueries())('%s: same rows as the Node engine', async (_name, q) => {
    const expected = await node.query(q);
    expect(wasmQuery(q)).toEqual(expected);
  });

  it('the fixture makes those comparisons meaningful (rows, NULLs, lists, dates)', async () => {
    const rows = await node.query(Q.rectificationItems({}, 100));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.completed_date === null)).toBe(true);
    expect(rows.some((r) => typeof r.completed_date === 'string')).toBe(true);
    expect((await node.query(Q.measuresInUse({}))).length).toBeGreaterThan(1);
  });

  it('converts each column type the way the Node engine does', async () => {
    const q: SqlQuery = {
      text: `SELECT 1::INTEGER AS i, 2::BIGINT AS b, 1.5::DOUBLE AS d, 'x' AS s, true AS t,
        ['a', NULL]::VARCHAR[] AS l, []::VARCHAR[] AS e, NULL::VARCHAR AS n, NULL::VARCHAR[] AS nl,
        DATE '2018-06-05' AS dt, TIMESTAMP '2018-06-05 23:30:00' AS ts, sum(x) AS huge,
        12.25::DECIMAL(9, 2) AS dec, ? AS p_str, ? AS p_num, ? AS p_bool, ? AS p_null
        FROM range(4) t(x)`,
      params: ['参数', 7, false, null],
    };
    const rows = wasmQuery(q);
    expect(rows).toEqual(await node.query(q));
    expect(rows[0]).toMatchObject({
      b: 2,
      l: ['a', null],
      e: [],
      nl: null,
      dt: '2018-06-05',
      huge: 6,
    });
  });
});
