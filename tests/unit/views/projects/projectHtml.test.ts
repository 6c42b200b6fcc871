import { describe, expect, it } from 'vitest';
import type { ProjectItem } from '../../../../src/queries/projects.ts';
import {
  PROJECT_COLUMNS,
  findingBadgesHtml,
  projectPeriod,
  projectPlaceHtml,
  renderProjectTableHtml,
  statusBadgeHtml,
} from '../../../../src/views/projects/projectHtml.ts';
import { PROJECT_SORTS } from '../../../../src/queries/projects.ts';

const project = (over: Partial<ProjectItem> = {}): ProjectItem => ({
  project_id: 'XM-2018-001',
  plan_year: 2018,
  street: '甲街道',
  village_code: '441500000001',
  village_name: '新村',
  project_name: '新村饮水工程',
  category: '基础设施',
  task: '改造供水管网 2 公里',
  fund_source: '区级财政',
  budget_wan: 30.5,
  disbursed_wan: 12.25,
  implementer: '区水务局',
  start_date: '2018-03-01',
  end_date: null,
  status: '在建',
  beneficiary_households: 24,
  benefit_mechanism: null,
  shortcoming_dimension: '基础设施',
  performance_goal: null,
  ...over,
});

describe('project HTML', () => {
  it('says where a project is: village, street only, or the whole district', () => {
    expect(projectPlaceHtml(project())).toBe(
      '<a href="/streets/%E7%94%B2%E8%A1%97%E9%81%93/">甲街道</a> <a href="/villages/441500000001/">新村</a>',
    );
    expect(projectPlaceHtml(project({ village_code: null, village_name: null }))).toContain(
      '（全街道）',
    );
    expect(projectPlaceHtml(project({ street: null, village_code: null }))).toBe(
      '<span class="text-muted">全区项目</span>',
    );
  });

  it("gives the works' period from the dates and the status", () => {
    expect(projectPeriod(project())).toBe('2018年3月1日开工');
    expect(projectPeriod(project({ end_date: '2018-06-30', status: '已完工' }))).toBe(
      '2018年3月1日开工，2018年6月30日完工',
    );
    expect(projectPeriod(project({ start_date: null, status: '未开工' }))).toBe('尚未开工');
    expect(projectPeriod(project({ start_date: null }))).toBe('未填开工日期');
  });

  it('badges the status and each finding', () => {
    expect(statusBadgeHtml('已验收')).toContain('bg-ok-bg');
    expect(findingBadgesHtml(['拨付滞后', '无受益贫困户'])).toMatch(
      /data-finding="拨付滞后".*data-finding="无受益贫困户"/,
    );
    expect(findingBadgesHtml([])).toBe('');
  });

  it('lists projects with sortable headers, raw amounts and flags on those with a finding', () => {
    const html = renderProjectTableHtml(
      [project(), project({ project_id: 'XM-2018-002', status: '未开工', start_date: null })],
      { caption: '项目清单', start: 51, sort: { key: 'budget_wan', dir: 'desc' } },
    );
    expect(html).toContain(
      '<th scope="col" class="num" data-sort-key="budget_wan" aria-sort="descending">',
    );
    expect(html).toContain(
      'data-label="计划资金" data-v="30.5">30.5<span class="narrow-only"> 万元</span>',
    );
    expect(html).toMatch(/data-label="拨付率" data-v="0\.4016\d+">40\.2%/);
    expect(html).toContain('<span class="sr-only">第 51 个 </span>');
    // The second one is not started yet paid: 拨付超前, its row flagged.
    expect(html).toMatch(/<tr data-project="XM-2018-002" class="is-late">/);
    expect(html).not.toMatch(/<tr data-project="XM-2018-001" class="is-late">/);
  });

  it('sorts only by keys the query knows', () => {
    for (const c of PROJECT_COLUMNS) expect(Object.keys(PROJECT_SORTS)).toContain(c.sort);
  });
});
