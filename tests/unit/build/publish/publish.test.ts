import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as duckdbWasm from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStorageVersion } from '../../../../src/build/publish/duckdbStorage.ts';
import { DUCKDB_TYPES } from '../../../../src/contract/published.ts';
import type { PublishManifest } from '../../../../src/contract/manifest.ts';
import { publish } from '../../../../src/build/publish/publish.ts';
import { PUBLISHED_TABLES } from '../../../../src/contract/published.ts';
import { fixtureDataset, HOUSEHOLD_IDS, INCOMES } from './fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'htk-publish-'));
const out = join(root, 'site-data');
let manifest: PublishManifest;
let instance: DuckDBInstance;
let db: DuckDBConnection;

const read = (rel: string) => readFileSync(join(out, rel));
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
const downloads = PUBLISHED_TABLES.filter((t) => t.download);

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Every value of a query result as text, to search for anything that must not be published. */
async function allText(sql: string): Promise<string> {
  return JSON.stringify(await rowsOf(sql), (_k, v: unknown) =>
    typeof v === 'bigint' ? String(v) : v,
  );
}

beforeAll(async () => {
  manifest = await publish(fixtureDataset(), out);
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await db.run(`ATTACH '${join(out, manifest.db.path)}' AS p (READ_ONLY)`);
});

afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
  rmSync(root, { recursive: true, force: true });
});

describe('publish', () => {
  it('writes the database, the downloads and the manifest, and nothing else', () => {
    expect(manifest.db.path).toMatch(/^data\/huitoukan\.[0-9a-f]{10}\.duckdb$/);
    expect(manifest.db.path).toContain(manifest.db.sha256.slice(0, 10));
    expect(readdirSync(join(out, 'data'))).toEqual([manifest.db.path.slice('data/'.length)]);
    const expected = [
      ...downloads.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]),
      'SHA256SUMS',
      'datapackage.json',
      'privacy-report.json',
    ].sort();
    expect(readdirSync(join(out, 'downloads')).sort()).toEqual(expected);
    expect(readdirSync(out).sort()).toEqual(['data', 'downloads', 'manifest.json']);
    // No temporary sibling is left behind.
    expect(readdirSync(root)).toEqual(['site-data']);
  });

  it('returns the manifest it writes, with every file, its size and hash, and exact row counts', () => {
    expect(JSON.parse(read('manifest.json').toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(manifest)),
    );
    expect(manifest.as_of).toBe('2018-07-20');
    for (const f of manifest.files) {
      const buf = read(f.path);
      expect(f.bytes, f.path).toBe(buf.length);
      expect(f.sha256, f.path).toBe(sha256(buf));
    }
    expect(manifest.rows).toMatchObject({
      households: 20,
      village_people: 4,
      change_counts: 6,
      rectifications: 4,
      phases: 2,
    });
    expect(manifest.privacy.villages_not_by_village.map((v) => v.village_name)).toEqual([
      '小村',
      '东村',
      '西村',
    ]);
    expect(manifest.rows.projects).toBe(4);
    expect(manifest.projects_provided).toBe(true);
  });

  it('writes SHA256SUMS covering every published file, database included, and sha256sum -c accepts it', () => {
    const lines = read('downloads/SHA256SUMS').toString('utf8').trim().split('\n');
    const listed = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
    const expected = manifest.files.filter((f) => f.path !== 'downloads/SHA256SUMS');
    expect(listed.size).toBe(expected.length);
    for (const f of expected) {
      const rel = f.path.startsWith('downloads/')
        ? f.path.slice('downloads/'.length)
        : `../${f.path}`;
      expect(listed.get(rel), rel).toBe(sha256(read(f.path)));
    }
    expect(listed.has(`../${manifest.db.path}`)).toBe(true);
    let tool = true;
    try {
      execFileSync('sha256sum', ['--version']);
    } catch {
      tool = false;
    }
    if (tool)
      expect(() =>
        execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], {
          cwd: join(out, 'downloads'),
        }),
      ).not.toThrow();
  });

  it('lists every download in datapackage.json with its size, hash and fields', () => {
    const pkg = JSON.parse(read('downloads/datapackage.json').toString('utf8')) as {
      $schema: string;
      resources: {
        name: string;
        path: string;
        bytes: number;
        hash: string;
        format: string;
        schema?: { fields: { name: string; type: string }[] };
      }[];
    };
    expect(pkg.$schema).toContain('datapackage');
    const paths = pkg.resources.map((r) => r.path).sort();
    expect(paths).toEqual(
      readdirSync(join(out, 'downloads'))
        .filter((f) => f !== 'SHA256SUMS' && f !== 'datapackage.json')
        .sort(),
    );
    for (const r of pkg.resources) {
      const buf = read(`downloads/${r.path}`);
      expect(r.bytes, r.path).toBe(buf.length);
      expect(r.hash, r.path).toBe(`sha256:${sha256(buf)}`);
    }
    const households = pkg.resources.find((r) => r.path === 'households.csv');
    expect(households?.schema?.fields.map((f) => f.name)).toEqual(
      PUBLISHED_TABLES.find((t) => t.name === 'households')?.columns.map((c) => c.label),
    );
    const parquet = pkg.resources.find((r) => r.path === 'households.parquet');
    expect(parquet?.format).toBe('parquet');
    expect(parquet?.schema?.fields[0]?.name).toBe('street');
  });

  it('writes CSVs with a BOM, CRLF and Chinese labels', () => {
    for (const t of downloads) {
      const text = read(`downloads/${t.name}.csv`).toString('utf8');
      expect(text.charCodeAt(0), t.name).toBe(0xfeff);
      expect(text.slice(1, text.indexOf('\r\n')), t.name).toBe(
        t.columns.map((c) => c.label).join(','),
      );
      expect(text.replaceAll('\r\n', '').includes('\n'), t.name).toBe(false);
    }
  });

  it('neutralises formulas in CSV text, full-width ＝ included, but leaves negative numbers alone', () => {
    const text = read('downloads/rectifications.csv').toString('utf8');
    expect(text).toContain(",'=SUM(A1:A9)");
    expect(text).toContain(`,"'＝HYPERLINK(""http://x"")"`);
    expect(text).toContain(",'-3 人外出");
    expect(text).toContain(",'＋1 @所有人");
    expect(text).toContain(",''已核实");
    expect(text).toContain(",'@资金台账缺失");
    expect(text).not.toMatch(/,=|,＝|,"=|,"＝/);
    // A negative number is a number, not a formula.
    expect(read('downloads/street_changes.csv').toString('utf8')).toContain(',人口减少,1,-3');
  });

  it('publishes no household id and no exact income, in any file or table', async () => {
    for (const f of manifest.files) {
      const text = read(f.path).toString('latin1') + read(f.path).toString('utf8');
      for (const id of HOUSEHOLD_IDS) expect(text.includes(id), `${id} in ${f.path}`).toBe(false);
      if (f.format !== 'duckdb' && f.format !== 'parquet')
        for (const x of INCOMES) expect(text.includes(String(x)), `${x} in ${f.path}`).toBe(false);
    }
    // Binary files may compress their strings: read them back through DuckDB.
    for (const t of PUBLISHED_TABLES) {
      const fromDb = await allText(`SELECT * FROM p.${t.name}`);
      const fromParquet = t.download
        ? await allText(
            `SELECT * FROM read_parquet('${join(out, 'downloads', `${t.name}.parquet`)}')`,
          )
        : '';
      for (const id of HOUSEHOLD_IDS)
        expect(fromDb + fromParquet, `${id} in ${t.name}`).not.toContain(id);
      for (const x of INCOMES)
        expect(fromDb + fromParquet, `${x} in ${t.name}`).not.toContain(String(x));
    }
    const columns = await rowsOf(
      `SELECT column_name FROM duckdb_columns() WHERE database_name = 'p'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('household_id');
    expect(columns.map((c) => c.column_name)).not.toContain('income_per_capita');
  });

  it('writes a database that opens read-only with every table, its row count and its types', async () => {
    for (const t of PUBLISHED_TABLES) {
      const [{ n }] = (await rowsOf(`SELECT count(*)::INTEGER AS n FROM p.${t.name}`)) as [
        { n: number },
      ];
      expect(n, t.name).toBe(manifest.rows[t.name]);
      const types = await rowsOf(
        `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'p' AND table_name = '${t.name}'`,
      );
      expect(
        types.map((c) => [c.column_name, c.data_type]),
        t.name,
      ).toEqual(t.columns.map((c) => [c.name, DUCKDB_TYPES[c.type]]));
    }
  });

  it('stores the original values in the database: apostrophes dropped again, lists and booleans typed', async () => {
    const texts = (await rowsOf(`SELECT description, measures FROM p.rectifications`)).flatMap(
      (r) => [r.description, r.measures],
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        '=SUM(A1:A9)',
        '＝HYPERLINK("http://x")',
        "'已核实",
        '识别不精准, 说"不符合条件"',
        null,
      ]),
    );
    const [cut] = await rowsOf(
      `SELECT persons, (SELECT min(week_start)::VARCHAR FROM p.change_counts WHERE change_type = '人口减少') AS w FROM p.street_changes WHERE change_type = '人口减少'`,
    );
    expect(cut).toEqual({ persons: -3, w: '2018-06-11' });
    const lists = await rowsOf(
      `SELECT DISTINCT measures FROM p.households WHERE street = '田墘街道' ORDER BY len(measures)`,
    );
    expect(lists.map((r) => r.measures)).toEqual([['产业帮扶'], ['教育帮扶', '医疗帮扶']]);
    const overdue = await rowsOf(
      `SELECT issue_id, overdue FROM p.rectifications ORDER BY issue_id`,
    );
    expect(overdue.map((r) => r.overdue)).toEqual([true, false, true, false]);
    const [money] = await rowsOf(`SELECT sum(estimated_investment_wan) AS s FROM p.shortcomings`);
    expect(money?.s).toBe(35.5);
  });

  it('publishes project amounts exactly, as decimals, in the database, the CSV and the Parquet file', async () => {
    // As doubles, 35.5 + 120 + 0.1 + 0.2 is 155.79999999999998.
    const sums = `SELECT sum(budget_wan)::VARCHAR AS budget, sum(disbursed_wan)::VARCHAR AS disbursed`;
    expect(await rowsOf(`${sums} FROM p.projects`)).toEqual([
      { budget: '155.80', disbursed: '132.55' },
    ]);
    const parquet = join(out, 'downloads/projects.parquet');
    expect(await rowsOf(`${sums} FROM read_parquet('${parquet}')`)).toEqual([
      { budget: '155.80', disbursed: '132.55' },
    ]);
    const [type] = await rowsOf(
      `SELECT typeof(budget_wan) AS t FROM read_parquet('${parquet}') LIMIT 1`,
    );
    expect(type?.t).toBe('DECIMAL(18,2)');
    const text = read('downloads/projects.csv').toString('utf8');
    expect(text).toContain(',35.5,12.35,');
    expect(text).toContain(",'=村道硬底化 1.2 公里,");
    const [task] = await rowsOf(`SELECT task FROM p.projects WHERE project_id = 'XM-2018-001'`);
    expect(task?.task).toBe('=村道硬底化 1.2 公里');
  });

  it('without projects.csv publishes an empty projects table and says so in the manifest', async () => {
    const data = fixtureDataset();
    data.projects = null;
    const m = await publish(data, join(root, 'no-projects'));
    expect(m.projects_provided).toBe(false);
    expect(m.rows.projects).toBe(0);
    const csv = m.files.find((f) => f.path === 'downloads/projects.csv');
    expect(csv).toBeDefined();
    const text = readFileSync(join(root, 'no-projects', 'downloads/projects.csv'), 'utf8');
    expect(text.split('\r\n')).toEqual([
      `\uFEFF${PUBLISHED_TABLES.find((t) => t.name === 'projects')
        ?.columns.map((c) => c.label)
        .join(',')}`,
      '',
    ]);
    rmSync(join(root, 'no-projects'), { recursive: true, force: true });
  });

  it('publishes household rows whose groups all have ≥ k rows and more than one value', async () => {
    const bad = await rowsOf(
      `SELECT street, village_code, household_size, household_type, labor_capacity, count(*)::INTEGER AS n
       FROM p.households GROUP BY ALL
       HAVING count(*) < 3 OR count(DISTINCT exit_category) < 2 OR count(DISTINCT income_band) < 2`,
    );
    expect(bad).toEqual([]);
  });

  it('keeps all household counts exact, and street persons where published, in every format', async () => {
    // Only 东洲街道 publishes persons (22 + 6); 田墘街道 has a single 已脱贫 household (privacy.test).
    const persons = 28;
    const [fromDb] = await rowsOf(
      `SELECT sum(persons)::INTEGER AS s, sum(households)::INTEGER AS h FROM p.street_people`,
    );
    expect(fromDb).toEqual({ s: persons, h: 21 });
    const [fromParquet] = await rowsOf(
      `SELECT sum(persons)::INTEGER AS s FROM read_parquet('${join(out, 'downloads/street_people.parquet')}')`,
    );
    expect(fromParquet?.s).toBe(persons);
    const [villages] = await rowsOf(
      `SELECT sum(households + households_removed)::INTEGER AS h FROM p.village_people`,
    );
    expect(villages?.h).toBe(21);
  });

  it('stores household rows in published order: street and village first', async () => {
    const rows = await rowsOf(`SELECT street, village_code FROM p.households`);
    const keys = rows.map((r) => `${r.street}|${r.village_code}`);
    expect(keys).toEqual([...keys].sort());
    expect(keys[0]).toBe('东洲街道|441502200001');
    expect(rows.filter((r) => r.village_code === null)).toHaveLength(15);
  });

  it('writes storage version ≤ 67: the newest that DuckDB 1.4.3 (duckdb-wasm 1.32) reads', async () => {
    const version = await readStorageVersion(join(out, manifest.db.path));
    expect(version).toBeGreaterThanOrEqual(64);
    expect(version).toBeLessThanOrEqual(67);
  });

  it('attaches read-only in duckdb-wasm 1.32 itself (DuckDB 1.4.3), as the browser will', async () => {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
    const wasmDb = await duckdbWasm.createDuckDB(
      {
        mvp: { mainModule: wasm.replace('-eh.', '-mvp.'), mainWorker: '' },
        eh: { mainModule: wasm, mainWorker: '' },
      },
      new duckdbWasm.VoidLogger(),
      duckdbWasm.NODE_RUNTIME,
    );
    await wasmDb.instantiate();
    expect(wasmDb.getVersion()).toMatch(/^v1\.4\./);
    wasmDb.registerFileBuffer('published.duckdb', new Uint8Array(read(manifest.db.path)));
    const conn = wasmDb.connect();
    try {
      conn.query(`SET autoload_known_extensions = false`);
      conn.query(`ATTACH 'published.duckdb' AS p (READ_ONLY)`);
      for (const t of PUBLISHED_TABLES) {
        const n = conn
          .query(`SELECT count(*)::INTEGER AS n FROM p.${t.name}`)
          .toArray()[0]
          ?.toJSON().n as number;
        expect(n, t.name).toBe(manifest.rows[t.name]);
      }
      const bands = conn
        .query(`SELECT income_band, count(*)::INTEGER AS n FROM p.households GROUP BY 1 ORDER BY 1`)
        .toArray()
        .map((r) => r.toJSON());
      expect(bands.reduce((s, r) => s + (r.n as number), 0)).toBe(20);
    } finally {
      conn.close();
    }
  });

  it('replaces an earlier publication completely', async () => {
    const again = await publish(fixtureDataset(), out);
    expect(readdirSync(join(out, 'data'))).toEqual([again.db.path.slice('data/'.length)]);
    expect(readdirSync(root)).toEqual(['site-data']);
    expect(again.rows).toEqual(manifest.rows);
    // Only the database differs between runs (DuckDB stamps each file with a random id).
    const bytes = (m: PublishManifest) =>
      m.files.filter((f) => f.format === 'csv' || f.format === 'parquet').map((f) => f.sha256);
    expect(bytes(again)).toEqual(bytes(manifest));
    manifest = again;
    await db.run('DETACH p');
    await db.run(`ATTACH '${join(out, manifest.db.path)}' AS p (READ_ONLY)`);
  });

  it('leaves the previous publication untouched when publishing fails', async () => {
    const before = read('manifest.json');
    const broken = fixtureDataset();
    broken.households[0] = { ...broken.households[0]!, village_code: '999999999999' };
    await expect(publish(broken, out)).rejects.toThrow(/999999999999/);
    expect(read('manifest.json').equals(before)).toBe(true);
    expect(existsSync(join(out, manifest.db.path))).toBe(true);
    expect(readdirSync(root)).toEqual(['site-data']);
  });

  it('leaves the previous publication untouched when writing fails midway, and cleans up', async () => {
    const before = read('manifest.json');
    // Validation would reject this date; here it gets past shaping and the CSVs and fails in DuckDB.
    const broken = fixtureDataset();
    broken.rectifications[0] = { ...broken.rectifications[0]!, found_date: '2018-02-30' };
    await expect(publish(broken, out)).rejects.toThrow();
    expect(read('manifest.json').equals(before)).toBe(true);
    expect(existsSync(join(out, manifest.db.path))).toBe(true);
    expect(readdirSync(root)).toEqual(['site-data']);
  });
});
