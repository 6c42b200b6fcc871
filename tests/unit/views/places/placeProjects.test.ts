import { describe, expect, it } from 'vitest';
import type { ProjectItem, ShortcomingCoverageRow } from '../../../../src/queries/projects.ts';
import type { VillageRow } from '../../../../src/queries/places.ts';
import {
  findingsText,
  indexPlaceProjects,
  phasesTakeaway,
  projectPhases,
  summarizeProjects,
  summaryText,
} from '../../../../src/views/places/placeProjects.ts';

const project = (id: string, over: Partial<ProjectItem> = {}): ProjectItem => ({
  project_id: id,
  plan_year: 2018,
  street: '甲街道',
  village_code: 'v1',
  village_name: '新村',
  project_name: `新村${id}工程`,
  category: '基础设施',
  task: '任务',
  fund_source: '区级财政',
  budget_wan: 10.1,
  disbursed_wan: 5.05,
  implementer: '单位',
  start_date: '2018-03-01',
  end_date: null,
  status: '在建',
  beneficiary_households: 3,
  benefit_mechanism: null,
  shortcoming_dimension: null,
  performance_goal: null,
  ...over,
});
const village = (code: string, street = '甲街道'): VillageRow => ({
  street,
  village_code: code,
  village_name: `村${code}`,
  shuangdao_round: null,
  is_poor_village: '否',
  households: 10,
  persons: 30,
  household_detail: '按村公开',
});

const ITEMS = [
  project('A'),
  project('B', { status: '已验收', end_date: '2018-06-01', disbursed_wan: 1 }),
  project('C', {
    village_code: 'v2',
    village_name: '东村',
    status: '未开工',
    start_date: null,
    disbursed_wan: 2,
  }),
  project('D', { village_code: null, village_name: null, beneficiary_households: 0 }),
  project('E', { street: '乙街道', village_code: 'v3' }),
  project('F', { street: null, village_code: null }),
];

describe('projects by place', () => {
  const index = indexPlaceProjects(ITEMS, [
    { village_code: 'v1', dimension: '基础设施', projects: 1 } as ShortcomingCoverageRow,
  ]);

  it("gives a village its own projects, its coverage and its street's street-wide count", () => {
    const v1 = index.village(village('v1'));
    expect(v1.items.map((p) => p.project_id)).toEqual(['A', 'B']);
    expect(v1.coverage).toHaveLength(1);
    expect(v1.streetWide).toBe(1);
    expect(v1.summary).toMatchObject({
      projects: 2,
      budget_wan: 20.2,
      disbursed_wan: 6.05,
      done: 1,
    });
    expect(v1.summary.findings).toEqual({ 拨付超前: 0, 拨付滞后: 1, 无受益贫困户: 0 });
    expect(index.village(village('v9', '乙街道'))).toMatchObject({ items: [], streetWide: 0 });
  });

  it('gives a street every project of its villages and its own, never the district-wide ones', () => {
    const jia = index.street('甲街道', [village('v1'), village('v2'), village('v4')]);
    expect(jia.summary.projects).toBe(4);
    expect(jia.villages.map((v) => [v.village_code, v.projects])).toEqual([
      ['v1', 2],
      ['v2', 1],
      ['v4', 0],
    ]);
    expect(jia.streetWide.map((p) => p.project_id)).toEqual(['D']);
    expect(jia.summary.flagged).toBe(3);
  });
});

describe('what the place pages say', () => {
  it('sums up the projects and names the findings', () => {
    const s = summarizeProjects(ITEMS.slice(0, 4));
    expect(summaryText(s, '本村')).toBe(
      '本村 4 个项目：计划资金 40.4 万元，已拨付 13.1 万元（32.4%），受益贫困户 9 户次；已完工或已验收 1 个。',
    );
    expect(findingsText(s)).toBe('需关注：拨付超前 1 个，拨付滞后 1 个，无受益贫困户 1 个。');
    expect(findingsText(summarizeProjects([ITEMS[0]!]))).toBe('');
  });

  it('draws started projects from start to end (or under way), without the village name', () => {
    expect(projectPhases(ITEMS.slice(0, 3), '新村')).toEqual([
      { name: 'A工程', start: '2018-03-01', end: '' },
      { name: 'B工程', start: '2018-03-01', end: '2018-06-01' },
    ]);
    expect(phasesTakeaway(ITEMS.slice(0, 3))).toBe(
      '3 个项目中 2 个已开工（其中 1 个已完工或已验收），1 个未开工或未填开工日期。',
    );
  });
});
