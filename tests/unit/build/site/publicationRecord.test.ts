/**
 * The publication record from a real publication of the small valid fixture:
 * figures checked against counts taken from the validated input rows (not from
 * the queries), digests read back from SHA256SUMS equal the manifest's, and the
 * records folder is read and written as promised.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import type { PublishManifest } from '../../../../src/contract/manifest.ts';
import { publish } from '../../../../src/build/publish/publish.ts';
import { openNodeEngine } from '../../../../src/engine/node.ts';
import type { Engine } from '../../../../src/engine/engine.ts';
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import {
  buildPublicationRecord,
  collectPrivacySummary,
  collectPublicationFigures,
  digestsFromManifest,
  parseSha256Sums,
  readSiteDigests,
} from '../../../../src/build/site/publicationRecord.ts';
import {
  readPublicationRecords,
  writePublicationRecord,
} from '../../../../src/build/site/publicationHistory.ts';
import {
  UNCATEGORISED_HOUSEHOLDS,
  formatPublicationRecord,
} from '../../../../src/contract/publicationRecord.ts';
import { DISTRICT_REMAINDER } from '../../../../src/contract/privacyReport.ts';

let dir: string;
let data: Dataset;
let manifest: PublishManifest;
let engine: Engine & { close(): void };

beforeAll(async () => {
  const result = await loadDataset('tests/fixtures/valid');
  if (!result.ok || !result.data) throw new Error('tests/fixtures/valid should be valid');
  data = result.data;
  dir = mkdtempSync(path.join(tmpdir(), 'htk-publication-record-'));
  manifest = await publish(data, path.join(dir, 'site'));
  engine = await openNodeEngine(path.join(dir, 'site', manifest.db.path));
}, 60_000);

afterAll(() => {
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('collectPublicationFigures', () => {
  it('counts households by status as in the input rows, and persons where every street publishes them', async () => {
    const f = await collectPublicationFigures(engine, { projectsProvided: true });
    for (const status of ['在册', '已脱贫', '清退'] as const) {
      const rows = data.households.filter((h) => h.status === status);
      const got = f.people_by_status[status] ?? { households: 0, persons: 0 };
      expect(got.households, status).toBe(rows.length);
      // This fixture's streets hold one to three households: their persons are withheld
      // (docs/privacy.md), so the district's are not exact and the record says so.
      expect(got.persons, status).toBeNull();
    }
    // 遮浪街道's three households publish their persons: exact.
    const zhelang = data.households.filter(
      (h) => h.status !== '清退' && h.village_code.startsWith('4415021022'),
    );
    expect(f.households_by_street['遮浪街道']).toEqual({
      households: zhelang.length,
      persons: zhelang.reduce((s, h) => s + h.household_size, 0),
    });
  });

  it('counts households per exit category (from the household rows here: every street is published by status only) and per street without 清退', async () => {
    const f = await collectPublicationFigures(engine, { projectsProvided: true });
    const active = data.households.filter((h) => h.status !== '清退');
    const counted = Object.values(f.households_by_exit_category).reduce((s, n) => s + n, 0);
    expect(counted).toBe(active.length);
    // The district's last group gives its categories away even so: withheld (privacy report).
    const withheld = f.households_by_exit_category[UNCATEGORISED_HOUSEHOLDS] ?? 0;
    expect(withheld).toBe(manifest.privacy.withheld_values.exit_category ?? 0);
    for (const [c, n] of Object.entries(f.households_by_exit_category))
      if (c !== UNCATEGORISED_HOUSEHOLDS && withheld === 0)
        expect(n, c).toBe(active.filter((h) => h.exit_category === c).length);
    const street = new Map(data.villages.map((v) => [v.village_code, v.street]));
    const total = Object.values(f.households_by_street).reduce((s, p) => s + p.households, 0);
    expect(total).toBe(active.length);
    // 东洲街道's villages went to the district: their households are the remainder's.
    const remainder = active.filter((h) => street.get(h.village_code) === '东洲街道').length;
    expect(f.households_by_street[DISTRICT_REMAINDER]?.households).toBe(remainder);
    for (const [name, p] of Object.entries(f.households_by_street))
      if (name !== DISTRICT_REMAINDER && name !== '东洲街道')
        expect(p.households, name).toBe(
          active.filter((h) => street.get(h.village_code) === name).length,
        );
  });

  it('counts added and removed households and their persons from the change records', async () => {
    const f = await collectPublicationFigures(engine, { projectsProvided: true });
    const of = (t: string) => data.household_changes.filter((c) => c.change_type === t);
    expect(f.changes.households_added).toBe(of('新增纳入').length);
    expect(f.changes.persons_added).toBe(of('新增纳入').reduce((s, c) => s + c.persons_delta, 0));
    expect(f.changes.households_removed).toBe(of('清退').length);
    expect(f.changes.persons_removed).toBe(-of('清退').reduce((s, c) => s + c.persons_delta, 0));
  });

  it('counts rectification items by status and 双到 villages with a gap per dimension', async () => {
    const f = await collectPublicationFigures(engine, { projectsProvided: true });
    const r = data.rectifications;
    expect(f.rectifications.items).toBe(r.length);
    expect(f.rectifications.done).toBe(r.filter((x) => x.status === '已完成').length);
    expect(f.rectifications.in_progress).toBe(r.filter((x) => x.status === '整改中').length);
    expect(f.rectifications.not_started).toBe(r.filter((x) => x.status === '未启动').length);
    expect(f.shuangdao_villages).toBe(
      data.villages.filter((v) => v.shuangdao_round !== null).length,
    );
    for (const [dimension, n] of Object.entries(f.shuangdao_villages_with_gap))
      expect(n, dimension).toBe(
        data.shortcomings.filter((s) => s.dimension === dimension && s.mechanism_in_place === '否')
          .length,
      );
  });
});

describe('project figures', () => {
  it('count projects, their funds (exact to the hundredth of 万元) and households, as in the input rows', async () => {
    expect(manifest.projects_provided).toBe(true);
    const f = await collectPublicationFigures(engine, { projectsProvided: true });
    const p = data.projects ?? [];
    expect(p.length).toBeGreaterThan(0);
    const cents = (key: 'budget_wan' | 'disbursed_wan') =>
      p.reduce((s, x) => s + Math.round(x[key] * 100), 0) / 100;
    expect(f.projects).toEqual({
      projects: p.length,
      budget_wan: cents('budget_wan'),
      disbursed_wan: cents('disbursed_wan'),
      done: p.filter((x) => x.status === '已完工' || x.status === '已验收').length,
      beneficiaries: p.reduce((s, x) => s + x.beneficiary_households, 0),
    });
  });

  it('are left out when projects.csv was not given', async () => {
    const f = await collectPublicationFigures(engine, { projectsProvided: false });
    expect(f).not.toHaveProperty('projects');
  });

  it('are optional: the committed record from before projects.csv existed still reads', async () => {
    const records = await readPublicationRecords('publications');
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.figures.rectifications.items).toBeGreaterThan(0);
  });
});

describe('digests', () => {
  it('reads SHA256SUMS paths relative to the site root', () => {
    const h = '0'.repeat(64);
    expect(parseSha256Sums(`${h}  villages.csv\n${h}  ../data/x.duckdb\n`)).toEqual([
      { sha256: h, path: 'downloads/villages.csv' },
      { sha256: h, path: 'data/x.duckdb' },
    ]);
    expect(() => parseSha256Sums('not a checksum line\n')).toThrow(/SHA256SUMS/);
  });

  it('reads the same digests from a built folder as the manifest lists', async () => {
    const fromSite = await readSiteDigests(path.join(dir, 'site'));
    expect(fromSite).toEqual(digestsFromManifest(manifest));
    expect(fromSite.map((f) => f.path)).toContain(manifest.db.path);
    expect(fromSite.map((f) => f.path)).toContain('downloads/SHA256SUMS');
  });

  it('refuses to record a file changed after the build', async () => {
    const copy = path.join(dir, 'tampered');
    await publish(data, copy);
    appendFileSync(path.join(copy, 'downloads', 'villages.csv'), 'x\r\n');
    await expect(readSiteDigests(copy)).rejects.toThrow(/villages\.csv/);
  });
});

describe('collectPrivacySummary', () => {
  it("sums the privacy report's levels to the household rows, and counts the change records from the input", async () => {
    const p = await collectPrivacySummary(engine, manifest.privacy);
    const rows = data.households.filter((h) => h.status !== '清退').length;
    expect(p.household_rows).toBe(rows);
    expect(Object.values(p.rows_by_level).reduce((a, n) => a + n, 0)).toBe(rows);
    expect(p.k).toBe(data.campaign.privacy.k);
    expect(p.change_records_counted).toBe(data.household_changes.length);
    const villageOf = new Map(data.households.map((h) => [h.household_id, h.village_code]));
    expect(p.villages_with_changes).toBe(
      new Set(data.household_changes.map((c) => villageOf.get(c.household_id))).size,
    );
    expect(p.villages_not_by_village).toBe(manifest.privacy.villages_not_by_village.length);
  });
});

describe('the records folder', () => {
  it('writes a record, replaces it on re-publishing the same as_of, and reads it back', async () => {
    const records = path.join(dir, 'publications');
    expect(await readPublicationRecords(records)).toEqual([]);
    const record = await buildPublicationRecord({
      campaign: data.campaign,
      engine,
      privacy: manifest.privacy,
      files: digestsFromManifest(manifest),
      projectsProvided: manifest.projects_provided,
    });
    expect(record.as_of).toBe(data.campaign.as_of);
    const first = await writePublicationRecord(records, { ...record, note: '第一次' });
    expect(first.replaced).toBe(false);
    const second = await writePublicationRecord(records, record);
    expect(second).toEqual({ file: first.file, replaced: true });
    expect(await readPublicationRecords(records)).toEqual([record]);
    expect(readFileSync(second.file, 'utf8')).toBe(formatPublicationRecord(record));
  });

  it('fails naming the file when a record is not valid JSON or misnamed', async () => {
    const records = path.join(dir, 'bad-publications');
    const record = await buildPublicationRecord({
      campaign: data.campaign,
      engine,
      privacy: manifest.privacy,
      files: [],
      projectsProvided: true,
    });
    await writePublicationRecord(records, record);
    writeFileSync(path.join(records, '2018-01-01.json'), formatPublicationRecord(record));
    await expect(readPublicationRecords(records)).rejects.toThrow(/2018-01-01\.json.*文件名应为/);
    writeFileSync(path.join(records, '2018-01-01.json'), '{');
    await expect(readPublicationRecords(records)).rejects.toThrow(
      /2018-01-01\.json 不是有效的 JSON/,
    );
  });
});
