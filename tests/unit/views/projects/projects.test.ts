import { describe, expect, it } from 'vitest';
import {
  DISTRICT_WIDE,
  formatMoney,
  fundRowsOf,
  fundsPhrase,
  fundsTakeaway,
  projectTotals,
  statusTakeaway,
  streetFundRows,
  sumProjects,
  timelinePoints,
  timelineTakeaway,
  toFundRow,
  villageFundRows,
  villagesTakeaway,
  yearStatusRows,
} from '../../../../src/views/projects/projects.ts';

/** projectBreakdown rows as the query returns them. */
const sums = (projects: number, budget: number, disbursed: number) => ({
  projects,
  budget_wan: budget,
  disbursed_wan: disbursed,
  beneficiaries: projects * 10,
});
const BREAKDOWN = [
  {
    dim: 'all',
    key: null,
    status: null,
    ...sums(6, 160, 60),
    ahead: 1,
    behind: 2,
    no_beneficiaries: 3,
  },
  { dim: 'category', key: '教育', status: null, ...sums(1, 10, 10) },
  { dim: 'category', key: '自定义', status: null, ...sums(1, 50, 0) },
  { dim: 'category', key: '产业发展', status: null, ...sums(4, 100, 50) },
  { dim: 'status', key: '已验收', status: '已验收', ...sums(2, 40, 40) },
  { dim: 'status', key: '已完工', status: '已完工', ...sums(1, 20, 10) },
  { dim: 'status', key: '未开工', status: '未开工', ...sums(3, 100, 10) },
  { dim: 'year', key: '2019', status: '未开工', ...sums(2, 60, 0) },
  { dim: 'year', key: '2017', status: '已验收', ...sums(2, 40, 40) },
  { dim: 'year', key: '2017', status: '已完工', ...sums(1, 20, 10) },
  { dim: 'year', key: '2018', status: '未开工', ...sums(1, 40, 10) },
];

describe('totals and groups', () => {
  it('reads the totals, statuses and findings of projectBreakdown', () => {
    const t = projectTotals(BREAKDOWN);
    expect(t).toMatchObject({
      projects: 6,
      budget_wan: 160,
      disbursed_wan: 60,
      undisbursed_wan: 100,
      paid_share: 0.375,
      beneficiaries: 60,
      done: 3,
      ahead: 1,
      behind: 2,
      no_beneficiaries: 3,
    });
    expect(t.byStatus).toEqual({ 未开工: 3, 在建: 0, 已完工: 1, 已验收: 2 });
    expect(projectTotals([])).toMatchObject({ projects: 0, paid_share: 0, done: 0 });
  });

  it('orders groups as the contract lists them, others after by name, none without projects', () => {
    const rows = fundRowsOf(BREAKDOWN, 'category', ['产业发展', '基础设施', '教育']);
    expect(rows.map((r) => r.key)).toEqual(['产业发展', '教育', '自定义']);
    expect(rows[0]).toMatchObject({ undisbursed_wan: 50, paid_share: 0.5 });
  });

  it('keeps differences of amounts exact to 0.01 万元', () => {
    expect(toFundRow('x', 'x', sums(1, 0.3, 0.1)).undisbursed_wan).toBe(0.2);
    expect(
      sumProjects([
        { budget_wan: 0.1, disbursed_wan: 0.1, beneficiary_households: 1 },
        { budget_wan: 0.2, disbursed_wan: 0, beneficiary_households: 2 },
      ]),
    ).toEqual({
      projects: 2,
      budget_wan: 0.3,
      disbursed_wan: 0.1,
      undisbursed_wan: 0.2,
      paid_share: 0.1 / 0.3,
      beneficiaries: 3,
    });
  });

  it('lists every street in order (0 where none), others, then district-wide projects', () => {
    const rows = streetFundRows(
      [
        { street: '乙街道', ...sums(1, 5, 5) },
        { street: '丙街道', ...sums(1, 1, 0) },
        { street: null, ...sums(2, 30, 3) },
      ],
      ['甲街道', '乙街道'],
    );
    expect(rows.map((r) => [r.key, r.name, r.projects])).toEqual([
      ['甲街道', '甲街道', 0],
      ['乙街道', '乙街道', 1],
      ['丙街道', '丙街道', 1],
      ['', DISTRICT_WIDE, 2],
    ]);
  });

  it('gives one row per plan year, oldest first, statuses in the order works go', () => {
    expect(yearStatusRows(BREAKDOWN)).toEqual([
      { year: '2017', total: 3, 未开工: 0, 在建: 0, 已完工: 1, 已验收: 2 },
      { year: '2018', total: 1, 未开工: 1, 在建: 0, 已完工: 0, 已验收: 0 },
      { year: '2019', total: 2, 未开工: 2, 在建: 0, 已完工: 0, 已验收: 0 },
    ]);
  });
});

describe('takeaways', () => {
  it('names the group with most funds and the one paid least', () => {
    const rows = fundRowsOf(BREAKDOWN, 'category', ['产业发展']);
    expect(fundsTakeaway(rows, '项目类型')).toBe(
      '按项目类型，产业发展的计划资金最多（100万元，占 62.5%）；拨付率最低的是自定义（0%）。',
    );
    expect(fundsTakeaway([], '街道')).toBe('没有符合条件的项目。');
    expect(fundsPhrase({ budget_wan: 35_728.2, disbursed_wan: 15_884.44 })).toBe(
      '计划资金 3.57亿元，已拨付 1.59亿元（44.5%）',
    );
    expect(formatMoney(19.75)).toBe('19.75万元');
  });

  it('says how far the works have got', () => {
    expect(statusTakeaway(projectTotals(BREAKDOWN))).toBe(
      '6 个项目中已完工或已验收 3 个（50%），在建 0 个，未开工 3 个。',
    );
    expect(statusTakeaway(projectTotals([]))).toBe('没有符合条件的项目。');
  });

  it('extends the started and finished lines to the as-of date and counts the last 12 months', () => {
    const points = timelinePoints(
      [
        { date: '2017-03-01', started: 2, finished: 0 },
        { date: '2017-09-01', started: 3, finished: 1 },
        { date: '2018-05-01', started: 7, finished: 4 },
        { date: '2018-09-01', started: 9, finished: 4 },
      ],
      '2018-07-20',
    );
    expect(points.map((p) => p.date)).toEqual([
      '2017-03-01',
      '2017-09-01',
      '2018-05-01',
      '2018-07-20',
    ]);
    expect(points.at(-1)).toEqual({ date: '2018-07-20', started: 7, finished: 4 });
    expect(timelineTakeaway(points, '2018-07-20')).toBe(
      '已开工 7 个项目，其中已完工 4 个；近 12 个月开工 5 个、完工 4 个。',
    );
    expect(timelineTakeaway([], '2018-07-20')).toBe('还没有开工的项目。');
  });

  it('counts villages without a project and names the best funded', () => {
    const villages = villageFundRows([
      { street: '甲', village_code: 'v1', village_name: '一村', ...sums(2, 30, 3) },
      { street: '甲', village_code: 'v2', village_name: '二村', ...sums(0, 0, 0) },
    ]);
    expect(villages[0]).toMatchObject({
      key: 'v1',
      name: '一村',
      street: '甲',
      village_code: 'v1',
    });
    expect(villagesTakeaway(villages)).toBe(
      '2 个村中 1 个没有符合条件的项目；计划资金最多的是一村（30万元，2 个项目）。',
    );
    expect(villagesTakeaway([])).toBe('没有符合条件的村。');
  });
});
