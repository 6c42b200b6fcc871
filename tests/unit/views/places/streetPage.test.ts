import { describe, expect, it } from 'vitest';
import { buildStreetPages, type StreetPageInput } from '../../../../src/views/places/streetPage.ts';
import type { RectificationRow } from '../../../../src/views/places/villagePage.ts';
import type { VillageRow } from '../../../../src/queries/places.ts';
import { villageRow } from './placeFixtures.ts';

const village = (street: string, code: string, round: string | null = null): VillageRow =>
  villageRow(code, { street, shuangdao_round: round });
const item = (
  id: string,
  street: string,
  code: string | null,
  extra: Partial<RectificationRow> = {},
): RectificationRow => ({
  issue_id: id,
  source_level: '区',
  source_type: '自查',
  found_date: '2018-06-01',
  street,
  village_code: code,
  village_name: code ? `村${code}` : null,
  category: '其他',
  description: '描述',
  measures: null,
  responsible_unit: null,
  deadline: '2018-07-01',
  status: '整改中',
  completed_date: null,
  overdue: false,
  ...extra,
});

const input: StreetPageInput = {
  streets: [
    { street: '甲街道', villages: 2, shuangdao_villages: 1 },
    { street: '乙街道', villages: 1, shuangdao_villages: 0 },
  ],
  villages: [village('甲街道', 'A', '1'), village('甲街道', 'B'), village('乙街道', 'C')],
  streetRegistration: [],
  villageRegistration: [],
  exits: [
    { key: 'A', name: '村A', street: '甲街道', exit_category: '巩固提升', households: 6 },
    { key: 'B', name: '村B', street: '甲街道', exit_category: '巩固提升', households: 2 },
    { key: 'B', name: '村B', street: '甲街道', exit_category: '重点帮扶', households: 2 },
    { key: 'C', name: '村C', street: '乙街道', exit_category: '重点帮扶', households: 9 },
  ],
  shortcomings: [],
  rectifications: [
    item('w1', '甲街道', null, { status: '已完成' }),
    item('w2', '甲街道', null, { overdue: true }),
    item('a1', '甲街道', 'A', { deadline: '2018-08-01' }),
    item('a2', '甲街道', 'A', { overdue: true, deadline: '2018-09-01' }),
    item('b1', '甲街道', 'B', { status: '已完成', overdue: true }),
    item('c1', '乙街道', 'C'),
  ],
  projects: [],
  coverage: [],
};

describe('buildStreetPages', () => {
  const [jia, yi] = buildStreetPages(input);

  it('gives each street its own villages, in order', () => {
    expect(jia?.villages.map((v) => v.village_code)).toEqual(['A', 'B']);
    expect(yi?.villages.map((v) => v.village_code)).toEqual(['C']);
    expect(jia?.shuangdaoVillages.map((v) => v.village_code)).toEqual(['A']);
  });

  it('sums exit categories over the street’s villages only', () => {
    expect(jia?.exits.map((e) => e.households)).toEqual([8, 0, 2]);
    expect(jia?.villages[1]).toMatchObject({ 巩固提升: 2, 加大帮扶: 0, 重点帮扶: 2 });
  });

  it('separates street-wide items from village items, each most urgent first', () => {
    expect(jia?.streetWide.map((r) => r.issue_id)).toEqual(['w2', 'w1']);
    // Overdue open first, then open by deadline, done last.
    expect(jia?.villageItems.map((r) => r.issue_id)).toEqual(['a2', 'a1', 'b1']);
    expect(jia?.rectTotals).toMatchObject({ items: 5, done: 2, overdue_open: 2 });
  });

  it('counts open and overdue open items per village (a late-done item is not open)', () => {
    expect(jia?.villages.map((v) => [v.rect_open, v.rect_overdue_open])).toEqual([
      [2, 1],
      [0, 0],
    ]);
  });
});
