/**
 * The whole attack on one or more built sites, each with the input data folder
 * it was built from: read the truth (the project's own loadDataset), read the
 * site in every format, check the formats agree, attack the tables, scan the
 * files, and compare consecutive publications. Node only.
 */
import { loadDataset } from '../../src/build/validate/loadDataset.ts';
import { comparePublications, type AcrossReport } from './comparePublications.ts';
import { analyseTables } from './analyseTables.ts';
import { attackAnalysis } from './attackTables.ts';
import { tableProblems } from './tableProblems.ts';
import type { TablesReport } from './tablesReport.ts';
import { compareTables, type TableMismatch } from './compareTables.ts';
import { readSite } from './readSite.ts';
import { scanSiteFiles, type FileScan } from './scanSiteFiles.ts';
import { buildTruth } from './truth.ts';

export interface SiteInput {
  /** The input data folder the site was built from (what the neighbour knows). */
  data: string;
  /** The built site (dist/ layout). */
  site: string;
}

export interface SiteReport {
  site: string;
  data: string;
  k: number;
  /** Where k came from. */
  kFrom: 'option' | 'privacy-report.json' | 'campaign.json';
  formats: { downloads: number; mismatches: TableMismatch[] };
  /** The database file attacked, and earlier publications' files kept beside it (scanned, not attacked). */
  databases: { current: string[]; retained: string[] };
  files: FileScan;
  tables: TablesReport;
  problems: { check: string; count: number }[];
  seconds: number;
}

export interface AttackReport {
  sites: SiteReport[];
  /** Each publication against the next one given. */
  across: AcrossReport[];
  /** Total of every problem count: 0 for a safe publication. */
  problems: number;
}

export interface RunOptions {
  /** Overrides the k of the site's privacy report. */
  k?: number;
  examples?: number;
  log?: (line: string) => void;
}

/** Attacks each site with its truth; a site later in the list is the later publication. */
export async function runAttack(
  inputs: readonly SiteInput[],
  options: RunOptions = {},
): Promise<AttackReport> {
  const log = options.log ?? (() => {});
  const sites: SiteReport[] = [];
  const analysed = [];
  for (const input of inputs) {
    const started = performance.now();
    const loaded = await loadDataset(input.data);
    if (!loaded.ok || !loaded.data)
      throw new Error(
        `${input.data}：数据未通过校验（先运行 npm run validate），无法作为攻击者的已知信息`,
      );
    const truth = buildTruth(loaded.data);
    const site = await readSite(input.site);
    log(`${input.site}：已读取 ${site.tables.length} 张表、${site.downloads.length} 个下载文件`);

    const mismatches: TableMismatch[] = [];
    for (const d of site.downloads) {
      const db = site.tables.find((t) => t.name === d.table.name);
      const mismatch = db
        ? compareTables(db, d.table, d.file)
        : compareTables({ name: d.table.name, columns: [], rows: [] }, d.table, d.file);
      if (mismatch) mismatches.push(mismatch);
    }
    const [k, kFrom] =
      options.k !== undefined
        ? [options.k, 'option' as const]
        : site.k !== null
          ? [site.k, 'privacy-report.json' as const]
          : [truth.k, 'campaign.json' as const];

    const analysis = analyseTables(site.tables, truth);
    const tables = attackAnalysis(analysis, truth, { k, examples: options.examples });
    const files = await scanSiteFiles(
      input.site,
      site.files,
      truth.households.map((h) => h.id),
    );
    const problems = [
      ...tableProblems(tables),
      { check: '下载文件与数据库不一致', count: mismatches.length },
      { check: '网站文件中的户编号', count: files.householdIds.length },
      { check: '网站文件中的个人信息', count: files.personalData.length },
    ].filter((p) => p.count > 0);
    sites.push({
      site: input.site,
      data: input.data,
      k,
      kFrom,
      formats: { downloads: site.downloads.length, mismatches },
      databases: { current: site.databases, retained: site.retained },
      files,
      tables,
      problems,
      seconds: (performance.now() - started) / 1000,
    });
    analysed.push({ truth, analysis, k, site: input.site });
  }
  const across: AcrossReport[] = [];
  for (let i = 1; i < analysed.length; i++) {
    const before = analysed[i - 1] as (typeof analysed)[number];
    const after = analysed[i] as (typeof analysed)[number];
    across.push(comparePublications(before, after, { k: after.k, examples: options.examples }));
  }
  const problems =
    sites.reduce((n, s) => n + s.problems.reduce((m, p) => m + p.count, 0), 0) +
    across.reduce((n, a) => n + a.problems, 0);
  return { sites, across, problems };
}
