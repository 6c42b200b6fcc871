/**
 * The publication reader — the one part of build/ pages may import: the
 * publication (manifest, campaign), an engine over its DuckDB file, and the
 * publication history including this one. `cli/build.ts` publishes first and passes the
 * folder in HTK_PUBLISH_DIR; without it (`astro dev`) the data folder is
 * validated and published here once per process into .build/dev-publish.
 * Node only. Paths resolve from process.cwd(): prerendered code runs from
 * dist/.prerender, so paths relative to the module would point there.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Campaign } from '../../contract/input/campaign.ts';
import type { Engine } from '../../engine/engine.ts';
import { openNodeEngine } from '../../engine/node.ts';
import type { Dataset } from '../../contract/input/datasets.ts';
import type { PublishManifest } from '../../contract/manifest.ts';
import { publish } from '../publish/publish.ts';
import type { AnswersIndex } from '../../views/shared/answers.ts';
import { ANSWERS_SUMMARY, buildAnswers, type AnswersSummary } from '../answers/buildAnswers.ts';
import {
  buildPublicationHistory,
  type PublicationHistory,
} from '../../views/updates/publications.ts';
import { publicationsDir, readPublicationRecords } from './publicationHistory.ts';
import { buildPublicationRecord, digestsFromManifest } from './publicationRecord.ts';
import { frozenReasonsFrom } from './frozenReasons.ts';

export interface Publication {
  dir: string;
  manifest: PublishManifest;
  campaign: Campaign;
  engine: Engine;
  /** Where the pre-built answers are and what each page fetches after first paint. */
  answers: AnswersIndex;
}

let current: Promise<Publication> | undefined;

/** The publication every page reads from (memoised). */
export function getPublication(): Promise<Publication> {
  current ??= openPublication();
  return current;
}

async function openPublication(): Promise<Publication> {
  const dir = process.env.HTK_PUBLISH_DIR ?? (await publishForDev());
  const manifest = JSON.parse(
    await readFile(path.join(dir, 'manifest.json'), 'utf8'),
  ) as PublishManifest;
  const campaign = JSON.parse(await readFile(path.join(dir, 'campaign.json'), 'utf8')) as Campaign;
  const engine = await openNodeEngine(path.join(dir, manifest.db.path));
  const { dir: answersDir, pages } = JSON.parse(
    await readFile(path.join(dir, ANSWERS_SUMMARY), 'utf8'),
  ) as AnswersSummary;
  const answers: AnswersIndex = { dir: answersDir, pages };
  return { dir, manifest, campaign, engine, answers };
}

async function publishForDev(): Promise<string> {
  const { loadDataset } = await import('../validate/loadDataset.ts');
  const { formatIssue } = await import('../validate/issues.ts');
  const dataDir = process.env.DATA_DIR ?? 'data';
  const result = await loadDataset(dataDir, { displayDir: dataDir });
  if (!result.ok || !result.data) {
    throw new Error(`数据有错误：\n${result.issues.map(formatIssue).join('\n')}`);
  }
  const dir = path.resolve('.build', 'dev-publish');
  await publishForSite(result.data, dir);
  return dir;
}

/**
 * Publishes validated data for the site build: the public files (publish),
 * the topic pages' pre-built answers (src/build/answers/, into data/answers/),
 * and the campaign settings the pages read (kept beside them, not copied into the site).
 * The recorded history (publications/) is read for the reason tallies to keep.
 */
export async function publishForSite(
  data: Dataset,
  dir: string,
): Promise<{ manifest: PublishManifest; answers: AnswersSummary }> {
  // Closed months an earlier publication tallied keep their reason tallies (docs/privacy.md).
  const frozenReasons = frozenReasonsFrom(
    await readPublicationRecords(publicationsDir()),
    data.campaign,
  );
  const manifest = await publish(data, dir, { frozenReasons });
  await writeFile(path.join(dir, 'campaign.json'), JSON.stringify(data.campaign, null, 2));
  const engine = await openNodeEngine(path.join(dir, manifest.db.path));
  try {
    const answers = await buildAnswers(dir, { engine, campaign: data.campaign, manifest });
    return { manifest, answers };
  } finally {
    engine.close();
  }
}

let history: Promise<PublicationHistory> | undefined;

/** The history the pages show: recorded publications and the one being built (memoised). */
export function getPublicationHistory(): Promise<PublicationHistory> {
  history ??= (async () => {
    const { campaign, engine, manifest } = await getPublication();
    const current = await buildPublicationRecord({
      campaign,
      engine,
      privacy: manifest.privacy,
      files: digestsFromManifest(manifest),
      projectsProvided: manifest.projects_provided,
    });
    return buildPublicationHistory(await readPublicationRecords(publicationsDir()), current);
  })();
  return history;
}
