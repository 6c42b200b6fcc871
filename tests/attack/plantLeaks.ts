/**
 * The positive control of `npm run test:attack`: a copy of a built site with
 * what the pipeline published before the disclosure rules of issue #12 planted
 * back in — every change record one by one, with its date, persons and reason
 * text, as a table of the DuckDB file — and one household's 户编号 in a page.
 * The attack must catch both, or its clean verdicts on the real sites mean
 * nothing. The copy leaves out the engine's wasm files (100 MB, no data).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The checks (tools/attack runAttack `problems`) the planted leaks must trip. */
export const PLANTED_CHECKS = ['可关联到少于 k 户的变动记录', '网站文件中的户编号'] as const;

const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;

/**
 * Copies `site` (data/, downloads/ and the home page) to `out` and plants the
 * leaks from the input folder `data`; returns the household ID planted.
 */
export async function plantLeaks(site: string, data: string, out: string): Promise<string> {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const dir of ['data', 'downloads'])
    await cp(path.join(site, dir), path.join(out, dir), { recursive: true });
  const pointer = JSON.parse(await readFile(path.join(out, 'data/publication.json'), 'utf8')) as {
    db: string;
  };
  const instance = await DuckDBInstance.create(path.join(out, 'data', pointer.db));
  const conn = await instance.connect();
  const csv = (file: string) =>
    `read_csv(${quote(path.resolve(data, file))}, header = true, all_varchar = true)`;
  try {
    await conn.run(`CREATE TABLE household_changes AS
      SELECT v.street, v.village_code, v.village_name, c."变动日期"::DATE AS date,
        c."变动类型" AS change_type, c."变动人数"::INTEGER AS persons_delta, c."变动原因" AS reason
      FROM ${csv('household_changes.csv')} AS c
      JOIN ${csv('households.csv')} AS h ON h."户编号" = c."户编号"
      JOIN villages v ON v.village_code = h."村代码"`);
    const first = await conn.runAndReadAll(
      `SELECT "户编号" AS id FROM ${csv('household_changes.csv')} WHERE "变动类型" = '清退' ORDER BY 1 LIMIT 1`,
    );
    const id = String(first.getRowObjectsJS()[0]?.id ?? '');
    if (id === '') throw new Error(`${data}：没有清退记录，无法放入阳性对照`);
    await writeFile(path.join(out, 'index.html'), `<!doctype html><p>本周清退：${id}</p>\n`);
    return id;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
