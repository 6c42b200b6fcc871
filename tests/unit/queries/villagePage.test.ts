/**
 * The grouped village-page queries agree, village by village, with the
 * filtered per-area queries the topic pages use (run on a fixture database
 * shaped like the published one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/engine/node.ts';
import type { Engine, Row } from '../../../src/engine/engine.ts';
import {
  changesByType,
  incomeBands,
  measuresInUse,
  securityGaps,
} from '../../../src/queries/households.ts';
import { villageList } from '../../../src/queries/places.ts';
import { rectificationTotals } from '../../../src/queries/rectifications.ts';
import {
  changeCountsByVillage,
  incomeBandsByVillage,
  measuresByVillage,
  rectificationsByPlace,
  securityGapsByVillage,
} from '../../../src/queries/villagePage.ts';
import { writeFixtureDb } from '../engine/fixtureDb.ts';

let dir: string;
let engine: Engine & { close(): void };
let codes: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-village-page-'));
  const file = path.join(dir, 'fixture.duckdb');
  await writeFixtureDb(file);
  engine = await openNodeEngine(file);
  codes = (await engine.query<{ village_code: string }>(villageList())).map((v) => v.village_code);
});

afterAll(() => {
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const of = <T extends Row>(rows: T[], code: string) =>
  rows.filter((r) => r.village_code === code).map(({ village_code: _, ...rest }) => rest);

describe('grouped village queries', () => {
  it('securityGapsByVillage = securityGaps per village', async () => {
    const all = await engine.query(securityGapsByVillage());
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes)
      expect(of(all, code)).toEqual(await engine.query(securityGaps({ village: code })));
  });

  it('measuresByVillage = measuresInUse per village', async () => {
    const all = await engine.query(measuresByVillage());
    for (const code of codes)
      expect(of(all, code)).toEqual(await engine.query(measuresInUse({ village: code })));
  });

  it('incomeBandsByVillage = incomeBands per village', async () => {
    const all = await engine.query(incomeBandsByVillage());
    for (const code of codes)
      expect(of(all, code)).toEqual(await engine.query(incomeBands({ village: code })));
  });

  it('changeCountsByVillage = changesByType per village (counts only, no persons)', async () => {
    const all = await engine.query<{ village_code: string; change_type: string; records: number }>(
      changeCountsByVillage(),
    );
    for (const code of codes) {
      const expected = await engine.query<{
        change_type: string;
        records: number;
        persons: number | null;
      }>(changesByType({ village: code }));
      expect(expected.every((e) => e.persons === null)).toBe(true);
      expect(of(all, code)).toEqual(
        expected.map((e) => ({ change_type: e.change_type, records: e.records })),
      );
    }
  });

  it('rectificationsByPlace holds every item once, with overdue open items first per village', async () => {
    const all = await engine.query<{
      village_code: string | null;
      status: string;
      overdue: boolean;
    }>(rectificationsByPlace());
    const [totals] = await engine.query<{ items: number }>(rectificationTotals({}));
    expect(all).toHaveLength(totals?.items ?? -1);
    for (const code of codes) {
      const mine = all.filter((r) => r.village_code === code);
      const [t] = await engine.query<{ items: number }>(rectificationTotals({ village: code }));
      expect(mine).toHaveLength(t?.items ?? -1);
      const urgent = mine.map((r) => r.overdue && r.status !== '已完成');
      const firstCalm = urgent.indexOf(false);
      if (firstCalm >= 0) expect(urgent.slice(firstCalm)).not.toContain(true);
    }
  });
});
