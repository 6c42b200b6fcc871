/**
 * The disclosure rule for household rows, on small hand-made villages whose
 * outcome is worked out by hand: groups of at least k, never all one 脱贫成效分类
 * or income band, never all with one 三保障 gap; generalised one level at a
 * time, completed by lent rows, up to the street or the district when a
 * village cannot protect itself.
 */
import { describe, expect, it } from 'vitest';
import {
  generaliseHouseholds,
  generalisedValues,
  type HouseholdValues,
} from '../../../../src/build/publish/generaliseHouseholds.ts';

const K = 3;
let serial = 0;
/** A household of village `v` (street 甲 unless given), varied where a test does not care. */
function h(v: string, over: Partial<HouseholdValues> = {}): HouseholdValues & { id: number } {
  serial++;
  return {
    id: serial,
    street: '甲街道',
    village_code: v,
    size_band: '3–4',
    household_type: '一般贫困户',
    labor_capacity: '有劳动能力',
    exit_category: serial % 2 === 0 ? '巩固提升' : '加大帮扶',
    income_band: serial % 3 === 0 ? '<4000' : '4000–6000',
    education_secured: '是',
    medical_secured: '是',
    housing_secured: '是',
    ...over,
  };
}
const run = (rows: readonly (HouseholdValues & { id: number })[]) =>
  generaliseHouseholds(rows, K, (i) => String(rows[i]?.id));
const levelsOf = (rows: readonly unknown[], g: ReturnType<typeof run>) =>
  rows.map((_, i) => g.levels[i]);

describe('generaliseHouseholds', () => {
  it('leaves a village alone whose groups are large enough and mixed', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => h('1')),
      ...Array.from({ length: 3 }, () => h('1', { household_type: '低保户' })),
    ];
    const g = run(rows);
    expect(levelsOf(rows, g)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([...g.borrowed].every((b) => b === 0)).toBe(true);
  });

  it('blanks type and labour capacity for a group smaller than k, then the size band', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => h('1')),
      // Two 低保户 of 3–4 (too few) and two 5+ 一般贫困户 (too few): as 3–4 with the others? No —
      // level 1 groups by size band: the two 低保户 of 3–4 join nothing else of 3–4 at level 1
      // (the three 一般贫困户 stay at level 0), so they go on to the village's last group.
      h('1', { household_type: '低保户' }),
      h('1', { household_type: '低保户' }),
      h('1', { size_band: '5+' }),
      h('1', { size_band: '5+' }),
    ];
    const g = run(rows);
    expect(levelsOf(rows, g)).toEqual([0, 0, 0, 2, 2, 2, 2]);
    expect(generalisedValues(rows[3]!, 2)).toEqual({
      street: '甲街道',
      village_code: '1',
      household_size: null,
      household_type: null,
      labor_capacity: null,
    });
  });

  it('keeps the size band where the band alone makes a group of k', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => h('1')),
      h('1', { size_band: '5+', household_type: '低保户' }),
      h('1', { size_band: '5+', household_type: '特困供养户' }),
      h('1', { size_band: '5+', labor_capacity: '无劳动能力' }),
    ];
    expect(levelsOf(rows, run(rows))).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('generalises a large enough group that is all one 脱贫成效分类 or one income band, or all with one gap', () => {
    const base = (over: Partial<HouseholdValues>) => [
      ...Array.from({ length: 3 }, () => h('1', over)),
      ...Array.from({ length: 4 }, () => h('1', { household_type: '低保户' })),
    ];
    for (const over of [
      { exit_category: '重点帮扶' },
      { income_band: '<4000' },
      { housing_secured: '否' },
    ]) {
      const rows = base(over);
      const g = run(rows);
      // The uniform group goes up to the village's last group, which one lent row mixes.
      expect(levelsOf(rows, g), JSON.stringify(over)).toEqual([2, 2, 2, 2, 0, 0, 0]);
      expect([...g.forDiversity].slice(0, 3)).toEqual([1, 1, 1]);
      expect([...g.borrowed]).toEqual([0, 0, 0, 1, 0, 0, 0]);
    }
  });

  it('does not count a group where everyone has the 三保障 secured as giving anything away', () => {
    const rows = Array.from({ length: 3 }, () => h('1', { medical_secured: '是' }));
    expect(levelsOf(rows, run(rows))).toEqual([0, 0, 0]);
  });

  it('completes the village’s last group with a row lent by a group that stays good', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => h('1')),
      h('1', { size_band: '5+', household_type: '低保户' }),
      h('1', { size_band: '1–2', household_type: '特困供养户' }),
    ];
    const g = run(rows);
    expect(levelsOf(rows, g).slice(4)).toEqual([2, 2]);
    expect([...g.borrowed].reduce((a, b) => a + b, 0)).toBe(1);
    expect(levelsOf(rows, g).filter((l) => l === 2)).toHaveLength(3);
    expect(levelsOf(rows, g).filter((l) => l === 0)).toHaveLength(3);
  });

  it('takes a village with fewer than k households up to the street, completed by the street’s other villages', () => {
    const rows = [...Array.from({ length: 7 }, () => h('big')), h('small'), h('small')];
    const g = run(rows);
    expect(g.villagesNotByVillage.get('small')).toBe(3);
    expect(levelsOf(rows, g).slice(7)).toEqual([3, 3]);
    // One row of the big village lent to the street's group, which now has k.
    expect(levelsOf(rows, g).filter((l) => l === 3)).toHaveLength(3);
    expect(g.withheld.size).toBe(0);
  });

  it('takes a street with a single village that cannot protect itself up to the district', () => {
    const rows = [
      ...Array.from({ length: 7 }, () => h('a1')),
      h('b1', { street: '乙街道' }),
      h('b1', { street: '乙街道' }),
    ];
    const g = run(rows);
    expect(g.villagesNotByVillage.get('b1')).toBe(4);
    expect(levelsOf(rows, g).slice(7)).toEqual([4, 4]);
    expect(levelsOf(rows, g).filter((l) => l === 4)).toHaveLength(3);
    expect(generalisedValues(rows[7]!, 4).street).toBeNull();
  });

  it('withholds the values only when even the whole district is fewer than k', () => {
    const rows = [h('1'), h('1')];
    const g = run(rows);
    expect(levelsOf(rows, g)).toEqual([4, 4]);
    expect(g.withheld.get(0)).toEqual([
      'exit_category',
      'income_band',
      'education_secured',
      'medical_secured',
      'housing_secured',
    ]);
  });

  it('decides a village from its own households only, whatever the input order', () => {
    const village1 = [
      ...Array.from({ length: 3 }, () => h('1')),
      h('1', { household_type: '低保户' }),
      h('1', { household_type: '低保户' }),
      h('1', { household_type: '低保户' }),
    ];
    const village2 = Array.from({ length: 5 }, () => h('2', { size_band: '1–2' }));
    const other = [...village2, h('2', { size_band: '5+' })];
    const a = run([...village1, ...village2]);
    const b = run([...other.reverse(), ...[...village1].reverse()]);
    const byId = (rows: readonly { id: number }[], g: ReturnType<typeof run>) =>
      Object.fromEntries(rows.map((r, i) => [r.id, g.levels[i]]));
    const la = byId([...village1, ...village2], a);
    const lb = byId([...other, ...[...village1].reverse()], b);
    for (const r of village1) expect(lb[r.id]).toBe(la[r.id]);
  });

  it('with k = 1 publishes every row at its finest', () => {
    const rows = [h('1'), h('2')];
    const g = generaliseHouseholds(rows, 1, String);
    expect([...g.levels]).toEqual([0, 0]);
  });
});
