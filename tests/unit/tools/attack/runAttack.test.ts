/**
 * Positive control on real files: the two tiny data folders in
 * tests/fixtures/attack (an earlier and a later publication) published with
 * today's pipeline, then attacked through every format the site offers.
 *
 * The leaks asserted here are today's pipeline's (issue #12): when the new
 * disclosure rules land, these folders published by the new pipeline should
 * come out clean, and this file should say so (only the files planted by the
 * last test stay caught). The hand-made leaky tables of attackTables.test.ts
 * do not depend on the pipeline and stay the positive control.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
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

describe('runAttack on a small publication made by today’s pipeline', () => {
  it('reads every format and finds the downloads equal to the database', () => {
    const s = report.sites[1]!;
    // A CSV and a Parquet file of every downloadable table.
    expect(s.formats.downloads).toBe(PUBLISHED_TABLES.filter((t) => t.download).length * 2);
    expect(s.formats.mismatches).toEqual([]);
    expect(s.k).toBe(3);
    expect(s.kFrom).toBe('privacy-report.json');
    expect(s.tables.modelMismatch.wrongDisclosures).toBe(0);
  });

  it('singles out the removed household, the household that joined and grew, and the small village', () => {
    const ids = report.sites[0]!.tables.singlingOut.singledOut.examples.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['HH-A04', 'HH-A07']));
    const small = report.sites[0]!.tables.singlingOut;
    // 丙村 (2 households, the only village of 东洲街道) is below k whatever is coarsened.
    expect(small.inSmallVillages).toBe(2);
  });

  it('gives back banded sizes, discloses adverse values and links the removals with their reasons', () => {
    const t = report.sites[0]!.tables;
    expect(t.refinement.exactByAggregates).toBeGreaterThan(0);
    expect(t.homogeneity.adverse.examples.map((e) => e.id)).toEqual(
      expect.arrayContaining(['HH-A01', 'HH-A02', 'HH-A10']),
    );
    expect(t.changeRecords.byType['清退']).toMatchObject({ records: 2, singledOut: 2 });
    expect(t.changeRecords.byType['新增纳入']).toMatchObject({ records: 1, singledOut: 1 });
    expect(t.changeRecords.reasonsSingledOut).toBe(3);
    expect(t.smallCells.byTable['village_people']?.one).toBeGreaterThan(0);
  });

  it('differences the two publications', () => {
    const across = report.across[0]!;
    expect(across.unstableGeneralisation.examples.join('\n')).toContain('HH-A01');
    expect(across.differencing.examples.join('\n')).toContain('HH-B04');
    expect(report.problems).toBeGreaterThan(0);
    expect(formatReport(report)).toContain('结论：发现问题');
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
