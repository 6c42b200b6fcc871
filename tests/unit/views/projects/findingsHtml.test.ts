import { describe, expect, it } from 'vitest';
import type { ProjectItem, ShortcomingCoverageRow } from '../../../../src/queries/projects.ts';
import { renderFindingsHtml } from '../../../../src/views/projects/findingsHtml.ts';
import { projectTotals } from '../../../../src/views/projects/projects.ts';

const shortcoming = (
  code: string,
  mechanism: string,
  library: string,
  projects: number,
): ShortcomingCoverageRow => ({
  street: '甲街道',
  village_code: code,
  village_name: `村${code}`,
  shuangdao_round: '1',
  dimension: '产业发展',
  mechanism_in_place: mechanism,
  shortcoming: '缺少主导产业',
  proposed_project: '建设扶贫车间',
  estimated_investment_wan: 80,
  in_project_library: library,
  responsible_unit: '区农业农村局',
  projects,
  budget_wan: 0,
  disbursed_wan: 0,
});

const project = (id: string): ProjectItem => ({
  project_id: id,
  plan_year: 2016,
  street: null,
  village_code: null,
  village_name: null,
  project_name: `${id}工程`,
  category: '基础设施',
  task: '任务',
  fund_source: '中央财政',
  budget_wan: 20,
  disbursed_wan: 2,
  implementer: '单位',
  start_date: '2016-03-01',
  end_date: '2016-09-01',
  status: '已验收',
  beneficiary_households: 4,
  benefit_mechanism: null,
  shortcoming_dimension: null,
  performance_goal: null,
});

const totals = projectTotals([
  {
    dim: 'all',
    key: null,
    status: null,
    projects: 30,
    budget_wan: 600,
    disbursed_wan: 60,
    beneficiaries: 120,
    ahead: 0,
    behind: 25,
    no_beneficiaries: 1,
  },
]);

const html = renderFindingsHtml({
  totals,
  coverage: [
    shortcoming('a', '否', '是', 0),
    shortcoming('b', '否', '否', 2),
    shortcoming('c', '是', '是', 0),
    shortcoming('d', '否', '否', 0),
  ],
  lists: {
    拨付超前: [],
    拨付滞后: [project('XM-1'), project('XM-2')],
    无受益贫困户: [project('XM-3')],
  },
  listHref: (x) => `/projects/?project_finding=${encodeURIComponent(x)}`,
});
const count = (title: string) =>
  new RegExp(`data-finding-count="${title}">.*?(\\d+)<span`).exec(html)?.[1];

describe('the findings block', () => {
  it('counts every finding, zeros included', () => {
    expect(count('短板没有对应项目')).toBe('2');
    expect(count('纳入项目库但没有项目')).toBe('2');
    expect(count('拨付超前')).toBe('0');
    expect(count('拨付滞后')).toBe('25');
    expect(count('无受益贫困户')).toBe('1');
    expect(html).toContain('“双到”村未建立长效机制的 3 项短板中。');
    expect(html).toContain('已纳入项目库的 2 项中');
  });

  it('lists the shortcomings, each village linked to its projects', () => {
    const unanswered = html.slice(
      html.indexOf('id="projects-finding-unanswered"'),
      html.indexOf('id="projects-finding-library"'),
    );
    expect(unanswered.match(/href="\/villages\/(\w)\/#village-projects"/g)).toEqual([
      'href="/villages/a/#village-projects"',
      'href="/villages/d/#village-projects"',
    ]);
  });

  it('shows the first projects of a finding and links to all of them in the list', () => {
    expect(html).toContain('拨付滞后的项目（前 2 个，共 25 个）');
    expect(html).toContain(
      `href="/projects/?project_finding=${encodeURIComponent('拨付滞后')}">在项目清单中查看全部 25 个 →`,
    );
    expect(html).toContain('<td>全区项目</td>');
    // A finding without projects says so instead of vanishing.
    const ahead = html.slice(html.indexOf('id="projects-finding-ahead"'));
    expect(ahead).toMatch(/^[^]*?拨付超前（0 个项目）[^]*?没有。/);
  });
});
