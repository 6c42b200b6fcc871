/**
 * Cross-file consistency: the plan's "逻辑关系相互矛盾". Runs on the rows that
 * passed their own file's rules; values of rows that failed there (`failedKeys`)
 * are treated as unknown rather than reported a second time.
 */
import { DIMENSIONS } from '../../contract/enums.ts';
import type { Village } from '../../contract/input/villages.ts';
import type { Household } from '../../contract/input/households.ts';
import type { HouseholdChange } from '../../contract/input/householdChanges.ts';
import type { Shortcoming } from '../../contract/input/shortcomings.ts';
import type { Rectification } from '../../contract/input/rectifications.ts';
import type { Project } from '../../contract/input/projects.ts';
import type { ValidationIssue } from './issues.ts';
import type { FileValidation } from './validateFile.ts';
import { maskPersonalData } from './personalData.ts';
import { checkStatuses } from './checkStatuses.ts';
import { checkProjects } from './checkProjects.ts';
import { baseName, villageRefs, type Report } from './villageRefs.ts';

/** One file's validation, with the path its issues are reported under. */
export type CheckedFile<Row> = FileValidation<Row> & { file: string };

export interface CrossCheckInput {
  /** campaign.json's as_of (YYYY-MM-DD); null when campaign.json is invalid. */
  asOf: string | null;
  /** Absent when the file is missing or could not be decoded. */
  villages?: CheckedFile<Village>;
  households?: CheckedFile<Household>;
  household_changes?: CheckedFile<HouseholdChange>;
  shortcomings?: CheckedFile<Shortcoming>;
  rectifications?: CheckedFile<Rectification>;
  /** Absent also when the optional projects.csv was not provided. */
  projects?: CheckedFile<Project>;
}

/** Checks that the files agree with each other and with campaign.json. */
export function crossCheck(input: CrossCheckInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const {
    asOf,
    villages,
    households,
    household_changes: changes,
    shortcomings,
    rectifications,
    projects,
  } = input;
  const at =
    <Row>(f: CheckedFile<Row>): Report =>
    (i, key, code, message) =>
      issues.push({
        file: f.file,
        line: f.lines[i],
        column: f.headers[key],
        code,
        message: maskPersonalData(message),
        severity: 'error',
      });
  const notAfterAsOf = <Row>(f: CheckedFile<Row>, key: keyof Row & string, header: string) => {
    if (asOf === null) return;
    const report = at(f);
    f.rows.forEach((row, i) => {
      const value = row[key] as string | null;
      if (value !== null && value > asOf)
        report(
          i,
          key,
          'constraint-error',
          `${header} ${value} 晚于数据截止日期 ${asOf}（campaign.json 的 as_of）`,
        );
    });
  };

  const refs = villageRefs(villages);
  const { villagesName } = refs;
  const asOfYear = asOf === null ? null : Number(asOf.slice(0, 4));

  if (households) {
    const report = at(households);
    households.rows.forEach((h, i) => {
      refs.checkVillage(report, i, h.village_code);
      if (asOfYear !== null && h.enrolled_year > asOfYear)
        report(
          i,
          'enrolled_year',
          'constraint-error',
          `纳入年份 ${h.enrolled_year} 晚于数据截止日期 ${asOf} 所在年份`,
        );
    });
  }

  if (changes) {
    const report = at(changes);
    const ids = households?.keys.household_id;
    const householdKnown = (id: string) =>
      households === undefined ||
      !households.readable ||
      ids?.has(id) ||
      households.failedKeys.get('household_id')!.has(id);
    const householdsName = households ? baseName(households.file) : 'households.csv';
    changes.rows.forEach((c, i) => {
      if (!householdKnown(c.household_id))
        report(
          i,
          'household_id',
          'foreign-key',
          `户编号 ${c.household_id} 不在 ${householdsName} 中`,
        );
    });
    notAfterAsOf(changes, 'date', changes.headers.date ?? '变动日期');
    if (households && changes.readable) checkStatuses(households, changes, at(households));
  }

  if (shortcomings) {
    const report = at(shortcomings);
    const dimensionsByVillage = new Map<string, Set<string>>();
    shortcomings.rows.forEach((s, i) => {
      const village = refs.checkVillage(report, i, s.village_code);
      if (village?.shuangdao_round === null)
        report(
          i,
          'village_code',
          'foreign-key',
          `村代码 ${s.village_code}（${village.village_name}）不是"双到"村：${villagesName} 中它的双到轮次为空`,
        );
      const set = dimensionsByVillage.get(s.village_code) ?? new Set();
      dimensionsByVillage.set(s.village_code, set.add(s.dimension));
    });
    if (villages && shortcomings.readable) {
      const report = at(villages);
      const failed = shortcomings.failedKeys.get('village_code')!;
      villages.rows.forEach((v, i) => {
        if (v.shuangdao_round === null || failed.has(v.village_code)) return;
        const present = dimensionsByVillage.get(v.village_code);
        const missing = DIMENSIONS.filter((d) => !present?.has(d));
        if (missing.length > 0)
          report(
            i,
            'shuangdao_round',
            'foreign-key',
            `"双到"村 ${v.village_code}（${v.village_name}）在 ${baseName(shortcomings.file)} 中缺少领域：${missing.join('、')}（每个领域应各有一行）`,
          );
      });
    }
  }

  if (rectifications) {
    const report = at(rectifications);
    rectifications.rows.forEach((r, i) => {
      refs.checkStreet(report, i, r.street);
      if (r.village_code !== null) refs.checkVillage(report, i, r.village_code, r.street);
    });
    notAfterAsOf(rectifications, 'found_date', rectifications.headers.found_date ?? '发现日期');
    notAfterAsOf(
      rectifications,
      'completed_date',
      rectifications.headers.completed_date ?? '完成日期',
    );
  }

  if (projects) {
    const report = at(projects);
    checkProjects(projects, { refs, households, shortcomings }, report);
    if (asOfYear !== null)
      projects.rows.forEach((p, i) => {
        // The village project library runs 2018—2020, planned two years ahead of 2018.
        if (p.plan_year > asOfYear + 2)
          report(
            i,
            'plan_year',
            'constraint-error',
            `计划年度 ${p.plan_year} 超出范围：最晚为数据截止日期 ${asOf} 所在年份后两年，即 ${asOfYear + 2}`,
          );
      });
    notAfterAsOf(projects, 'start_date', projects.headers.start_date ?? '开工日期');
    notAfterAsOf(projects, 'end_date', projects.headers.end_date ?? '完工日期');
  }
  return issues;
}
