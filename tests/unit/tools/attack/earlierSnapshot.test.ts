/**
 * The earlier state of a data folder (tools/attack/earlierSnapshot.ts): on the
 * attack fixtures, rolling "after" (2018-07-20) back to 2018-06-30 gives the
 * hand-made "before" in everything the neighbour knows — a household that
 * joined later is gone, one removed later is back (在册), one that exited
 * later is 在册 again — and the written folder validates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import type { Dataset } from '../../../../src/contract/input/datasets.ts';
import {
  RESTORED_EXIT_CATEGORY,
  earlierSnapshot,
} from '../../../../tools/attack/earlierSnapshot.ts';
import { campaignAsOf } from '../../../../tools/attack/snapshot.ts';
import { writeDataset } from '../../../../tools/attack/writeDataset.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/attack');
const tmp = mkdtempSync(path.join(tmpdir(), 'htk-snapshot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function load(dir: string): Promise<Dataset> {
  const r = await loadDataset(dir);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return r.data!;
}

/** What the neighbour knows of each household, by ID. */
const known = (d: Dataset) =>
  Object.fromEntries(
    d.households.map((h) => [
      h.household_id,
      [
        h.village_code,
        h.household_size,
        h.household_type,
        h.labor_capacity,
        h.enrolled_year,
        h.status,
      ],
    ]),
  );

describe('earlierSnapshot', () => {
  it('rolls the later fixture back to the earlier one in everything the neighbour knows', async () => {
    const after = await load(path.join(FIXTURES, 'after'));
    const before = await load(path.join(FIXTURES, 'before'));
    const earlier = earlierSnapshot(after, before.campaign.as_of);
    expect(earlier.campaign.as_of).toBe('2018-06-30');
    expect(known(earlier)).toEqual(known(before));
    expect(
      earlier.household_changes.map((c) => `${c.date} ${c.household_id} ${c.change_type}`),
    ).toEqual(before.household_changes.map((c) => `${c.date} ${c.household_id} ${c.change_type}`));
    // Removed on 07-01: back on the register, with the stand-in exit category.
    const b02 = earlier.households.find((h) => h.household_id === 'HH-B02')!;
    expect(b02).toMatchObject({ status: '在册', exit_category: RESTORED_EXIT_CATEGORY });
    // Joined on 07-05: not there yet.
    expect(earlier.households.some((h) => h.household_id === 'HH-A13')).toBe(false);
  });

  it('takes back the population changes after the date (a household that joined, then grew)', async () => {
    const after = await load(path.join(FIXTURES, 'after'));
    const a07 = (d: Dataset) => d.households.find((h) => h.household_id === 'HH-A07');
    // Joined 06-10 with 3, grew to 4 on 06-20.
    expect(a07(earlierSnapshot(after, '2018-06-15'))?.household_size).toBe(3);
    expect(a07(earlierSnapshot(after, '2018-06-20'))?.household_size).toBe(4);
    expect(a07(earlierSnapshot(after, '2018-06-09'))).toBeUndefined();
  });

  it('writes a folder that validates, the sample included', async () => {
    for (const [name, dir, date] of [
      ['after', path.join(FIXTURES, 'after'), '2018-06-15'],
      ['sample', 'data', '2018-07-01'],
    ] as const) {
      const data = await load(dir);
      const out = path.join(tmp, name);
      const campaign = await readFile(path.join(dir, 'campaign.json'), 'utf8');
      await writeDataset(earlierSnapshot(data, date), out, campaignAsOf(campaign, date));
      const written = await load(out);
      expect(written.campaign.as_of).toBe(date);
      expect(written.household_changes.every((c) => c.date <= date)).toBe(true);
      expect(written.rectifications.every((r) => r.found_date <= date)).toBe(true);
    }
  });

  it('refuses a date that is not before the data', async () => {
    const after = await load(path.join(FIXTURES, 'after'));
    expect(() => earlierSnapshot(after, '2018-07-20')).toThrow('应早于数据截止日期');
  });
});
