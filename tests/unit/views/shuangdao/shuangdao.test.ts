import { describe, expect, it } from 'vitest';
import {
  buildDimensionRows,
  buildStreetSummary,
  gapTakeaway,
  groupMatrixByStreet,
  investmentTakeaway,
  matrixTakeaway,
  projectTakeaway,
  shuangdaoStreetPath,
  shuangdaoTotals,
  streetTakeaway,
  type ShortcomingRow,
} from '../../../../src/views/shuangdao/shuangdao.ts';

const row = (
  street: string,
  code: string,
  name: string,
  dimension: string,
  mechanism: '是' | '否',
  extra: Partial<ShortcomingRow> = {},
): ShortcomingRow => ({
  street,
  village_code: code,
  village_name: name,
  shuangdao_round: '1',
  dimension,
  mechanism_in_place: mechanism,
  shortcoming: mechanism === '否' ? '缺' : null,
  proposed_project: null,
  estimated_investment_wan: null,
  in_project_library: '否',
  responsible_unit: '区农业农村局',
  ...extra,
});
const DIMS = ['基础设施', '公共服务设施', '产业发展', '基层党建'];
const village = (street: string, code: string, name: string, gaps: string[]) =>
  DIMS.map((d) => row(street, code, name, d, gaps.includes(d) ? '否' : '是'));

describe('buildDimensionRows', () => {
  it('returns all four 领域 in the contract order, zeros for a 领域 the data lacks', () => {
    const rows = buildDimensionRows([
      {
        dimension: '产业发展',
        villages: 5,
        villages_with_gap: 2,
        projects: 3,
        in_library: 1,
        investment_wan: 40,
        projects_unpriced: 1,
      },
    ]);
    expect(rows.map((r) => r.dimension)).toEqual(DIMS);
    const industry = rows[2]!;
    expect(industry).toMatchObject({
      villages: 5,
      with_gap: 2,
      in_place: 3,
      projects: 3,
      in_library: 1,
      not_in_library: 2,
    });
    expect(rows[0]).toMatchObject({ villages: 0, with_gap: 0, projects: 0 });
  });
});

describe('takeaways by 领域', () => {
  const rows = buildDimensionRows([
    {
      dimension: '基础设施',
      villages: 10,
      villages_with_gap: 4,
      projects: 4,
      in_library: 4,
      investment_wan: 100,
    },
    {
      dimension: '公共服务设施',
      villages: 10,
      villages_with_gap: 1,
      projects: 2,
      in_library: 0,
      investment_wan: 300,
    },
    {
      dimension: '产业发展',
      villages: 10,
      villages_with_gap: 4,
      projects: 0,
      in_library: 0,
      investment_wan: 0,
    },
    {
      dimension: '基层党建',
      villages: 10,
      villages_with_gap: 0,
      projects: 0,
      in_library: 0,
      investment_wan: 0,
    },
  ]);

  it('names every 领域 tied for the most gaps, with its share', () => {
    expect(gapTakeaway(rows)).toBe(
      '10 个“双到”村中，基础设施、产业发展短板最多：4 个村未建立长效机制（40%）。',
    );
  });

  it('counts projects in the library and names the 领域 with most outside it', () => {
    expect(projectTakeaway(rows)).toBe(
      '拟建项目 6 个，已纳入项目库 4 个（66.7%）；未纳入最多的是公共服务设施（2 个）。',
    );
  });

  it('totals the investment and names the largest 领域', () => {
    expect(investmentTakeaway(rows)).toBe(
      '估算投资合计 400万元，公共服务设施最多（300万元，75%）。',
    );
  });

  it('says plainly when there is no 双到 village or project', () => {
    const none = buildDimensionRows([]);
    expect(gapTakeaway(none)).toBe('没有“双到”村数据。');
    expect(projectTakeaway(none)).toBe('暂无拟建项目。');
    expect(investmentTakeaway(none)).toBe('暂无估算投资。');
  });
});

describe('buildStreetSummary', () => {
  const streets = [
    { street: '甲街道', villages: 10 },
    { street: '乙镇', villages: 6 },
    { street: '丙镇', villages: 4 },
  ];
  const byStreet = [
    {
      street: '甲街道',
      villages: 3,
      round1: 2,
      round2: 1,
      villages_with_gap: 2,
      gaps: 5,
      projects: 4,
      in_library: 3,
      investment_wan: 50,
    },
    {
      street: '丙镇',
      villages: 2,
      round1: 0,
      round2: 2,
      villages_with_gap: 0,
      gaps: 0,
      projects: 1,
      in_library: 1,
      investment_wan: 7.5,
    },
  ];

  it('keeps the street order, and lists streets without any 双到 village apart', () => {
    const { rows, withoutShuangdao } = buildStreetSummary(streets, byStreet);
    expect(rows.map((r) => r.street)).toEqual(['甲街道', '丙镇']);
    expect(withoutShuangdao).toEqual(['乙镇']);
    expect(rows[0]).toMatchObject({ all_villages: 10, villages: 3, with_gap: 2, complete: 1 });
  });

  it('sums the region from the streets and names the street with most villages with gaps', () => {
    const { rows, withoutShuangdao } = buildStreetSummary(streets, byStreet);
    expect(shuangdaoTotals(rows)).toEqual({
      villages: 5,
      round1: 2,
      round2: 3,
      with_gap: 2,
      gaps: 5,
      projects: 5,
      in_library: 4,
      investment_wan: 57.5,
    });
    expect(streetTakeaway(rows, withoutShuangdao)).toBe(
      '2 个街道有“双到”村，甲街道有短板的村最多（2 / 3 个）；1 个街道没有“双到”村。',
    );
  });

  it('handles a data set with no 双到 village at all', () => {
    const { rows, withoutShuangdao } = buildStreetSummary(streets, []);
    expect(rows).toEqual([]);
    expect(withoutShuangdao).toHaveLength(3);
    expect(streetTakeaway(rows, withoutShuangdao)).toBe('没有任何街道有“双到”村。');
  });
});

describe('groupMatrixByStreet', () => {
  const rows = [
    ...village('甲街道', '001', '东村', ['基础设施', '产业发展']),
    ...village('甲街道', '002', '西村', []),
    ...village('乙镇', '101', '东村', ['基层党建']),
    ...village('乙镇', '102', '东村', []),
  ];
  rows[4] = { ...rows[4]!, proposed_project: '新建文化室', estimated_investment_wan: 12 };

  it('makes one matrix per street with a cell per village × 领域', () => {
    const [a, b] = groupMatrixByStreet(rows);
    expect(a!.street).toBe('甲街道');
    expect(a!.villages.map((v) => [v.label, v.gaps])).toEqual([
      ['东村', 2],
      ['西村', 0],
    ]);
    expect(a!.cells).toHaveLength(8);
    expect(a!.cells.find((c) => c.row === '东村' && c.column === '产业发展')?.value).toBe('否');
    expect(b!.street).toBe('乙镇');
  });

  it('lists gaps and also rows with a project although the mechanism is in place', () => {
    const [a] = groupMatrixByStreet(rows);
    expect(a!.shortcomings.map((r) => `${r.village_name}/${r.dimension}`)).toEqual([
      '东村/基础设施',
      '东村/产业发展',
      '西村/基础设施',
    ]);
    expect(a!.gaps).toBe(2);
    expect(a!.investment_wan).toBe(12);
  });

  it('tells apart two villages of one street that share a name by their code', () => {
    const [, b] = groupMatrixByStreet(rows);
    expect(b!.villages.map((v) => v.label)).toEqual(['东村（101）', '东村（102）']);
    expect(new Set(b!.cells.map((c) => c.row))).toEqual(new Set(['东村（101）', '东村（102）']));
  });

  it('summarises a street: complete villages and the one with most gaps', () => {
    const [a, b] = groupMatrixByStreet(rows);
    expect(matrixTakeaway(a!)).toBe(
      '2 个“双到”村中，1 个四个领域都已建立长效机制；东村短板最多（2 个领域未建立）。',
    );
    const [none] = groupMatrixByStreet(village('丙镇', '201', '南村', []));
    expect(matrixTakeaway(none!)).toBe('1 个“双到”村四个领域都已建立长效机制。');
    const [all] = groupMatrixByStreet([
      ...village('丁镇', '301', '北村', ['基础设施']),
      ...village('丁镇', '302', '中村', ['基础设施', '基层党建']),
    ]);
    expect(matrixTakeaway(all!)).toBe(
      '2 个“双到”村都有领域未建立长效机制；中村短板最多（2 个领域未建立）。',
    );
    expect(b!.villages).toHaveLength(2);
  });
});

describe('shuangdaoStreetPath', () => {
  it('encodes the street name in the path', () => {
    expect(shuangdaoStreetPath('田墘街道')).toBe(
      '/shuangdao/%E7%94%B0%E5%A2%98%E8%A1%97%E9%81%93/',
    );
  });
});
