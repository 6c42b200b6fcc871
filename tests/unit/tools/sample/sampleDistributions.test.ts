import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../../tools/sample/index.ts';
import { countBy, sampleTables, share } from './sampleTables.ts';

const t = sampleTables(generateSample());
const AS_OF = '2018-07-20';

describe('default sample: 红海湾 at its real scale', () => {
  it('has about 45 villages in the three streets, exactly 27 of them 双到 villages of both rounds', () => {
    expect(t.villages.length).toBeGreaterThanOrEqual(40);
    expect(t.villages.length).toBeLessThanOrEqual(50);
    expect([...new Set(t.villages.map((v) => v.street))].sort()).toEqual(
      ['东洲街道', '田墘街道', '遮浪街道'].sort(),
    );
    const rounds = countBy(
      t.villages.filter((v) => v.shuangdao_round !== null),
      (v) => v.shuangdao_round!,
    );
    expect((rounds.get('1') ?? 0) + (rounds.get('2') ?? 0)).toBe(27);
    expect(rounds.get('1')).toBeGreaterThan(5);
    expect(rounds.get('2')).toBeGreaterThan(5);
    const poor = t.villages.filter((v) => v.is_poor_village === '是').length;
    expect(poor).toBeGreaterThanOrEqual(3);
    expect(poor).toBeLessThanOrEqual(12);
  });

  it('has about 1,500 households and 5,000 persons, mostly households of 2–4', () => {
    expect(t.households.length).toBeGreaterThanOrEqual(1400);
    expect(t.households.length).toBeLessThanOrEqual(1600);
    const persons = t.households.reduce((a, h) => a + h.household_size, 0);
    expect(persons).toBeGreaterThanOrEqual(4500);
    expect(persons).toBeLessThanOrEqual(5500);
    expect(t.households.every((h) => h.household_size >= 1 && h.household_size <= 8)).toBe(true);
    expect(
      share(t.households, (h) => h.household_size >= 2 && h.household_size <= 4),
    ).toBeGreaterThan(0.55);
  });

  it('puts households in every village', () => {
    const per = countBy(t.households, (h) => h.village_code);
    expect(per.size).toBe(t.villages.length);
    expect(Math.min(...per.values())).toBeGreaterThanOrEqual(3);
  });

  it('has mostly 已脱贫 or 在册 households and a few per cent 清退', () => {
    const qt = share(t.households, (h) => h.status === '清退');
    expect(qt).toBeGreaterThan(0.01);
    expect(qt).toBeLessThan(0.08);
    expect(share(t.households, (h) => h.status === '已脱贫')).toBeGreaterThan(0.3);
    expect(share(t.households, (h) => h.status === '在册')).toBeGreaterThan(0.2);
  });

  it('has 巩固提升 as the largest exit category, the others present', () => {
    const kept = t.households.filter((h) => h.status !== '清退');
    const c = countBy(kept, (h) => h.exit_category ?? '');
    const gg = c.get('巩固提升') ?? 0;
    expect(gg).toBeGreaterThan(c.get('加大帮扶') ?? 0);
    expect(gg).toBeGreaterThan(c.get('重点帮扶') ?? 0);
    expect((c.get('加大帮扶') ?? 0) / kept.length).toBeGreaterThan(0.05);
    expect((c.get('重点帮扶') ?? 0) / kept.length).toBeGreaterThan(0.05);
  });

  it('has mostly 一般贫困户, with labour capacity following the household type', () => {
    const c = countBy(t.households, (h) => h.household_type);
    expect((c.get('一般贫困户') ?? 0) / t.households.length).toBeGreaterThan(0.5);
    expect(c.get('低保户') ?? 0).toBeGreaterThan(c.get('特困供养户') ?? 0);
    expect(c.get('特困供养户') ?? 0).toBeGreaterThan(0);
    const unable = (type: string) =>
      share(
        t.households.filter((h) => h.household_type === type),
        (h) => h.labor_capacity === '无劳动能力',
      );
    expect(unable('特困供养户')).toBeGreaterThan(0.8);
    expect(unable('一般贫困户')).toBeLessThan(0.25);
    expect(unable('低保户')).toBeGreaterThan(unable('一般贫困户'));
  });

  it('enrols households in 2016–2018', () => {
    const years = countBy(t.households, (h) => String(h.enrolled_year));
    expect([...years.keys()].sort()).toEqual(['2016', '2017', '2018']);
    expect(years.get('2016')!).toBeGreaterThan(years.get('2018')!);
  });

  it('spreads incomes around the 4,000-yuan line by exit category, some with decimals', () => {
    const byCat = (cat: string) => t.households.filter((h) => h.exit_category === cat);
    expect(share(byCat('重点帮扶'), (h) => h.income_per_capita < 4000)).toBeGreaterThan(0.65);
    expect(share(byCat('巩固提升'), (h) => h.income_per_capita >= 4000)).toBeGreaterThan(0.8);
    const below = share(t.households, (h) => h.income_per_capita < 4000);
    expect(below).toBeGreaterThan(0.05);
    expect(below).toBeLessThan(0.5);
    const decimals = share(t.households, (h) => !Number.isInteger(h.income_per_capita));
    expect(decimals).toBeGreaterThan(0.05);
    expect(decimals).toBeLessThan(0.5);
  });

  it('has 三保障 gaps in a few per cent and education 不适用 for about 40 %', () => {
    const na = share(t.households, (h) => h.education_secured === '不适用');
    expect(na).toBeGreaterThan(0.3);
    expect(na).toBeLessThan(0.5);
    for (const key of ['education_secured', 'medical_secured', 'housing_secured'] as const) {
      const gaps = share(t.households, (h) => h[key] === '否');
      expect(gaps, key).toBeGreaterThan(0);
      expect(gaps, key).toBeLessThan(0.08);
    }
  });

  it('gives every household still supported 1–4 measures, joined with "；"', () => {
    for (const h of t.households.filter((x) => x.status !== '清退')) {
      expect(h.measures.length).toBeGreaterThanOrEqual(1);
      expect(h.measures.length).toBeLessThanOrEqual(4);
    }
    expect(share(t.households, (h) => h.measures.length >= 2)).toBeGreaterThan(0.4);
    const raw = generateSample().files['households.csv'];
    expect(raw).toContain('；');
  });

  it('has about 300 change records of every type, most status changes while the teams visit households', () => {
    expect(t.changes.length).toBeGreaterThanOrEqual(250);
    expect(t.changes.length).toBeLessThanOrEqual(350);
    const types = countBy(t.changes, (c) => c.change_type);
    expect(types.size).toBe(6);
    const status = t.changes.filter((c) =>
      ['新增纳入', '清退', '脱贫', '返贫'].includes(c.change_type),
    );
    expect(share(status, (c) => c.date >= '2018-06-11' && c.date <= '2018-07-10')).toBeGreaterThan(
      0.6,
    );
    expect(share(t.changes, (c) => c.date > '2018-07-10')).toBeGreaterThan(0);
  });

  it('has four-field shortcomings with mechanisms both in place and missing, some estimates left empty', () => {
    expect(t.shortcomings.length).toBe(27 * 4);
    const missing = share(t.shortcomings, (s) => s.mechanism_in_place === '否');
    expect(missing).toBeGreaterThan(0.2);
    expect(missing).toBeLessThan(0.8);
    const withProject = t.shortcomings.filter((s) => s.proposed_project !== null);
    expect(withProject.length).toBeGreaterThan(20);
    expect(share(withProject, (s) => s.estimated_investment_wan === null)).toBeGreaterThan(0.05);
    expect(share(withProject, (s) => s.estimated_investment_wan !== null)).toBeGreaterThan(0.5);
    expect(t.shortcomings.some((s) => s.in_project_library === '是')).toBe(true);
    expect(t.shortcomings.every((s) => (s.responsible_unit ?? '').length > 0)).toBe(true);
  });

  it('has about 600 projects of every type, source and status, in villages, streets and the whole district', () => {
    const p = t.projects;
    expect(p.length).toBe(13 * 45);
    expect(new Set(p.map((x) => x.category)).size).toBe(9);
    expect(new Set(p.map((x) => x.fund_source)).size).toBe(7);
    expect(new Set(p.map((x) => x.status)).size).toBe(4);
    expect(new Set(p.map((x) => x.plan_year))).toEqual(new Set([2016, 2017, 2018, 2019, 2020]));
    const village = share(p, (x) => x.village_code !== null);
    expect(village).toBeGreaterThan(0.75);
    expect(village).toBeLessThan(0.95);
    expect(p.filter((x) => x.street === null).length).toBeGreaterThan(3);
    expect(p.filter((x) => x.street !== null && x.village_code === null).length).toBeGreaterThan(
      10,
    );
    // Amounts in 万元 with at most two decimals, a few thousand yuan to a few million.
    for (const x of p) expect(Math.round(x.budget_wan * 100)).toBeCloseTo(x.budget_wan * 100, 6);
    expect(Math.min(...p.map((x) => x.budget_wan))).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...p.map((x) => x.budget_wan))).toBeLessThan(1000);
  });

  it('pays projects as their works stand, with one or two finished projects far behind', () => {
    const p = t.projects;
    const paid = (x: (typeof p)[number]) => x.disbursed_wan / x.budget_wan;
    const later = p.filter((x) => x.plan_year > 2018);
    expect(later.every((x) => x.status === '未开工' && x.disbursed_wan === 0)).toBe(true);
    const accepted = p.filter((x) => x.status === '已验收');
    expect(share(accepted, (x) => paid(x) >= 0.9)).toBeGreaterThan(0.95);
    const farBehind = p.filter(
      (x) => (x.status === '已验收' || x.status === '已完工') && paid(x) < 0.5,
    );
    expect(farBehind.length).toBeGreaterThanOrEqual(1);
    expect(farBehind.length).toBeLessThanOrEqual(2);
    const underway = p.filter((x) => x.status === '在建');
    expect(underway.every((x) => x.end_date === null && paid(x) < 1)).toBe(true);
    expect(share(underway, (x) => x.start_date !== null)).toBeGreaterThan(0.9);
  });

  it('has about 120 rectifications from every level and source, some overdue, some finished late, some street-wide', () => {
    const r = t.rectifications;
    expect(r.length).toBeGreaterThanOrEqual(100);
    expect(r.length).toBeLessThanOrEqual(140);
    expect(new Set(r.map((x) => x.source_level)).size).toBe(3);
    expect(new Set(r.map((x) => x.source_type)).size).toBe(6);
    expect(new Set(r.map((x) => x.status)).size).toBe(3);
    expect(new Set(r.map((x) => x.found_date.slice(0, 4)))).toEqual(
      new Set(['2016', '2017', '2018']),
    );
    const overdueOpen = r.filter((x) => x.status !== '已完成' && x.deadline < AS_OF);
    const late = r.filter((x) => x.completed_date !== null && x.completed_date > x.deadline);
    expect(overdueOpen.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect(overdueOpen.length + late.length).toBeLessThan(r.length * 0.4);
    const streetWide = share(r, (x) => x.village_code === null);
    expect(streetWide).toBeGreaterThan(0.05);
    expect(streetWide).toBeLessThan(0.5);
    expect(new Set(r.map((x) => x.category)).size).toBeGreaterThanOrEqual(7);
  });
});
