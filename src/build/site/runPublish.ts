/**
 * `npm run publish [-- DIR]`: builds the site (exactly `npm run build`) and, when
 * the build succeeded, records the publication in publications/<as_of>.json:
 * its figures (aggregates, from the named queries on the built site's DuckDB
 * file) and the SHA-256 of every published file (checked against the built
 * files). Publishing the same as_of again replaces that record.
 *
 * Order: the pages already show the publication being built (they add it to the
 * recorded history at build time), so the record is written after the build —
 * a failed build records nothing, and no second build is needed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CampaignSchema } from '../../contract/input/campaign.ts';
import { CAMPAIGN_FILE } from '../validate/loadDataset.ts';
import { openNodeEngine } from '../../engine/node.ts';
import { DB_DIR, DOWNLOADS_DIR } from '../../contract/manifest.ts';
import type { PrivacyReport } from '../../contract/privacyReport.ts';
import { buildPublicationRecord, readSiteDigests } from './publicationRecord.ts';
import { writePublicationRecord } from './publicationHistory.ts';
import { formatDate } from '../../render/format.ts';
import { runBuild } from './runBuild.ts';

export interface PublishOptions {
  dataDir: string;
  outDir: string;
  /** Where the records are kept (publications/). */
  recordsDir: string;
  log?: (line: string) => void;
}

/** Builds, then records the publication; false (having printed why) when the build refused the data. */
export async function runPublish({
  dataDir,
  outDir,
  recordsDir,
  log = console.error,
}: PublishOptions): Promise<boolean> {
  // The pages read the records from the same folder this run writes to.
  process.env.HTK_PUBLICATIONS_DIR = recordsDir;
  const manifest = await runBuild({ dataDir, outDir, log });
  if (!manifest) {
    log('未发布：没有记录本次发布。');
    return false;
  }
  // Valid: the build has just validated it.
  const campaign = CampaignSchema.parse(
    JSON.parse(await readFile(path.join(dataDir, CAMPAIGN_FILE), 'utf8')),
  );
  const files = await readSiteDigests(outDir);
  const db = files.find((f) => f.path.startsWith(`${DB_DIR}/`) && f.path.endsWith('.duckdb'));
  if (!db) throw new Error(`${outDir}/${DB_DIR}/ 中没有 DuckDB 数据文件`);
  const engine = await openNodeEngine(path.join(outDir, db.path));
  try {
    const privacy = JSON.parse(
      await readFile(path.join(outDir, DOWNLOADS_DIR, 'privacy-report.json'), 'utf8'),
    ) as PrivacyReport;
    const record = await buildPublicationRecord({
      campaign,
      engine,
      privacy,
      files,
      projectsProvided: manifest.projects_provided,
    });
    const { file, replaced } = await writePublicationRecord(recordsDir, record);
    const shown = shownPath(file);
    log(
      `已记录本次发布（数据截止 ${formatDate(record.as_of)}）：${shown}${replaced ? '（替换了同一日期的旧记录）' : ''}`,
    );
    log(
      `请把 ${outDir}/ 的全部内容上传到网站服务器，并保留（提交）${shownPath(recordsDir)}/ 文件夹。`,
    );
  } finally {
    engine.close();
  }
  return true;
}

/** A path relative to the working folder when inside it, else as given. */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}
