import { describe, expect, it } from 'vitest';
import { projectsTakeaway } from '../../../../src/views/overview/overview.ts';
import { projectTotals } from '../../../../src/views/projects/projects.ts';

const totals = (ahead: number, behind: number, none: number, projects = 10) =>
  projectTotals([
    {
      dim: 'all',
      key: null,
      status: null,
      projects,
      budget_wan: 100,
      disbursed_wan: 50,
      beneficiaries: 40,
      ahead,
      behind,
      no_beneficiaries: none,
    },
  ]);

describe("the overview's 资金项目 line", () => {
  it('names the shortcomings without a project and the project findings that occur', () => {
    expect(projectsTakeaway(totals(10, 0, 19), 29)).toBe(
      '需关注：29 项“双到”短板没有对应项目；拨付超前 10 个、无受益贫困户 19 个项目。',
    );
    expect(projectsTakeaway(totals(0, 2, 0), 0)).toBe('需关注：拨付滞后 2 个项目。');
  });

  it('says when there is nothing to look at, or no project at all', () => {
    expect(projectsTakeaway(totals(0, 0, 0), 0)).toBe('没有需关注的情况。');
    expect(projectsTakeaway(totals(0, 0, 0, 0), 3)).toBe('项目表中没有任何项目。');
  });
});
