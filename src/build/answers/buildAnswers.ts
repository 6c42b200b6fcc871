/**
 * Builds the pre-built answers (src/views/shared/answers.ts) of every topic
 * page from the published database: for each single-filter state the page
 * offers, the rows of each of its named queries — the same spec, the same
 * queries the browser would run, batched (batchQuery.ts) so a province's
 * 2,300 villages take seconds.
 *
 * The files go to data/answers/<digest>/<page>/…, the digest taken over all
 * of them: new content, new address, so a browser or service worker never
 * mixes one publication's answers with another's page. Only published tables
 * are read, so the answers hold nothing the database file does not.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILTERS, type FilterKey, type FilterState } from '../../queries/filters.ts';
import {
  ANSWERS_VERSION,
  STREETS_FILE,
  answerRef,
  packResults,
  type AnswerFile,
  type AnswersIndex,
} from '../../views/shared/answers.ts';
import { loadTopicSetting, type TopicSource } from '../../views/shared/loadTopicPage.ts';
import type { QueryResults, TopicSpec } from '../../views/shared/topicSpec.ts';
import type { AnyTopicView } from '../../views/shared/topicView.ts';
import { batchQuery } from './batchQuery.ts';
import { TOPIC_PAGES } from './topicPages.ts';

/** Where the answers are, relative to the site root, and what they weigh. */
export interface AnswersSummary extends AnswersIndex {
  files: number;
  bytes: number;
  states: number;
  seconds: number;
}

/**
 * Brotli bytes a page may fetch after first paint, unasked: its street states
 * and then its enumerated filters' files, in form order, while they fit. At
 * the sample's scale that is every first tap; at a province's, the pages whose
 * street states are small (a 100-street rectification list is not).
 */
export const PREFETCH_BUDGET = 64 * 1024;

/** The files of a page fetched after first paint: see PREFETCH_BUDGET. */
export function prefetchList(
  keys: readonly FilterKey[],
  files: ReadonlyMap<string, string>,
  budget = PREFETCH_BUDGET,
): string[] {
  const candidates = [STREETS_FILE, ...keys.map((k) => `${k}.json`)].filter((f) => files.has(f));
  const out: string[] = [];
  let used = 0;
  for (const name of candidates) {
    const size = brotliCompressSync(files.get(name) ?? '', {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 5 },
    }).length;
    if (used + size > budget) continue;
    used += size;
    out.push(name);
  }
  return out;
}

/** The answers file beside the published files that names the folder (publication.ts reads it). */
export const ANSWERS_SUMMARY = 'answers.json';

/** Every single-filter state of a page, in a stable order: none, streets, villages, values. */
export function singleFilterStates(
  keys: readonly FilterKey[],
  streets: readonly string[],
  villages: readonly { street: string; village_code: string }[],
): FilterState[] {
  const states: FilterState[] = [{}];
  if (keys.includes('street')) for (const street of streets) states.push({ street });
  if (keys.includes('village'))
    for (const v of villages) states.push({ street: v.street, village: v.village_code });
  for (const key of keys) {
    const options = (FILTERS[key] as { options?: readonly string[] }).options;
    if (key !== 'street' && key !== 'village' && options)
      for (const value of options) states.push({ [key]: value });
  }
  return states;
}

/** The answers of one page: file (relative to the page's folder) → content, and how many states. */
export async function pageAnswers<C>(
  spec: TopicSpec<C, AnyTopicView>,
  source: TopicSource,
): Promise<{ files: Map<string, AnswerFile>; states: number }> {
  const { ctx, villages, streetOptions } = await loadTopicSetting(spec, source);
  const states = singleFilterStates(spec.keys, streetOptions, villages);
  const sets = states.map((f) => spec.queries(f, ctx, {}));
  const results: QueryResults[] = states.map(() => ({}));
  const names = [...new Set(sets.flatMap((s) => Object.keys(s)))];
  for (const name of names) {
    const rows = await batchQuery(
      source.engine,
      sets.map((s) => s[name]),
    );
    rows.forEach((r, i) => {
      if (r) (results[i] as QueryResults)[name] = r;
    });
  }
  const files = new Map<string, AnswerFile>();
  states.forEach((filters, i) => {
    const ref = answerRef({ filters, list: {} }, spec.keys);
    if (!ref) throw new Error(`no answer file for ${JSON.stringify(filters)}`);
    for (const name of ref.files) {
      const file = files.get(name) ?? { v: ANSWERS_VERSION, states: {} };
      if (ref.state in file.states) throw new Error(`two states share ${name}${ref.state}`);
      file.states[ref.state] = packResults(results[i] as QueryResults);
      files.set(name, file);
    }
  });
  return { files, states: states.length };
}

/**
 * Writes every topic page's answers under `<publishDir>/data/answers/<digest>/`
 * and the summary naming it (ANSWERS_SUMMARY); returns the summary.
 */
export async function buildAnswers(
  publishDir: string,
  source: TopicSource,
): Promise<AnswersSummary> {
  const started = performance.now();
  const out = new Map<string, string>();
  const pages: AnswersIndex['pages'] = {};
  let states = 0;
  for (const { page, spec } of TOPIC_PAGES) {
    const texts = new Map<string, string>();
    const answers = await pageAnswers(spec, source);
    for (const [file, content] of answers.files) {
      texts.set(file, JSON.stringify(content));
      out.set(`${page}/${file}`, texts.get(file) ?? '');
    }
    states += answers.states;
    pages[page] = { prefetch: prefetchList(spec.keys, texts) };
  }
  const hash = createHash('sha256');
  for (const name of [...out.keys()].sort()) hash.update(`${name}\0${out.get(name) ?? ''}\0`);
  const dir = `data/answers/${hash.digest('hex').slice(0, 16)}/`;
  let bytes = 0;
  for (const [name, text] of out) {
    const file = path.join(publishDir, dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
  }
  const summary: AnswersSummary = {
    dir,
    pages,
    files: out.size,
    bytes,
    states,
    seconds: (performance.now() - started) / 1000,
  };
  await writeFile(path.join(publishDir, ANSWERS_SUMMARY), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
