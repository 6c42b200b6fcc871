/**
 * What the site points out about a project without calling it an error (the
 * contract's "findings"): money paid ahead of the works, finished works far
 * from paid, and a project that counts no poor household. Here as the SQL the
 * `project_finding` filter and the counts use; the same rules as functions of
 * one project are in src/views/projects/projectFindings.ts, and a unit test
 * holds the two to the same answers.
 */
import { sql, type SqlQuery } from './sql.ts';

/** The findings, in the order the page lists them. */
export const PROJECT_FINDINGS = ['拨付超前', '拨付滞后', '无受益贫困户'] as const;
export type ProjectFinding = (typeof PROJECT_FINDINGS)[number];

/** 拨付滞后: works finished (已完工 or 已验收) but less than this share of the planned funds paid. */
export const BEHIND_SHARE = 0.5;

/** One sentence per finding: what it means (the page prints these beside the counts). */
export const PROJECT_FINDING_DEFINITIONS: Readonly<Record<ProjectFinding, string>> = {
  拨付超前: '未开工却已拨付资金，或仍在建却已全额拨付。',
  拨付滞后: `已完工或已验收，但已拨付不到计划资金的 ${BEHIND_SHARE * 100}%。`,
  无受益贫困户: '受益贫困户数为 0：资金没有落到建档立卡户的项目。',
};

/** Each finding as a condition on a row of the `projects` table. */
export const PROJECT_FINDING_WHERE: Readonly<Record<ProjectFinding, SqlQuery>> = {
  拨付超前: sql`((status = '未开工' AND disbursed_wan > 0) OR (status = '在建' AND disbursed_wan >= budget_wan))`,
  拨付滞后: sql`(status IN ('已完工', '已验收') AND disbursed_wan < budget_wan * ${BEHIND_SHARE})`,
  无受益贫困户: sql`(beneficiary_households = 0)`,
};

/** The column each finding's count is returned in (projectBreakdown). */
export const PROJECT_FINDING_COLUMNS: Readonly<Record<ProjectFinding, string>> = {
  拨付超前: 'ahead',
  拨付滞后: 'behind',
  无受益贫困户: 'no_beneficiaries',
};
