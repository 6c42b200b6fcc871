/**
 * The findings the contract asks the site to show, never hide (they are facts,
 * not build errors), as rules on one row each:
 * - of a project: money paid ahead of the works, finished works far from paid,
 *   no poor household among its beneficiaries — the same rules as the SQL the
 *   `project_finding` filter runs (src/queries/projectFindings.ts; a unit test
 *   holds the two to the same answers);
 * - of a 双到 shortcoming (village × 领域): no project answers a 领域 without a
 *   long-term mechanism (长效机制 否), or one marked as in the project library
 *   (纳入项目库 是).
 * Pure.
 */
import {
  BEHIND_SHARE,
  PROJECT_FINDINGS,
  type ProjectFinding,
} from '../../queries/projectFindings.ts';
import type { ShortcomingCoverageRow } from '../../queries/projects.ts';

/** What the project rules read. */
export interface ProjectFacts {
  status: string;
  budget_wan: number;
  disbursed_wan: number;
  beneficiary_households: number;
}

const RULES: Readonly<Record<ProjectFinding, (p: ProjectFacts) => boolean>> = {
  拨付超前: (p) =>
    (p.status === '未开工' && p.disbursed_wan > 0) ||
    (p.status === '在建' && p.disbursed_wan >= p.budget_wan),
  拨付滞后: (p) =>
    (p.status === '已完工' || p.status === '已验收') &&
    p.disbursed_wan < p.budget_wan * BEHIND_SHARE,
  无受益贫困户: (p) => p.beneficiary_households === 0,
};

/** The findings of one project, in PROJECT_FINDINGS order (none for most). */
export function projectFindingsOf(p: ProjectFacts): ProjectFinding[] {
  return PROJECT_FINDINGS.filter((f) => RULES[f](p));
}

/** Whether a project shows finding `f`. */
export const hasFinding = (p: ProjectFacts, f: ProjectFinding): boolean => RULES[f](p);

/**
 * A 双到 village's 领域 against the projects answering it — what a cell of the
 * matrix says: 缺项目 (a shortcoming, 长效机制 否, that no project answers),
 * 补短板 (a shortcoming with a project), 有项目 (a long-term mechanism in place
 * and a project all the same), 无短板 (neither).
 */
export const COVERAGE_STATES = ['缺项目', '补短板', '有项目', '无短板'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

/** The meaning of each state, as the page's legend says it. */
export const COVERAGE_DEFINITIONS: Readonly<Record<CoverageState, string>> = {
  缺项目: '未建立长效机制（短板），没有对应项目',
  补短板: '未建立长效机制，有对应项目',
  有项目: '已建立长效机制，也有对应项目',
  无短板: '已建立长效机制，没有对应项目',
};

/** What the shortcoming rules read. */
export type ShortcomingFacts = Pick<
  ShortcomingCoverageRow,
  'mechanism_in_place' | 'in_project_library' | 'projects'
>;

/** A shortcoming is a 领域 without a long-term mechanism (anything but 是 counts as 否). */
export const isShortcoming = (s: Pick<ShortcomingFacts, 'mechanism_in_place'>): boolean =>
  s.mechanism_in_place !== '是';

export function coverageOf(s: ShortcomingFacts): CoverageState {
  const answered = s.projects > 0;
  if (isShortcoming(s)) return answered ? '补短板' : '缺项目';
  return answered ? '有项目' : '无短板';
}

/** The shortcoming findings: the rows of each, in the rows' order. */
export interface ShortcomingFindings<T> {
  /** 长效机制 否 and no project answers it. */
  unanswered: T[];
  /** 纳入项目库 是 and no project of that village and 领域. */
  libraryWithoutProject: T[];
}

export function shortcomingFindings<T extends ShortcomingFacts>(
  rows: readonly T[],
): ShortcomingFindings<T> {
  return {
    unanswered: rows.filter((r) => coverageOf(r) === '缺项目'),
    libraryWithoutProject: rows.filter((r) => r.in_project_library === '是' && r.projects === 0),
  };
}
