import { describe, expect, it } from 'vitest';
import type { ShortcomingCoverageRow } from '../../../../src/queries/projects.ts';
import {
  coverageByStreet,
  coverageCounts,
  coverageMatrix,
  coverageTakeaway,
} from '../../../../src/views/projects/coverage.ts';

const row = (
  street: string,
  code: string,
  name: string,
  dimension: string,
  mechanism: string,
  projects: number,
): ShortcomingCoverageRow => ({
  street,
  village_code: code,
  village_name: name,
  shuangdao_round: '1',
  dimension,
  mechanism_in_place: mechanism,
  shortcoming: null,
  proposed_project: null,
  estimated_investment_wan: null,
  in_project_library: '否',
  responsible_unit: null,
  projects,
  budget_wan: projects * 10,
  disbursed_wan: 0,
});

const ROWS = [
  row('甲街道', 'a1', '新村', '基础设施', '否', 0),
  row('甲街道', 'a1', '新村', '产业发展', '否', 1),
  row('甲街道', 'a2', '东村', '基础设施', '是', 2),
  row('乙街道', 'b1', '新村', '基础设施', '是', 0),
];

describe('the 双到 matrix', () => {
  it('has one row per village, the street added where two share a name', () => {
    const m = coverageMatrix(ROWS);
    expect(m.rows).toEqual([
      { label: '新村（甲街道）', code: 'a1' },
      { label: '东村', code: 'a2' },
      { label: '新村（乙街道）', code: 'b1' },
    ]);
    expect(m.cells).toEqual([
      { row: '新村（甲街道）', column: '基础设施', value: '缺项目' },
      { row: '新村（甲街道）', column: '产业发展', value: '补短板' },
      { row: '东村', column: '基础设施', value: '有项目' },
      { row: '新村（乙街道）', column: '基础设施', value: '无短板' },
    ]);
  });

  it('counts the states, per street too, and says them in one line', () => {
    expect(coverageCounts(ROWS)).toEqual({
      缺项目: 1,
      补短板: 1,
      有项目: 1,
      无短板: 1,
      villages: 3,
    });
    expect(coverageByStreet(ROWS).map((r) => [r.street, r.villages, r.缺项目])).toEqual([
      ['甲街道', 2, 1],
      ['乙街道', 1, 0],
    ]);
    expect(coverageTakeaway(ROWS)).toBe(
      '3 个“双到”村有 2 项短板（未建立长效机制）：1 项有对应项目，1 项缺项目；另有 1 个已建立长效机制的领域也有项目。',
    );
    expect(coverageTakeaway(ROWS.slice(3))).toBe('1 个“双到”村四个领域都已建立长效机制。');
    expect(coverageTakeaway([])).toBe('没有符合条件的“双到”村。');
  });
});
