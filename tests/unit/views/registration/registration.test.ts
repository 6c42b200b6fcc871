import { describe, expect, it } from 'vitest';
import {
  areaChangeTakeaway,
  householdSteps,
  householdTakeaway,
  personSteps,
  personTakeaway,
  sumRegistration,
  toAreaRegistration,
  weekLabel,
  weeklyChanges,
  weeklyTakeaway,
  type AreaRegistration,
} from '../../../../src/views/registration/registration.ts';

/** An area row as `registrationByArea` returns it; start follows the page's definition. */
function area(
  name: string,
  street: string,
  now: number,
  added: number,
  removed: number,
): AreaRegistration {
  return toAreaRegistration({
    key: name,
    name,
    street,
    households_start: now - added + removed,
    households_added: added,
    households_removed: removed,
    households_exited: 1,
    households_now: now,
    persons_start: 3 * (now - added + removed) + 2,
    persons_added: 3 * added,
    persons_removed: 3 * removed,
    persons_other: -2,
    persons_exited: 3,
    persons_now: 3 * now,
  });
}

/** Replays waterfall steps: every total must equal the running sum of what came before. */
function replay(steps: { value: number; kind: 'total' | 'delta' }[]): number {
  let running = 0;
  steps.forEach((s, i) => {
    if (s.kind === 'delta') running += s.value;
    else {
      if (i > 0) expect(s.value).toBe(running);
      running = s.value;
    }
  });
  return running;
}

describe('toAreaRegistration', () => {
  it('turns missing household counts into 0, keeps unpublished persons null and names as text', () => {
    const r = toAreaRegistration({
      key: '001',
      name: '甲村',
      street: '乙街道',
      households_now: 5,
      persons_now: null,
      persons_added: 'x',
    });
    expect(r.households_now).toBe(5);
    expect(r.persons_now).toBeNull();
    expect(r.persons_start).toBeNull();
    expect(r.persons_added).toBe(0);
    expect(r.households_added).toBe(0);
    expect(r.name).toBe('甲村');
  });

  it('sums persons only where every area publishes them', () => {
    const village = toAreaRegistration({ key: '1', name: '甲村', street: 'S', households_now: 2 });
    const street = toAreaRegistration({ key: 'S', name: 'S', street: 'S', persons_now: 9 });
    expect(sumRegistration([street, street]).persons_now).toBe(18);
    expect(sumRegistration([street, village]).persons_now).toBeNull();
  });
});

describe('sumRegistration', () => {
  it('adds every count column across areas', () => {
    const t = sumRegistration([area('a', 'S', 10, 2, 1), area('b', 'S', 20, 0, 4)]);
    expect(t.households_now).toBe(30);
    expect(t.households_added).toBe(2);
    expect(t.households_removed).toBe(5);
    expect(t.households_start).toBe(33);
    expect(t.persons_other).toBe(-4);
    expect(t.name).toBe('合计');
  });
});

describe('householdSteps', () => {
  it('walks from start through added and removed to now', () => {
    const t = area('a', 'S', 100, 7, 9);
    const steps = householdSteps(t);
    expect(steps.map((s) => s.label)).toEqual(['回头看开始时', '新增纳入', '清退', '现有']);
    expect(steps[2]?.value).toBe(-9);
    expect(replay(steps)).toBe(100);
  });
});

describe('personSteps', () => {
  const t = area('a', 'S', 50, 2, 3);

  it('splits 人口增加 and 人口减少 when they add up to the net change', () => {
    const steps = personSteps(t, [
      { change_type: '人口增加', records: 1, persons: 1 },
      { change_type: '人口减少', records: 3, persons: -3 },
      { change_type: '清退', records: 3, persons: -9 },
    ]);
    expect(steps.map((s) => s.label)).toEqual([
      '回头看开始时',
      '新增纳入',
      '清退',
      '人口增加',
      '人口减少',
      '现有',
    ]);
    expect(replay(steps)).toBe(150);
  });

  it('falls back to one net step when the split does not match the area', () => {
    const steps = personSteps(t, [{ change_type: '人口增加', records: 5, persons: 5 }]);
    expect(steps.map((s) => s.label)).toContain('人口增减');
    expect(replay(steps)).toBe(150);
  });

  it('uses one net step without a split', () => {
    expect(personSteps(t).find((s) => s.label === '人口增减')?.value).toBe(-2);
  });
});

describe('takeaways', () => {
  it('states added, removed and the net change of households', () => {
    const text = householdTakeaway(area('a', 'S', 1446, 42, 54));
    expect(text).toContain('新增纳入 42 户');
    expect(text).toContain('清退 54 户');
    expect(text).toContain('由 1,458 户变为 1,446 户');
    expect(text).toContain('净减少 12 户');
  });

  it('says when the total did not change', () => {
    expect(householdTakeaway(area('a', 'S', 10, 2, 2))).toContain('总数不变');
  });

  it('handles an empty region', () => {
    expect(householdTakeaway(area('a', 'S', 0, 0, 0))).toBe('暂无建档立卡户。');
  });

  it('states the person change with signed parts', () => {
    const text = personTakeaway(area('a', 'S', 10, 1, 0));
    // start = 3 × 9 + 2 = 29, now 30
    expect(text).toContain('由 29 人变为 30 人');
    expect(text).toContain('净增加 1 人');
    expect(text).toContain('家庭人口增减 −2');
  });

  it('names the areas with the most removed and added households', () => {
    const text = areaChangeTakeaway([area('甲', 'S', 10, 1, 5), area('乙', 'S', 10, 3, 0)], '村');
    expect(text).toBe('清退最多的是甲（5 户）；新增纳入最多的是乙（3 户）。');
    expect(areaChangeTakeaway([area('甲', 'S', 10, 0, 0)], '村')).toBe(
      '各村均没有新增纳入或清退。',
    );
  });
});

describe('weekLabel', () => {
  it('names a week from Monday to Sunday', () => {
    expect(weekLabel('2018-06-04')).toBe('6月4日至10日');
  });
  it('names the month again when the week crosses into the next one', () => {
    expect(weekLabel('2018-06-25')).toBe('6月25日至7月1日');
  });
  it('ends the week at the cut-off date', () => {
    expect(weekLabel('2018-07-16', '2018-07-20')).toBe('7月16日至20日');
    expect(weekLabel('2018-07-16', '2018-07-16')).toBe('7月16日');
    expect(weekLabel('2018-07-09', '2018-07-20')).toBe('7月9日至15日');
  });
  it('returns text that is not a date unchanged', () => {
    expect(weekLabel('第一周')).toBe('第一周');
  });
});

describe('weeklyChanges', () => {
  const rows = [
    { week: '2018-06-11', change_type: '脱贫', records: 4, persons: 0 },
    { week: '2018-06-04', change_type: '清退', records: 2, persons: -5 },
    { week: '2018-06-11', change_type: '新增纳入', records: 1, persons: 3 },
  ];

  it('pivots to one row per week, in date order, with a total', () => {
    const { weeks } = weeklyChanges(rows);
    expect(weeks.map((w) => w.week)).toEqual(['2018-06-04', '2018-06-11']);
    expect(weeks[1]?.脱贫).toBe(4);
    expect(weeks[1]?.新增纳入).toBe(1);
    expect(weeks[1]?.清退).toBe(0);
    expect(weeks[1]?.total).toBe(5);
    expect(weeks[0]?.label).toBe('6月4日起');
    expect(weeks[0]?.range).toBe('6月4日至10日');
  });

  it('lists only the change types that occur, in the contract order', () => {
    expect(weeklyChanges(rows).types).toEqual(['新增纳入', '清退', '脱贫']);
  });

  it('names the busiest week and its main type', () => {
    const { weeks, types } = weeklyChanges(rows);
    expect(weeklyTakeaway(weeks, types)).toBe(
      '共 7 条变动记录，分布在 2 周；最多的是 6月11日至17日（5 条，以脱贫为主，4 条）。',
    );
    expect(weeklyTakeaway([], [])).toBe('暂无户数人数变动记录。');
  });
});
