/**
 * The registration and exit queries on the published sample data, checked
 * against counts taken directly from the validated input rows (not from the
 * queries): what the /registration/ and /exit/ pages show must add up to the
 * CSV files staff dropped in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/build/validate/loadDataset.ts';
import { publish } from '../../../src/build/publish/publish.ts';
import { openNodeEngine } from '../../../src/engine/node.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { Dataset } from '../../../src/contract/input/datasets.ts';
import {
  HIDDEN_VALUE,
  exitCategoryPeople,
  householdTypes,
  incomeBands,
  measuresInUse,
  registrationByArea,
} from '../../../src/queries/index.ts';
import { incomeByCategory } from '../../../src/views/shared/incomeByCategory.ts';
import {
  sumRegistration,
  toAreaRegistration,
} from '../../../src/views/registration/registration.ts';

let dir: string;
let data: Dataset;
let engine: Engine & { close(): void };

beforeAll(async () => {
  const result = await loadDataset('data', { displayDir: 'data' });
  if (!result.ok || !result.data) throw new Error('the sample data in data/ should be valid');
  data = result.data;
  dir = mkdtempSync(path.join(tmpdir(), 'htk-household-queries-'));
  const manifest = await publish(data, dir);
  engine = await openNodeEngine(path.join(dir, manifest.db.path));
}, 60_000);

afterAll(() => {
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const streetOf = () => new Map(data.villages.map((v) => [v.village_code, v.street]));
const active = () => data.households.filter((h) => h.status !== '清退');

describe('registrationByArea', () => {
  it('derives "start" as the households that were not added during the review, per street', async () => {
    const added = new Set(
      data.household_changes.filter((c) => c.change_type === '新增纳入').map((c) => c.household_id),
    );
    const street = streetOf();
    const expected = new Map<string, { start: number; now: number }>();
    for (const h of data.households) {
      const s = street.get(h.village_code) as string;
      const e = expected.get(s) ?? { start: 0, now: 0 };
      if (!added.has(h.household_id)) e.start += 1;
      if (h.status !== '清退') e.now += 1;
      expected.set(s, e);
    }
    const rows = await engine.query(registrationByArea({}, 'street'));
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      expect({ start: r.households_start, now: r.households_now }).toEqual(
        expected.get(String(r.street)),
      );
    }
  });

  it('gives a village its exact persons now only, and only with at least k households', async () => {
    const k = data.campaign.privacy.k;
    const households = new Map<string, number>();
    const persons = new Map<string, number>();
    for (const h of active()) {
      households.set(h.village_code, (households.get(h.village_code) ?? 0) + 1);
      persons.set(h.village_code, (persons.get(h.village_code) ?? 0) + h.household_size);
    }
    const rows = await engine.query(registrationByArea({}, 'village'));
    for (const r of rows) {
      const n = households.get(String(r.key)) ?? 0;
      expect(r.households_now).toBe(n);
      expect(r.persons_now).toBe(n >= k ? (persons.get(String(r.key)) ?? 0) : null);
      for (const key of ['persons_start', 'persons_added', 'persons_removed', 'persons_other'])
        expect(r[key], key).toBeNull();
    }
  });

  it('balances persons per street: start + added − removed + other = now', async () => {
    for (const r of await engine.query(registrationByArea({}, 'street'))) {
      const n = (k: string) => Number(r[k]);
      expect(
        n('persons_start') + n('persons_added') - n('persons_removed') + n('persons_other'),
      ).toBe(n('persons_now'));
    }
  });
});

describe('village rows against street rows', () => {
  it.each(['all', 'street'] as const)(
    'households add up to the street query, filter: %s',
    async (by) => {
      const village = data.households[7]?.village_code ?? '';
      const street = data.villages.find((v) => v.village_code === village)?.street ?? '';
      const f = by === 'street' ? { street } : {};
      const villages = (await engine.query(registrationByArea(f, 'village'))).map(
        toAreaRegistration,
      );
      const streets = (await engine.query(registrationByArea(f, 'street'))).map(toAreaRegistration);
      expect(streets.length).toBeGreaterThan(0);
      const a = sumRegistration(villages);
      const b = sumRegistration(streets);
      for (const key of [
        'households_start',
        'households_added',
        'households_removed',
        'households_exited',
        'households_now',
      ] as const)
        expect(a[key], key).toBe(b[key]);
    },
  );
});

describe('exit queries', () => {
  it('counts households and persons per 脱贫成效分类, 清退 left out', async () => {
    const rows = await engine.query(exitCategoryPeople({}));
    for (const r of rows) {
      const hs = active().filter((h) => h.exit_category === r.exit_category);
      expect(r.households).toBe(hs.length);
      expect(r.persons).toBe(hs.reduce((a, h) => a + h.household_size, 0));
    }
    expect(rows.reduce((a, r) => a + Number(r.households), 0)).toBe(active().length);
  });

  it('puts below the poverty line exactly the households whose income is below it', async () => {
    const line = data.campaign.poverty_line.yuan;
    expect(data.campaign.income_bands).toContain(line);
    const income = incomeByCategory(await engine.query(incomeBands({})), line);
    for (const r of income.rows) {
      const hs = active().filter((h) => h.exit_category === r.category);
      expect(r.below).toBe(hs.filter((h) => h.income_per_capita < line).length);
      expect(r.total).toBe(hs.length);
    }
  });

  it('counts each measure once per household using it', async () => {
    const expected = new Map<string, number>();
    for (const h of active())
      for (const m of new Set(h.measures)) expected.set(m, (expected.get(m) ?? 0) + 1);
    const rows = await engine.query(measuresInUse({}));
    expect(new Map(rows.map((r) => [String(r.measure), r.households]))).toEqual(expected);
  });

  it('keeps every household in type × labour capacity, blanked ones under HIDDEN_VALUE', async () => {
    const rows = await engine.query(householdTypes({}));
    expect(rows.reduce((a, r) => a + Number(r.households), 0)).toBe(active().length);
    for (const r of rows) {
      if (r.household_type === HIDDEN_VALUE || r.labor_capacity === HIDDEN_VALUE) continue;
      // Unblanked counts can only be at most the input's: coarsening moves rows to HIDDEN_VALUE, never adds.
      const n = active().filter(
        (h) => h.household_type === r.household_type && h.labor_capacity === r.labor_capacity,
      ).length;
      expect(Number(r.households)).toBeLessThanOrEqual(n);
    }
  });
});
