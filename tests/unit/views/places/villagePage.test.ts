import { describe, expect, it } from 'vitest';
import {
  buildVillagePages,
  doneItemRows,
  splitByDone,
  toChangeTypes,
  toExitShares,
  toIncomeBandRows,
  toRectificationTotals,
  type RectificationRow,
} from '../../../../src/views/places/villagePage.ts';
import type { VillageRow } from '../../../../src/queries/places.ts';
import { EMPTY_VILLAGE_INPUT, villageRow } from './placeFixtures.ts';

const village = (code: string, extra: Partial<VillageRow> = {}): VillageRow =>
  villageRow(code, { households: 0, persons: 0, ...extra });

const item = (id: string, extra: Partial<RectificationRow> = {}): RectificationRow => ({
  issue_id: id,
  source_level: '区',
  source_type: '自查',
  found_date: '2018-06-01',
  street: '甲街道',
  village_code: 'A',
  village_name: '村A',
  category: '其他',
  description: '描述',
  measures: '措施',
  responsible_unit: '单位',
  deadline: '2018-07-01',
  status: '整改中',
  completed_date: null,
  overdue: false,
  ...extra,
});

const empty = EMPTY_VILLAGE_INPUT;

describe('buildVillagePages', () => {
  it('gives every village a page, zeros where the data has no rows for it', () => {
    const pages = buildVillagePages({ ...empty, villages: [village('A'), village('B')] });
    expect(pages.map((p) => p.village.village_code)).toEqual(['A', 'B']);
    expect(pages[1]?.registration.households).toEqual({
      start: 0,
      added: 0,
      removed: 0,
      exited: 0,
      now: 0,
    });
    expect(pages[1]?.exits.map((e) => e.households)).toEqual([0, 0, 0]);
    expect(pages[1]?.rectTotals.items).toBe(0);
  });

  it('gives each page only its own rows', () => {
    const pages = buildVillagePages({
      ...empty,
      villages: [village('A'), village('B')],
      measures: [
        { village_code: 'A', measure: '产业帮扶', households: 2 },
        { village_code: 'B', measure: '就业帮扶', households: 5 },
      ],
      gaps: [
        {
          village_code: 'B',
          households: 9,
          education_gap: 1,
          medical_gap: 2,
          housing_gap: 3,
          any_gap: 4,
        },
      ],
      rectifications: [item('1', { village_code: 'B' }), item('2', { village_code: null })],
    });
    expect(pages[0]?.measures).toEqual([{ measure: '产业帮扶', households: 2 }]);
    expect(pages[1]?.gaps).toEqual({
      households: 9,
      education_gap: 1,
      medical_gap: 2,
      housing_gap: 3,
      any_gap: 4,
    });
    expect(pages[0]?.gaps.households).toBe(0);
    // The street-wide item (no village) belongs to no village page.
    expect(pages.map((p) => p.rectifications.map((r) => r.issue_id))).toEqual([[], ['1']]);
  });

  it('orders measures by households, ties in the contract’s order', () => {
    const [page] = buildVillagePages({
      ...empty,
      villages: [village('A')],
      measures: [
        { village_code: 'A', measure: '其他', households: 3 },
        { village_code: 'A', measure: '就业帮扶', households: 3 },
        { village_code: 'A', measure: '产业帮扶', households: 1 },
      ],
    });
    expect(page?.measures.map((m) => m.measure)).toEqual(['就业帮扶', '其他', '产业帮扶']);
  });

  it('orders a 双到 village’s shortcomings by 领域 as the contract lists them', () => {
    const row = (dimension: string) => ({
      street: '甲街道',
      village_code: 'A',
      village_name: '村A',
      shuangdao_round: '1',
      dimension,
      mechanism_in_place: '否',
      shortcoming: null,
      proposed_project: null,
      estimated_investment_wan: null,
      in_project_library: null,
      responsible_unit: null,
    });
    const [page] = buildVillagePages({
      ...empty,
      villages: [village('A')],
      shortcomings: ['基层党建', '产业发展', '基础设施', '公共服务设施'].map(row),
    });
    expect(page?.shortcomings.map((s) => s.dimension)).toEqual([
      '基础设施',
      '公共服务设施',
      '产业发展',
      '基层党建',
    ]);
  });
});

describe('toExitShares', () => {
  it('lists all three categories with shares of the classified households', () => {
    const rows = toExitShares([
      { exit_category: '重点帮扶', households: 1 },
      { exit_category: '巩固提升', households: 3 },
      { exit_category: null, households: 5 },
    ]);
    expect(rows).toEqual([
      { category: '巩固提升', households: 3, share: 0.75 },
      { category: '加大帮扶', households: 0, share: 0 },
      { category: '重点帮扶', households: 1, share: 0.25 },
    ]);
  });
});

describe('toIncomeBandRows', () => {
  it('puts bands low to high with a count per exit category and a total', () => {
    const rows = toIncomeBandRows([
      { village_code: 'A', income_band: '≥10000', exit_category: '巩固提升', households: 2 },
      { village_code: 'A', income_band: '<4000', exit_category: '重点帮扶', households: 3 },
      { village_code: 'A', income_band: '<4000', exit_category: '加大帮扶', households: 1 },
    ]);
    expect(rows).toEqual([
      { band: '<4000', total: 4, 巩固提升: 0, 加大帮扶: 1, 重点帮扶: 3 },
      { band: '≥10000', total: 2, 巩固提升: 2, 加大帮扶: 0, 重点帮扶: 0 },
    ]);
  });
});

describe('toChangeTypes', () => {
  it('sums records per type in the contract’s order, leaving out types without records', () => {
    const r = (change_type: string, records: number) => ({
      village_code: 'A',
      change_type,
      records,
    });
    expect(toChangeTypes([r('人口减少', 2), r('新增纳入', 1), r('人口减少', 1)])).toEqual([
      { change_type: '新增纳入', records: 1 },
      { change_type: '人口减少', records: 3 },
    ]);
  });
});

describe('rectification helpers', () => {
  const items = [
    item('1', { status: '已完成', overdue: true, completed_date: '2018-07-05' }),
    item('2', { status: '整改中', overdue: true }),
    item('3', { status: '未启动' }),
    item('4', { status: '已完成', completed_date: '2018-06-20' }),
  ];

  it('counts items by status; overdue_open counts only overdue items not done', () => {
    expect(toRectificationTotals(items)).toEqual({
      items: 4,
      done: 2,
      in_progress: 1,
      not_started: 1,
      overdue_open: 1,
    });
  });

  it('splits open from done, keeping the order', () => {
    const { open, done } = splitByDone(items);
    expect(open.map((r) => r.issue_id)).toEqual(['2', '3']);
    expect(done.map((r) => r.issue_id)).toEqual(['1', '4']);
  });

  it('says whether a done item was done in time', () => {
    expect(doneItemRows(splitByDone(items).done).map((r) => r.completed)).toEqual([
      '2018年7月5日（逾期完成）',
      '2018年6月20日（按期）',
    ]);
  });
});
