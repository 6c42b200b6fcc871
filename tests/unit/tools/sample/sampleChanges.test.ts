import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../../tools/sample/index.ts';
import { sampleTables, type SampleTables } from './sampleTables.ts';

/** The status each status-changing record implies (the data contract, written out here on purpose). */
const IMPLIES: Record<string, string> = {
  新增纳入: '在册',
  返贫: '在册',
  脱贫: '已脱贫',
  清退: '清退',
};

function checkChanges(t: SampleTables): void {
  const households = new Map(t.households.map((h) => [h.household_id, h]));

  // 变动人数 sign rules, and 新增纳入 / 清退 move the whole household.
  for (const c of t.changes) {
    const h = households.get(c.household_id);
    expect(h, c.household_id).toBeDefined();
    switch (c.change_type) {
      case '新增纳入':
        expect(c.persons_delta).toBe(h!.household_size);
        expect(h!.enrolled_year).toBe(2018);
        break;
      case '清退':
        expect(c.persons_delta).toBe(-h!.household_size);
        break;
      case '人口增加':
        expect(c.persons_delta).toBeGreaterThan(0);
        break;
      case '人口减少':
        expect(c.persons_delta).toBeLessThan(0);
        break;
      default:
        expect(c.persons_delta).toBe(0);
    }
  }

  // The latest status-changing record (by date) agrees with 建档状态; no ties that would make it ambiguous.
  const latest = new Map<string, { date: string; types: Set<string> }>();
  for (const c of t.changes) {
    if (!(c.change_type in IMPLIES)) continue;
    const prev = latest.get(c.household_id);
    if (!prev || c.date > prev.date)
      latest.set(c.household_id, { date: c.date, types: new Set([c.change_type]) });
    else if (c.date === prev.date) prev.types.add(c.change_type);
  }
  for (const [id, { types }] of latest) {
    const implied = new Set([...types].map((x) => IMPLIES[x]));
    expect(implied.size, id).toBe(1);
    expect(households.get(id)!.status, id).toBe([...implied][0]);
  }
  for (const h of t.households)
    if (h.status === '清退') expect(latest.has(h.household_id), h.household_id).toBe(true);

  // Household sizes stay 1–20 before every population change (walking back from today's size).
  const sizes = new Map(t.households.map((h) => [h.household_id, h.household_size]));
  const byDateDesc = [...t.changes].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
  );
  for (const c of byDateDesc) {
    if (c.change_type !== '人口增加' && c.change_type !== '人口减少') continue;
    const before = sizes.get(c.household_id)! - c.persons_delta;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThanOrEqual(20);
    sizes.set(c.household_id, before);
  }
}

describe('household changes agree with households', () => {
  it('in the default sample', () => {
    const t = sampleTables(generateSample());
    expect(t.changes.some((c) => c.change_type === '清退')).toBe(true);
    checkChanges(t);
  });

  it('with many more change records than households (several population changes per household)', () => {
    const t = sampleTables(generateSample({ households: 200, changes: 900, seed: 3 }));
    expect(t.changes.length).toBe(900);
    checkChanges(t);
  });

  it('with no change records at all (then no household is 清退)', () => {
    const t = sampleTables(generateSample({ households: 300, changes: 0 }));
    expect(t.changes).toHaveLength(0);
    expect(t.households.some((h) => h.status === '清退')).toBe(false);
  });

  it('in the alt preset', () => {
    checkChanges(sampleTables(generateSample({ preset: 'alt' })));
  });
});
