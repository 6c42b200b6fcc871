/**
 * The projects a village or street page shows, sliced out of the whole list
 * (projectItems in place order) and the 双到 coverage rows: a village's own
 * projects and how its 领域 are answered; a street's projects in all, per
 * village, and those covering the whole street. Pure.
 */
import { PROJECT_DONE_STATUSES } from '../../contract/enums.ts';
import type { VillageRow } from '../../queries/places.ts';
import { PROJECT_FINDINGS, type ProjectFinding } from '../../queries/projectFindings.ts';
import type { ProjectItem, ShortcomingCoverageRow } from '../../queries/projects.ts';
import type { Phase } from '../../render/charts/timelineChart.ts';
import { formatNumber, formatPercent } from '../../render/format.ts';
import { groupBy } from '../shared/byStreet.ts';
import { hasFinding, projectFindingsOf } from '../projects/projectFindings.ts';
import { sumProjects, type FundSums } from '../projects/projects.ts';

/** Sums of some projects, how many are finished, and how many show each finding. */
export type ProjectSummary = FundSums & {
  done: number;
  /** Projects showing any finding, and each one. */
  flagged: number;
  findings: Record<ProjectFinding, number>;
};

export function summarizeProjects(items: readonly ProjectItem[]): ProjectSummary {
  return {
    ...sumProjects(items),
    done: items.filter((p) => (PROJECT_DONE_STATUSES as readonly string[]).includes(p.status))
      .length,
    flagged: items.filter((p) => projectFindingsOf(p).length > 0).length,
    findings: Object.fromEntries(
      PROJECT_FINDINGS.map((f) => [f, items.filter((p) => hasFinding(p, f)).length]),
    ) as Record<ProjectFinding, number>,
  };
}

/** What a village page shows of projects. */
export interface VillageProjects {
  /** The village's own projects, by 项目编号. */
  items: ProjectItem[];
  summary: ProjectSummary;
  /** Its 双到 领域 with the projects answering each (empty for other villages). */
  coverage: ShortcomingCoverageRow[];
  /** Projects covering its whole street (listed on the street page). */
  streetWide: number;
}

/** A village's line in its street's project table. */
export type StreetProjectVillage = Pick<VillageRow, 'village_code' | 'village_name'> &
  ProjectSummary;

/** What a street page shows of projects. */
export interface StreetProjects {
  /** Every project of the street: its villages' and the street-wide ones. */
  summary: ProjectSummary;
  villages: StreetProjectVillage[];
  /** Projects covering the whole street (no village), by 项目编号. */
  streetWide: ProjectItem[];
}

/** Projects and coverage by place, for the pages to pick from. */
export interface PlaceProjectIndex {
  village: (village: Pick<VillageRow, 'village_code' | 'street'>) => VillageProjects;
  street: (street: string, villages: readonly VillageRow[]) => StreetProjects;
}

export function indexPlaceProjects(
  items: readonly ProjectItem[],
  coverage: readonly ShortcomingCoverageRow[],
): PlaceProjectIndex {
  const byVillage = groupBy(
    items.filter((p) => p.village_code),
    (p) => p.village_code,
  );
  const byStreet = groupBy(
    items.filter((p) => p.street),
    (p) => p.street,
  );
  const streetWide = groupBy(
    items.filter((p) => p.street && !p.village_code),
    (p) => p.street,
  );
  const coverageOf = groupBy(coverage, (r) => r.village_code);
  return {
    village: ({ village_code, street }) => {
      const own = byVillage.get(village_code) ?? [];
      return {
        items: own,
        summary: summarizeProjects(own),
        coverage: coverageOf.get(village_code) ?? [],
        streetWide: streetWide.get(street)?.length ?? 0,
      };
    },
    street: (street, villages) => ({
      summary: summarizeProjects(byStreet.get(street) ?? []),
      villages: villages.map((v) => ({
        village_code: v.village_code,
        village_name: v.village_name,
        ...summarizeProjects(byVillage.get(v.village_code) ?? []),
      })),
      streetWide: streetWide.get(street) ?? [],
    }),
  };
}

/** "本村 13 个项目：计划资金 812.3 万元，已拨付 402.15 万元（49.5%），受益贫困户 256 户次；已完工或已验收 6 个。" */
export function summaryText(s: ProjectSummary, subject: string): string {
  return (
    `${subject} ${formatNumber(s.projects)} 个项目：计划资金 ${formatNumber(s.budget_wan, 2)} 万元，` +
    `已拨付 ${formatNumber(s.disbursed_wan, 2)} 万元（${formatPercent(s.paid_share)}），` +
    `受益贫困户 ${formatNumber(s.beneficiaries)} 户次；已完工或已验收 ${formatNumber(s.done)} 个。`
  );
}

/** "需关注：拨付超前 1 个，无受益贫困户 2 个。" — '' when no project shows a finding. */
export function findingsText(s: ProjectSummary): string {
  const parts = PROJECT_FINDINGS.filter((f) => s.findings[f] > 0).map(
    (f) => `${f} ${formatNumber(s.findings[f])} 个`,
  );
  return parts.length === 0 ? '' : `需关注：${parts.join('，')}。`;
}

/**
 * The projects as timeline rows: those started, from 开工日期 to 完工日期 (or
 * under way), named without the village's name they usually begin with.
 */
export function projectPhases(items: readonly ProjectItem[], placeName: string): Phase[] {
  return items
    .filter((p) => p.start_date)
    .map((p) => ({
      name:
        p.project_name.startsWith(placeName) && p.project_name.length > placeName.length
          ? p.project_name.slice(placeName.length)
          : p.project_name,
      start: p.start_date ?? '',
      end: p.end_date ?? '',
    }));
}

/** "13 个项目中 9 个已开工（其中 6 个已完工或已验收），4 个未开工或未填开工日期。" */
export function phasesTakeaway(items: readonly ProjectItem[]): string {
  const started = items.filter((p) => p.start_date);
  const done = started.filter((p) =>
    (PROJECT_DONE_STATUSES as readonly string[]).includes(p.status),
  ).length;
  const waiting = items.length - started.length;
  return (
    `${formatNumber(items.length)} 个项目中 ${formatNumber(started.length)} 个已开工（其中 ${formatNumber(done)} 个已完工或已验收）` +
    (waiting > 0 ? `，${formatNumber(waiting)} 个未开工或未填开工日期。` : '。')
  );
}
