/**
 * A publication record: publications/<as_of>.json, one per publication,
 * committed with the project by `npm run publish` and read by the pages (the
 * 更新记录 history, 本次更新). Aggregates only, never anything per household.
 */
import { z } from 'zod';
import { parseDate } from './input/cells.ts';

const count = z.number().int().min(0);
const isoDate = z
  .string()
  .refine((s) => parseDate(s) === s, { message: '应为 YYYY-MM-DD 格式的日期' });
/** Persons null: not published (a street or the district remainder of fewer than k households, docs/privacy.md). */
const people = z.object({ households: count, persons: count.nullable() }).strict();

/** The key of households_by_exit_category for households whose category is withheld. */
export const UNCATEGORISED_HOUSEHOLDS = '分类不公开';
/** An amount in 万元, exact to two decimals (the published DECIMAL, summed). */
const wan = z.number().min(0);

/**
 * Projects, when the publication has projects.csv (a record without it — one
 * from before the file existed, or a publication without it — has none).
 */
export const ProjectFiguresSchema = z
  .object({
    projects: count,
    /** 计划资金 and 已拨付, summed (万元). */
    budget_wan: wan,
    disbursed_wan: wan,
    /** 已完工 or 已验收. */
    done: count,
    /** 受益贫困户数 summed over the projects (户次). */
    beneficiaries: count,
  })
  .strict();
export type ProjectFigures = z.output<typeof ProjectFiguresSchema>;

/** The figures of one publication: aggregates from the named queries, nothing per household. */
export const PublicationFiguresSchema = z
  .object({
    /** Households and persons by 建档状态 (peopleByStatus). */
    people_by_status: z.record(z.string(), people),
    /**
     * Households (not 清退) by 脱贫成效分类 (exitCategoryPeople, or exitCategoryTotals
     * when a street is published by 建档状态 only); households whose category is
     * withheld under UNCATEGORISED_HOUSEHOLDS.
     */
    households_by_exit_category: z.record(z.string(), count),
    /** 新增纳入 / 清退 change records so far (changesByType). */
    changes: z
      .object({
        households_added: count,
        persons_added: count,
        households_removed: count,
        persons_removed: count,
      })
      .strict(),
    /** Rectification items by 整改状态, and overdue (rectificationTotals). */
    rectifications: z
      .object({
        items: count,
        done: count,
        in_progress: count,
        not_started: count,
        overdue: count,
        overdue_open: count,
      })
      .strict(),
    /** 双到 villages, and per 领域 those without a long-term mechanism (shortcomingsByDimension). */
    shuangdao_villages: count,
    shuangdao_villages_with_gap: z.record(z.string(), count),
    /** Households and persons (not 清退) per street (registrationByArea). */
    households_by_street: z.record(z.string(), people),
    /** Projects and their funds (projectBreakdown); absent when projects.csv was not given. */
    projects: ProjectFiguresSchema.optional(),
  })
  .strict();
export type PublicationFigures = z.output<typeof PublicationFiguresSchema>;

/**
 * What the disclosure rules cost this publication (from its privacy report and
 * change tallies): how many household rows were generalised to each level,
 * and which figures are published only as counts or not at all. `npm run
 * bench` sets a new publication's beside the last recorded one's.
 */
export const PublicationPrivacySchema = z
  .object({
    /** Smallest group of household rows. */
    k: z.number().int().min(1),
    /** 建档立卡 households published as rows. */
    household_rows: count,
    /** Rows at each generalisation level (src/contract/privacyReport.ts LevelCounts). */
    rows_by_level: z
      .object({
        exact: count,
        type_labor_blanked: count,
        size_blanked: count,
        street_only: count,
        district_only: count,
      })
      .strict(),
    /** Rows generalised further only because their group shared a sensitive value. */
    rows_for_diversity: count,
    /** Rows lent to complete another group. */
    rows_lent: count,
    /** Villages whose rows are published under their street or the district. */
    villages_not_by_village: count,
    /** Sensitive values withheld (only when the district's last group fails). */
    values_withheld: count,
    /** Villages whose 建档立卡 persons are not published (fewer than k households). */
    village_persons_withheld: count,
    /** Reason-category tallies shown by street, rolled up to the district, withheld. */
    reason_categories: z.object({ street: count, district: count, withheld: count }).strict(),
    /** Closed months tallied; of them, kept as an earlier publication published them; records that came later, counted only. */
    reason_periods: count.optional(),
    reason_periods_kept: count.optional(),
    reason_records_late: count.optional(),
    /** Villages whose persons are withheld only so that their street's persons give no small remainder. */
    village_persons_withheld_for_street: count.optional(),
    /** Streets (or the district remainder) published by 建档状态 only; their cells without persons. */
    street_areas_by_status_only: count.optional(),
    street_cells_persons_withheld: count.optional(),
    /** 建档立卡 households counted only in the district remainder (their villages' rows went to the district). */
    district_remainder_households: count.optional(),
    /** Change records, each published only as a count (date → week, persons → street, reason → category tally). */
    change_records_counted: count,
    /** Villages with changes, whose change persons are published only by street. */
    villages_with_changes: count,
  })
  .strict();
export type PublicationPrivacy = z.output<typeof PublicationPrivacySchema>;

/** One change_reasons row as published: a closed month's tally. */
export const ReasonTallySchema = z
  .object({
    period: z.string().regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM 格式的月份'),
    street: z.string().nullable(),
    change_type: z.string().min(1),
    reason_category: z.string().min(1),
    records: count,
  })
  .strict();
export type ReasonTally = z.output<typeof ReasonTallySchema>;

/** One published file and its SHA-256, as in downloads/SHA256SUMS. */
export const PublishedDigestSchema = z
  .object({
    /** Path inside the site, e.g. `downloads/households.csv`. */
    path: z.string().min(1),
    bytes: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 SHA-256'),
  })
  .strict();
export type PublishedDigest = z.output<typeof PublishedDigestSchema>;

export const PUBLICATION_RECORD_VERSION = 1;

/**
 * publications/<as_of>.json — one publication. No timestamps: re-publishing the
 * same data writes the same figures and the same digests of the CSV, Parquet and
 * JSON files — but not of the DuckDB file, which is never byte-identical twice
 * (DuckDB writes a random 16-byte identifier into its file headers, and a few
 * hundred bytes inside data blocks differ too — apparently space written as it
 * was in memory; seen with @duckdb/node-api 1.5.6, one thread or more), so its
 * digest and name change, and with them SHA256SUMS, which lists it.
 */
export const PublicationRecordSchema = z
  .object({
    version: z.literal(PUBLICATION_RECORD_VERSION),
    as_of: isoDate,
    region: z.string().min(1),
    title: z.string().min(1),
    /** Fictional data (campaign.json `sample`, or a hand-made demonstration record). */
    sample: z.boolean().default(false),
    /** Optional remark shown beside the record. */
    note: z.string().optional(),
    figures: PublicationFiguresSchema,
    /** What the disclosure rules cost; absent in records made before the rules of docs/privacy.md. */
    privacy: PublicationPrivacySchema.optional(),
    /**
     * The reason tallies published (change_reasons: closed months only). A later
     * publication publishes these months exactly so, whatever records arrive
     * for them later (docs/privacy.md). Absent in records made before the rule.
     */
    reason_tallies: z.array(ReasonTallySchema).optional(),
    files: z.array(PublishedDigestSchema),
  })
  .strict();
export type PublicationRecord = z.output<typeof PublicationRecordSchema>;

/** The file a record is kept in: `2018-07-20.json`. */
export const recordFileName = (asOf: string) => `${asOf}.json`;

/** Validates a record read from `source`; throws a message naming the file and the field. */
export function parsePublicationRecord(value: unknown, source: string): PublicationRecord {
  const result = PublicationRecordSchema.safeParse(value);
  if (!result.success) {
    const why = result.error.issues
      .map((i) => `${i.path.join('.') || '（根）'}: ${i.message}`)
      .join('；');
    throw new Error(`发布记录 ${source} 格式不对：${why}`);
  }
  return result.data;
}

/** The record as written to disk: stable key order, files sorted, trailing newline. */
export function formatPublicationRecord(record: PublicationRecord): string {
  const files = [...record.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...record, files }, null, 2)}\n`;
}
