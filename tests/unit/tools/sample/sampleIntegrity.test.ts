import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS, DIMENSIONS, householdsDataset } from '../../../../src/contract/index.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { formatIssue } from '../../../../src/build/validate/issues.ts';
import {
  generateSample,
  resolveSampleOptions,
  writeSample,
  type SampleFile,
} from '../../../../tools/sample/index.ts';
import { countBy, rawRows, sampleTables } from './sampleTables.ts';

const sample = generateSample();
const t = sampleTables(sample);
const AS_OF = '2018-07-20';

describe('sample data: every row passes its schema', () => {
  it('parses all six files with the schemas’ row validators', () => {
    expect(t.villages.length).toBeGreaterThan(0);
    expect(t.households.length).toBeGreaterThan(0);
    expect(t.changes.length).toBeGreaterThan(0);
    expect(t.shortcomings.length).toBeGreaterThan(0);
    expect(t.rectifications.length).toBeGreaterThan(0);
    expect(t.projects.length).toBeGreaterThan(0);
  });
});

describe('sample data: the whole folder passes npm run validate', () => {
  it.each([
    ['default', {}],
    ['alt', { preset: 'alt' as const }],
    ['province layout', { villages: 300, households: 6000, changes: 800, rectifications: 300 }],
  ])('%s', async (_name, options) => {
    const dir = mkdtempSync(join(tmpdir(), 'htk-sample-valid-'));
    try {
      writeSample(options, dir);
      const result = await loadDataset(dir);
      expect(result.issues.map(formatIssue).slice(0, 5)).toEqual([]);
      expect(result.data?.projects?.length).toBe(resolveSampleOptions(options).projects);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sample data: keys and references', () => {
  it('has unique 12-digit 村代码 under the non-existent province 99', () => {
    const codes = t.villages.map((v) => v.village_code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^99\d{10}$/);
  });

  it('has village names unique within each street, and a 黄家村', () => {
    const keys = t.villages.map((v) => `${v.street}/${v.village_name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(t.villages.filter((v) => v.village_name === '黄家村')).toHaveLength(1);
    for (const v of t.villages) expect(v.village_name).toMatch(/(村|社区)$/);
  });

  it('has unique pseudonymous 户编号 (HH-nnnnnn) whose villages exist', () => {
    const ids = t.households.map((h) => h.household_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^HH-\d{6}$/);
    const codes = new Set(t.villages.map((v) => v.village_code));
    expect(t.households.every((h) => codes.has(h.village_code))).toBe(true);
  });

  it('refers only to existing households in the change records, dated within the campaign', () => {
    const ids = new Set(t.households.map((h) => h.household_id));
    for (const c of t.changes) {
      expect(ids.has(c.household_id)).toBe(true);
      expect(c.date >= '2018-06-05' && c.date <= AS_OF, c.date).toBe(true);
    }
  });

  it('has exactly one shortcoming row per 双到 village and 领域, and none for other villages', () => {
    const shuangdao = t.villages
      .filter((v) => v.shuangdao_round !== null)
      .map((v) => v.village_code);
    const keys = t.shortcomings.map((s) => `${s.village_code}/${s.dimension}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      shuangdao.flatMap((c) => DIMENSIONS.map((d) => `${c}/${d}`)).sort(),
    );
  });

  it('gives rectifications unique ZG-yyyy-nnnn numbers, a street of villages.csv and a village of that street', () => {
    const streetOf = new Map(t.villages.map((v) => [v.village_code, v.street]));
    const streets = new Set(t.villages.map((v) => v.street));
    const ids = t.rectifications.map((r) => r.issue_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of t.rectifications) {
      expect(r.issue_id).toMatch(new RegExp(`^ZG-${r.found_date.slice(0, 4)}-\\d{4}$`));
      expect(streets.has(r.street)).toBe(true);
      if (r.village_code !== null) expect(streetOf.get(r.village_code)).toBe(r.street);
      expect(r.found_date >= '2016-01-01' && r.found_date <= AS_OF).toBe(true);
      if (r.completed_date !== null) expect(r.completed_date <= AS_OF).toBe(true);
    }
  });
});

describe('sample data: projects', () => {
  const villageOf = new Map(t.villages.map((v) => [v.village_code, v]));
  const answered = new Set(
    t.projects
      .filter((p) => p.shortcoming_dimension !== null)
      .map((p) => `${p.village_code}/${p.shortcoming_dimension}`),
  );

  it('gives unique XM-<plan year>-nnn numbers, plan years 2016–2020, a street of the village', () => {
    const ids = t.projects.map((p) => p.project_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of t.projects) {
      expect(p.project_id).toMatch(new RegExp(`^XM-${p.plan_year}-\\d{3}$`));
      expect(p.plan_year).toBeGreaterThanOrEqual(2016);
      expect(p.plan_year).toBeLessThanOrEqual(2020);
      if (p.village_code !== null) expect(villageOf.get(p.village_code)?.street).toBe(p.street);
      if (p.start_date !== null) expect(p.start_date <= AS_OF).toBe(true);
      if (p.end_date !== null) expect(p.end_date <= AS_OF).toBe(true);
    }
  });

  it('answers 双到 shortcomings only where shortcomings.csv has the row, and leaves some without a project', () => {
    const rows = new Set(t.shortcomings.map((s) => `${s.village_code}/${s.dimension}`));
    expect(answered.size).toBeGreaterThan(10);
    for (const key of answered) expect(rows.has(key), key).toBe(true);
    const unanswered = (s: (typeof t.shortcomings)[number]) =>
      !answered.has(`${s.village_code}/${s.dimension}`);
    const noMechanism = t.shortcomings.filter((s) => s.mechanism_in_place === '否');
    expect(noMechanism.filter(unanswered).length).toBeGreaterThan(5);
    expect(noMechanism.filter(unanswered).length).toBeLessThan(noMechanism.length);
    const inLibrary = t.shortcomings.filter((s) => s.in_project_library === '是');
    expect(inLibrary.filter(unanswered).length).toBeGreaterThan(3);
  });

  it('never counts more beneficiaries than the place has 建档立卡 households; a few count none', () => {
    const registered = countBy(
      t.households.filter((h) => h.status !== '清退'),
      (h) => h.village_code,
    );
    const byStreet = new Map<string, number>();
    for (const [code, n] of registered) {
      const street = villageOf.get(code)!.street;
      byStreet.set(street, (byStreet.get(street) ?? 0) + n);
    }
    const all = [...registered.values()].reduce((a, b) => a + b, 0);
    for (const p of t.projects) {
      const limit =
        p.village_code !== null
          ? (registered.get(p.village_code) ?? 0)
          : p.street !== null
            ? (byStreet.get(p.street) ?? 0)
            : all;
      expect(p.beneficiary_households, p.project_id).toBeLessThanOrEqual(limit);
    }
    const none = t.projects.filter((p) => p.beneficiary_households === 0).length;
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThan(t.projects.length * 0.1);
  });
});

describe('sample data: nothing that looks like personal data', () => {
  it('has no digit run of 11 or more (phone, ID, bank card) outside 村代码, even across spaces or hyphens', () => {
    for (const d of DATASETS) {
      for (const row of rawRows(sample.files[d.file as SampleFile], d)) {
        for (const [key, cell] of Object.entries(row)) {
          if (key === 'village_code') {
            expect(cell).toMatch(/^(\d{12})?$/);
            continue;
          }
          const joined = cell.replace(/(\d)[ -](?=\d)/g, '$1');
          expect(/\d{11,}/.test(joined), `${d.file}: ${cell}`).toBe(false);
        }
      }
    }
  });

  it('keeps the free-text columns free of any digit run longer than four', () => {
    const texts = [
      ...t.changes.map((c) => c.reason ?? ''),
      ...t.rectifications.flatMap((r) => [
        r.description,
        r.measures ?? '',
        r.responsible_unit ?? '',
      ]),
      ...t.shortcomings.flatMap((s) => [
        s.shortcoming ?? '',
        s.proposed_project ?? '',
        s.responsible_unit ?? '',
      ]),
      ...t.projects.flatMap((p) => [
        p.project_name,
        p.task,
        p.implementer,
        p.benefit_mechanism ?? '',
        p.performance_goal ?? '',
      ]),
    ];
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expect(/\d{5,}/.test(text), text).toBe(false);
  });

  it('reads back the 村代码 columns as text, leading zeros and all', () => {
    const raw = rawRows(sample.files['households.csv'], householdsDataset);
    expect(raw.every((r) => /^\d{12}$/.test(r.village_code ?? ''))).toBe(true);
  });
});
