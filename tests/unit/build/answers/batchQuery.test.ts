/** batchQuery: many states' queries in one LATERAL pass, each state's rows exactly as alone. */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchQuery, splitSql } from '../../../../src/build/answers/batchQuery.ts';
import type { Engine, Row } from '../../../../src/engine/engine.ts';
import { sql, type SqlQuery } from '../../../../src/queries/sql.ts';

let engine: Engine & { texts: string[] };

beforeAll(async () => {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    ('甲', 'a', 3), ('甲', 'b', 1), ('甲', 'c', 2), ('乙', 'd', 5), ('乙', 'e', 4), ('丙', 'f', 6)
  ) v(street, name, n)`);
  const texts: string[] = [];
  engine = {
    texts,
    async query<T extends Row = Row>(q: SqlQuery): Promise<T[]> {
      texts.push(q.text);
      const reader = await conn.runAndReadAll(q.text, [...q.params]);
      return reader
        .getRowObjectsJS()
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
          ),
        ) as T[];
    },
  };
});

const alone = (qs: (SqlQuery | undefined)[]) =>
  Promise.all(qs.map((q) => (q ? engine.query(q) : undefined)));

describe('batchQuery', () => {
  it('answers each state as its own query would, limits and order per state', async () => {
    const top = (street: string, min: number) => sql`
      SELECT name, n FROM t WHERE street = ${street} AND n >= ${min}
      ORDER BY n DESC, name LIMIT ${2}`;
    const qs = [top('甲', 0), top('乙', 0), top('丙', 0), top('丁', 0), top('甲', 2)];
    engine.texts.length = 0;
    const got = await batchQuery(engine, qs);
    expect(engine.texts).toHaveLength(1);
    expect(engine.texts[0]).toContain('LATERAL');
    expect(got).toEqual(await alone(qs));
    expect(got[0]).toEqual([
      { name: 'a', n: 3 },
      { name: 'c', n: 2 },
    ]);
    expect(got[3]).toEqual([]);
  });

  it('runs a query with the same text and parameters once for every state', async () => {
    const total = () => sql`SELECT sum(n)::INTEGER AS n FROM t WHERE n > ${0}`;
    engine.texts.length = 0;
    const got = await batchQuery(engine, [total(), undefined, total()]);
    expect(engine.texts).toEqual([total().text]);
    expect(got).toEqual([[{ n: 21 }], undefined, [{ n: 21 }]]);
  });

  it('groups states by query text: other shapes run on their own', async () => {
    const q = (street?: string) =>
      street
        ? sql`SELECT count(*)::INTEGER AS c FROM t WHERE street = ${street}`
        : sql`SELECT count(*)::INTEGER AS c FROM t`;
    const qs = [q(), q('甲'), q('乙')];
    expect(await batchQuery(engine, qs)).toEqual(await alone(qs));
  });

  it('repeats a qualified ORDER BY on the output columns (a join where both sides have the column)', async () => {
    const q = (street: string) => sql`
      SELECT a.street, b.name AS other, a.n
      FROM t a JOIN t b ON b.street = a.street AND b.name <> a.name
      WHERE a.street = ${street} ORDER BY a.street, a.n DESC, other`;
    const qs = [q('甲'), q('乙'), q('丙')];
    expect(await batchQuery(engine, qs)).toEqual(await alone(qs));
  });

  it('refuses a parameter that varies after ORDER BY (a per-state limit)', async () => {
    const q = (n: number) => sql`SELECT name FROM t ORDER BY name LIMIT ${n}`;
    await expect(batchQuery(engine, [q(1), q(2)])).rejects.toThrow(/ORDER BY/);
  });
});

describe('splitSql', () => {
  it('cuts at markers outside quotes and comments, and finds the last top-level ORDER BY', () => {
    const text = `SELECT '?' AS "a?", x -- why?\n FROM (SELECT 1 ORDER BY 1) WHERE y = ? ORDER BY x LIMIT ?`;
    const { parts, orderAt } = splitSql(text);
    expect(parts).toHaveLength(3);
    expect(text.slice(orderAt)).toBe('ORDER BY x LIMIT ?');
    expect(splitSql('SELECT sum(x) OVER (ORDER BY d) FROM t').orderAt).toBe(-1);
  });
});
