import { describe, expect, it } from 'vitest';
import {
  COVERAGE_STATES,
  coverageOf,
  hasFinding,
  isShortcoming,
  projectFindingsOf,
  shortcomingFindings,
  type ProjectFacts,
} from '../../../../src/views/projects/projectFindings.ts';

const project = (over: Partial<ProjectFacts>): ProjectFacts => ({
  status: '在建',
  budget_wan: 20,
  disbursed_wan: 8,
  beneficiary_households: 3,
  ...over,
});

describe('project findings', () => {
  it('finds nothing in a project paid as its works stand', () => {
    expect(projectFindingsOf(project({}))).toEqual([]);
    expect(projectFindingsOf(project({ status: '已验收', disbursed_wan: 20 }))).toEqual([]);
    expect(projectFindingsOf(project({ status: '未开工', disbursed_wan: 0 }))).toEqual([]);
  });

  it('拨付超前: money paid before the works start, or all of it while they are under way', () => {
    expect(projectFindingsOf(project({ status: '未开工', disbursed_wan: 0.01 }))).toEqual([
      '拨付超前',
    ]);
    expect(projectFindingsOf(project({ status: '在建', disbursed_wan: 20 }))).toEqual(['拨付超前']);
    expect(hasFinding(project({ status: '在建', disbursed_wan: 19.99 }), '拨付超前')).toBe(false);
  });

  it('拨付滞后: finished works with less than half paid; exactly half is not behind', () => {
    expect(hasFinding(project({ status: '已完工', disbursed_wan: 9.99 }), '拨付滞后')).toBe(true);
    expect(hasFinding(project({ status: '已验收', disbursed_wan: 0 }), '拨付滞后')).toBe(true);
    expect(hasFinding(project({ status: '已完工', disbursed_wan: 10 }), '拨付滞后')).toBe(false);
    // 19.7 × 0.5 and 9.85 are the same double: equal, so not behind (as in SQL).
    expect(
      hasFinding(project({ status: '已完工', budget_wan: 19.7, disbursed_wan: 9.85 }), '拨付滞后'),
    ).toBe(false);
    expect(hasFinding(project({ status: '在建', disbursed_wan: 0 }), '拨付滞后')).toBe(false);
  });

  it('无受益贫困户: a project counting no poor household; findings come in their fixed order', () => {
    expect(
      projectFindingsOf(project({ status: '已完工', disbursed_wan: 1, beneficiary_households: 0 })),
    ).toEqual(['拨付滞后', '无受益贫困户']);
  });
});

describe('shortcomings and the projects answering them', () => {
  const row = (mechanism: string, projects: number, library: string | null = '否') => ({
    mechanism_in_place: mechanism,
    in_project_library: library,
    projects,
  });

  it('gives each village × 领域 one of four states', () => {
    expect(coverageOf(row('否', 0))).toBe('缺项目');
    expect(coverageOf(row('否', 2))).toBe('补短板');
    expect(coverageOf(row('是', 1))).toBe('有项目');
    expect(coverageOf(row('是', 0))).toBe('无短板');
    expect(COVERAGE_STATES).toHaveLength(4);
    expect(isShortcoming(row('否', 0))).toBe(true);
  });

  it('lists shortcomings no project answers, and library entries with no project', () => {
    const rows = [
      { id: 'a', ...row('否', 0, '是') },
      { id: 'b', ...row('否', 1, '是') },
      { id: 'c', ...row('是', 0, '是') },
      { id: 'd', ...row('否', 0, '否') },
      { id: 'e', ...row('是', 0, null) },
    ];
    const f = shortcomingFindings(rows);
    expect(f.unanswered.map((r) => r.id)).toEqual(['a', 'd']);
    expect(f.libraryWithoutProject.map((r) => r.id)).toEqual(['a', 'c']);
  });
});
