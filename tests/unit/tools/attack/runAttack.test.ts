/**
 * The attack on real files: the two tiny data folders in tests/fixtures/attack
 * (an earlier and a later publication, with a village of two households, the
 * only one of its street, removals and a household that joined and grew)
 * published by the pipeline, then attacked through every format the site
 * offers — they come out clean. The positive control on real files: the same
 * site with a leaky table planted in its database file (single change records
 * with reasons; the exact street cells published before street_people counted
 * a village where its rows are) and identifiers planted in its pages, all of
 * which the attack must catch. The hand-made leaky
 * tables of attackTables.test.ts are the positive control in memory.
 */
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../../../src/build/publish/publish.ts';
import { PUBLISHED_TABLES } from '../../../../src/contract/published.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { formatReport } from '../../../../tools/attack/formatReport.ts';
import { runAttack, type AttackReport } from '../../../../tools/attack/runAttack.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/attack');
const data = { before: path.join(FIXTURES, 'before'), after: path.join(FIXTURES, 'after') };
const tmp = mkdtempSync(path.join(tmpdir(), 'htk-attack-'));
const site = { before: path.join(tmp, 'before'), after: path.join(tmp, 'after') };
let report: AttackReport;

beforeAll(async () => {
  for (const name of ['before', 'after'] as const) {
    const loaded = await loadDataset(data[name]);
    await publish(loaded.data!, site[name], { duckdbThreads: 1 });
  }
  report = await runAttack([
    { data: data.before, site: site.before },
    { data: data.after, site: site.after },
  ]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runAttack on a small publication made by the pipeline', () => {
  it('reads every format and finds the downloads equal to the database', () => {
    const s = report.sites[1]!;
    // A CSV and a Parquet file of every downloadable table.
    expect(s.formats.downloads).toBe(PUBLISHED_TABLES.filter((t) => t.download).length * 2);
    expect(s.formats.mismatches).toEqual([]);
    expect(s.k).toBe(3);
    expect(s.kFrom).toBe('privacy-report.json');
    expect(s.tables.modelMismatch.wrongDisclosures).toBe(0);
  });

  it('finds nothing in either publication: no household below k, nothing given away, nothing linkable', () => {
    for (const site of report.sites) {
      expect(site.problems).toEqual([]);
      expect(site.tables.singlingOut.belowK.count).toBe(0);
      expect(site.tables.homogeneity.households.count).toBe(0);
      expect(site.tables.changeRecords.belowK).toBe(0);
      expect(site.tables.smallCells.cells.count).toBe(0);
      expect(site.tables.smallCells.streetCells.count).toBe(0);
    }
    // 丙村 (2 households, the only village of 东洲街道) could not be protected by itself:
    // its rows went up to the district, completed with rows lent by other villages.
    expect(report.sites[1]!.tables.singlingOut.inSmallVillages).toBe(0);
  });

  it('across the two publications: unchanged villages read the same, and no cell difference pins a value', () => {
    const across = report.across[0]!;
    expect(across.unstableGeneralisation.count).toBe(0);
    expect(across.differencing.count).toBe(0);
    expect(report.problems).toBe(0);
    expect(formatReport(report)).toContain('结论：未发现问题');
  });

  it('catches single change records planted in the database file', async () => {
    const leaky = path.join(tmp, 'leaky-db');
    cpSync(site.after, leaky, { recursive: true });
    const db = readdirSync(path.join(leaky, 'data')).find((f) => f.endsWith('.duckdb'))!;
    const instance = await DuckDBInstance.create(path.join(leaky, 'data', db));
    const conn = await instance.connect();
    // What the pipeline used to publish: every change record, with its date, persons and reason.
    await conn.run(`CREATE TABLE household_changes AS
      SELECT v.street, v.village_code, v.village_name, c.date::DATE AS date, c.change_type,
        c.persons_delta::INTEGER AS persons_delta, c.reason
      FROM read_csv('${path.join(data.after, 'household_changes.csv')}', header = true, all_varchar = true)
        AS c(date, household_id, change_type, persons_delta, reason)
      JOIN read_csv('${path.join(data.after, 'households.csv')}', header = true, all_varchar = true) AS h
        ON h.户编号 = c.household_id
      JOIN villages v ON v.village_code = h.村代码`);
    conn.closeSync();
    instance.closeSync();
    const r = await runAttack([{ data: data.after, site: leaky }]);
    const t = r.sites[0]!.tables;
    // Every removal, the two households that joined and the one that exited, with their reasons.
    expect(t.changeRecords.byType['清退']).toMatchObject({ records: 3, singledOut: 3 });
    expect(t.changeRecords.byType['新增纳入']).toMatchObject({ records: 2, singledOut: 2 });
    expect(t.changeRecords.reasonsSingledOut).toBe(6);
    expect(t.changeRecords.singledOut.examples.join('\n')).toContain(
      'HH-A04：「家庭成员在城区购买商品房并长期居住，不符合条件」',
    );
    expect(r.sites[0]!.problems.map((p) => p.check)).toContain('可关联到少于 k 户的变动记录');
    expect(formatReport(r)).toContain('结论：发现问题');
  });

  it('catches the street_people published before the street rule: 丙村 went to the district, its street told its cells', async () => {
    const leaky = path.join(tmp, 'leaky-street');
    cpSync(site.after, leaky, { recursive: true });
    const db = readdirSync(path.join(leaky, 'data')).find((f) => f.endsWith('.duckdb'))!;
    const instance = await DuckDBInstance.create(path.join(leaky, 'data', db));
    const conn = await instance.connect();
    // What the pipeline used to publish: every street's exact cells, whatever its villages' rows.
    await conn.run(`DROP TABLE street_people`);
    await conn.run(`CREATE TABLE street_people AS
      SELECT v.street, h.建档状态 AS status, nullif(h.脱贫成效分类, '') AS exit_category,
        count(*)::INTEGER AS households, sum(h.家庭人口::INTEGER)::INTEGER AS persons
      FROM read_csv('${path.join(data.after, 'households.csv')}', header = true, all_varchar = true) AS h
      JOIN villages v ON v.village_code = h.村代码
      GROUP BY ALL`);
    conn.closeSync();
    instance.closeSync();
    const r = await runAttack([{ data: data.after, site: leaky }]);
    const cells = r.sites[0]!.tables.smallCells.streetCells;
    const text = cells.examples.map(
      (c) => `${c.area} ${c.households} ${c.reveals.join('、')} ${c.difference ?? ''}`,
    );
    // 丙村's two households, one cell each (HH-C01's 4 persons and 重点帮扶 among them) …
    expect(text).toContain('东洲街道 1 exit_category、persons ');
    expect(text.filter((t) => t.startsWith('东洲街道 1 '))).toHaveLength(2);
    // … and 丙村's persons, withheld in village_people, as its street's and the district's remainder.
    expect(text.some((t) => t.startsWith('东洲街道 2 persons') && t.includes('的 10 人'))).toBe(
      true,
    );
    expect(text.some((t) => t.startsWith('全区 2 persons') && t.includes('的 10 人'))).toBe(true);
    expect(cells.count).toBe(4);
    expect(r.sites[0]!.problems.map((p) => p.check)).toContain(
      '一两户却带有更多信息的街道或全区汇总格（含减去各村数字后）',
    );
  });

  it('finds an ID in a page, a phone number in a compressed copy, and a download that differs', async () => {
    const leaky = path.join(tmp, 'leaky');
    cpSync(site.after, leaky, { recursive: true });
    mkdirSync(path.join(leaky, 'villages'));
    writeFileSync(path.join(leaky, 'villages/index.html'), '<p>清退户：HH-A04</p>');
    // The compressed copy differs from the page beside it: it is scanned too.
    writeFileSync(
      path.join(leaky, 'villages/index.html.br'),
      brotliCompressSync(Buffer.from('<p>联系电话 13812345678</p>')),
    );
    appendFileSync(
      path.join(leaky, 'downloads/villages.csv'),
      '991502009999,多出的村,田墘街道,,否\r\n',
    );
    const r = await runAttack([{ data: data.after, site: leaky }]);
    const s = r.sites[0]!;
    expect(s.files.householdIds).toEqual(['villages/index.html: HH-A04']);
    expect(s.files.personalData).toEqual(['villages/index.html.br: mobile 138****5678']);
    expect(s.formats.mismatches.map((m) => m.file)).toEqual(['downloads/villages.csv']);
    expect(s.problems.map((p) => p.check)).toEqual(
      expect.arrayContaining([
        '下载文件与数据库不一致',
        '网站文件中的户编号',
        '网站文件中的个人信息',
      ]),
    );
  });
});
