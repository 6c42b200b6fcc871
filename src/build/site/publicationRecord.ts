/**
 * Builds the record of a publication (publications/<as_of>.json) from the
 * published DuckDB file, with the same named queries the pages run — so the
 * history shows exactly the figures the site showed — and the published files'
 * SHA-256, from the manifest at build time or from a built site's SHA256SUMS.
 * Node only (reads files); the figures need only an Engine.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine, Row } from '../../engine/engine.ts';
import type { Campaign } from '../../contract/input/campaign.ts';
import {
  changesByType,
  exitCategoryPeople,
  exitCategoryTotals,
  peopleByStatus,
  projectBreakdown,
  reasonTallyRows,
  rectificationTotals,
  registrationByArea,
  shortcomingsByDimension,
  streetList,
} from '../../queries/index.ts';
import { changeCountsByVillage } from '../../queries/villagePage.ts';
import { DIMENSIONS, EXIT_CATEGORIES, HOUSEHOLD_STATUSES } from '../../contract/enums.ts';
import type { PrivacyReport } from '../../contract/privacyReport.ts';
import {
  PUBLICATION_RECORD_VERSION,
  UNCATEGORISED_HOUSEHOLDS,
  type PublicationFigures,
  type PublicationPrivacy,
  type PublicationRecord,
  type PublishedDigest,
} from '../../contract/publicationRecord.ts';
import { orderedKeys } from '../../views/updates/publications.ts';
import { sha256File } from '../publish/checksums.ts';
import { DOWNLOADS_DIR, type PublishManifest } from '../../contract/manifest.ts';
import { toNumber } from '../../views/shared/numbers.ts';
import { projectTotals } from '../../views/projects/projects.ts';

/** Persons as published: null where street_people withholds some (docs/privacy.md). */
const personsOf = (v: unknown): number | null =>
  v === null || v === undefined ? null : toNumber(v);

/**
 * The aggregate figures of the publication `engine` reads; project figures
 * only when projects.csv was given (manifest.projects_provided).
 */
export async function collectPublicationFigures(
  engine: Engine,
  { projectsProvided }: { projectsProvided: boolean },
): Promise<PublicationFigures> {
  // One after another: one connection, and the browser engine queues anyway.
  const people = await engine.query(peopleByStatus({}));
  // Exact (street_people); where a street is published by 建档状态 only, from the household
  // rows instead (every 建档立卡 household has its category there, as the overview reads them).
  let exits = await engine.query(exitCategoryPeople({}));
  if (exits.some((r) => r.exit_category === null || r.exit_category === undefined))
    exits = await engine.query(exitCategoryTotals({}));
  const changes = await engine.query(changesByType({}));
  const rect: Row = (await engine.query(rectificationTotals({})))[0] ?? {};
  const dims = await engine.query(shortcomingsByDimension({}));
  const streets = await engine.query(registrationByArea({}, 'street'));
  const villages = await engine.query(streetList());
  const projects = projectsProvided
    ? projectTotals(await engine.query(projectBreakdown({})))
    : null;
  const change = (type: string) => changes.find((r) => r.change_type === type);
  // Keys in the contract's order (streets in the villages' order): the file reads like the site.
  const keyed = <T>(rows: Row[], key: string, fixed: readonly string[], value: (r: Row) => T) => {
    const byKey = new Map(rows.map((r) => [String(r[key]), value(r)]));
    const keys = orderedKeys(fixed, Object.fromEntries(byKey)).filter((k) => byKey.has(k));
    return Object.fromEntries(keys.map((k) => [k, byKey.get(k) as T]));
  };
  const streetOrder = villages.map((r) => String(r.street));
  return {
    people_by_status: keyed(people, 'status', HOUSEHOLD_STATUSES, (r) => ({
      households: toNumber(r.households),
      persons: personsOf(r.persons),
    })),
    households_by_exit_category: keyed(
      exits.map((r) => ({ ...r, exit_category: r.exit_category ?? UNCATEGORISED_HOUSEHOLDS })),
      'exit_category',
      EXIT_CATEGORIES,
      (r) => toNumber(r.households),
    ),
    changes: {
      households_added: toNumber(change('新增纳入')?.records),
      persons_added: toNumber(change('新增纳入')?.persons),
      households_removed: toNumber(change('清退')?.records),
      // 清退 records carry negative person deltas.
      persons_removed: -toNumber(change('清退')?.persons),
    },
    rectifications: {
      items: toNumber(rect.items),
      done: toNumber(rect.done),
      in_progress: toNumber(rect.in_progress),
      not_started: toNumber(rect.not_started),
      overdue: toNumber(rect.overdue),
      overdue_open: toNumber(rect.overdue_open),
    },
    shuangdao_villages: villages.reduce((s, r) => s + toNumber(r.shuangdao_villages), 0),
    shuangdao_villages_with_gap: keyed(dims, 'dimension', DIMENSIONS, (r) =>
      toNumber(r.villages_with_gap),
    ),
    households_by_street: keyed(streets, 'name', streetOrder, (r) => ({
      households: toNumber(r.households_now),
      persons: personsOf(r.persons_now),
    })),
    ...(projects && {
      projects: {
        projects: projects.projects,
        budget_wan: projects.budget_wan,
        disbursed_wan: projects.disbursed_wan,
        done: projects.done,
        beneficiaries: projects.beneficiaries,
      },
    }),
  };
}

/** The entries whose value is known (a privacy report made before a rule lacks its figures). */
function optional<T extends Record<string, number | undefined>>(
  o: T,
): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, number>
  >;
}

/** What the disclosure rules cost the publication: its privacy report, and its change tallies from `engine`. */
export async function collectPrivacySummary(
  engine: Engine,
  report: PrivacyReport,
): Promise<PublicationPrivacy> {
  const changes = await engine.query(changeCountsByVillage());
  return {
    k: report.k,
    household_rows: report.households,
    rows_by_level: { ...report.levels },
    rows_for_diversity: report.for_diversity,
    rows_lent: report.borrowed,
    villages_not_by_village: report.villages_not_by_village.length,
    values_withheld: Object.values(report.withheld_values).reduce((a, n) => a + n, 0),
    village_persons_withheld: report.aggregates.village_persons_withheld,
    reason_categories: {
      street: report.aggregates.reason_cells.street,
      district: report.aggregates.reason_cells.district,
      withheld: report.aggregates.reason_cells.withheld,
    },
    ...optional({
      reason_periods: report.aggregates.reason_cells.periods,
      reason_periods_kept: report.aggregates.reason_cells.frozen_periods,
      reason_records_late: report.aggregates.reason_cells.late_records,
      village_persons_withheld_for_street: report.aggregates.village_persons_withheld_for_street,
      street_areas_by_status_only: report.aggregates.street_cells?.by_status_only,
      street_cells_persons_withheld: report.aggregates.street_cells?.persons_withheld,
      district_remainder_households: report.aggregates.street_cells?.district_remainder,
    }),
    change_records_counted: changes.reduce((a, r) => a + toNumber(r.records), 0),
    villages_with_changes: new Set(changes.map((r) => String(r.village_code))).size,
  };
}

/** The record of a publication: campaign, figures from `engine`, the privacy summary, the published files' digests. */
export async function buildPublicationRecord(input: {
  campaign: Campaign;
  engine: Engine;
  /** The publication's privacy report (manifest.json `privacy`, downloads/privacy-report.json). */
  privacy: PrivacyReport;
  files: readonly PublishedDigest[];
  /** manifest.projects_provided: whether the record has project figures. */
  projectsProvided: boolean;
}): Promise<PublicationRecord> {
  const { campaign } = input;
  return {
    version: PUBLICATION_RECORD_VERSION,
    as_of: campaign.as_of,
    region: campaign.region,
    title: campaign.title,
    sample: campaign.sample,
    figures: await collectPublicationFigures(input.engine, {
      projectsProvided: input.projectsProvided,
    }),
    privacy: await collectPrivacySummary(input.engine, input.privacy),
    reason_tallies: (await input.engine.query(reasonTallyRows())).map((r) => ({
      period: String(r.period),
      street: r.street === null || r.street === undefined ? null : String(r.street),
      change_type: String(r.change_type),
      reason_category: String(r.reason_category),
      records: toNumber(r.records),
    })),
    files: [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The published files' digests from a manifest (paths as in the site). */
export function digestsFromManifest(manifest: PublishManifest): PublishedDigest[] {
  return manifest.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 }));
}

/**
 * Entries of a SHA256SUMS file kept in `folder`, with paths made relative to the
 * site root (`../data/x.duckdb` in downloads/ → `data/x.duckdb`).
 */
export function parseSha256Sums(
  text: string,
  folder = DOWNLOADS_DIR,
): { path: string; sha256: string }[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
      if (!m) throw new Error(`SHA256SUMS 中有无法识别的行：${line}`);
      return { sha256: m[1] as string, path: path.posix.normalize(`${folder}/${m[2]}`) };
    });
}

/**
 * The digests of a built site's published files, read from its downloads/SHA256SUMS
 * and checked by hashing every file again (plus SHA256SUMS itself): what is
 * recorded is what is in `siteDir`, or this throws naming the file that differs.
 */
export async function readSiteDigests(siteDir: string): Promise<PublishedDigest[]> {
  const sumsPath = `${DOWNLOADS_DIR}/SHA256SUMS`;
  const sumsFile = path.join(siteDir, sumsPath);
  const entries = parseSha256Sums(await readFile(sumsFile, 'utf8'));
  const out: PublishedDigest[] = [];
  for (const e of entries) {
    const actual = await sha256File(path.join(siteDir, e.path));
    if (actual.sha256 !== e.sha256)
      throw new Error(`${siteDir}/${e.path} 的 SHA-256 与 SHA256SUMS 不符：文件在构建后被改动过？`);
    out.push({ path: e.path, ...actual });
  }
  out.push({ path: sumsPath, ...(await sha256File(sumsFile)) });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
