/**
 * The pre-built answers are exact: for every topic page and every single-filter
 * state, on the bundled sample and on the generator's `alt` data, the rows in
 * the answer files equal what DuckDB returns for that state's own queries —
 * figures, chart data and table rows alike (they are all query rows). And the
 * browser finds each state where the build put it (answerRef).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnswers, singleFilterStates } from '../../../../src/build/answers/buildAnswers.ts';
import { TOPIC_PAGES } from '../../../../src/build/answers/topicPages.ts';
import { publish } from '../../../../src/build/publish/publish.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import type { Campaign } from '../../../../src/contract/input/campaign.ts';
import { openNodeEngine } from '../../../../src/engine/node.ts';
import { FILTERS } from '../../../../src/queries/filters.ts';
import { answerRef, unpackResults, type AnswerFile } from '../../../../src/views/shared/answers.ts';
import { loadTopicSetting } from '../../../../src/views/shared/loadTopicPage.ts';
import { runQuerySet } from '../../../../src/views/shared/topicSpec.ts';
import { writeSample } from '../../../../tools/sample/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'htk-answers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SETS = {
  sample: path.resolve(import.meta.dirname, '../../../../data'),
  alt: path.join(tmp, 'alt-data'),
} as const;

beforeAll(() => {
  writeSample({ preset: 'alt' }, SETS.alt);
});

describe.each(Object.keys(SETS) as (keyof typeof SETS)[])('pre-built answers on %s', (name) => {
  const out = path.join(tmp, name);
  let campaign: Campaign;
  let engine: Awaited<ReturnType<typeof openNodeEngine>>;
  let dir: string;
  let manifest: Awaited<ReturnType<typeof publish>>;

  beforeAll(async () => {
    const loaded = await loadDataset(SETS[name]);
    expect(loaded.ok).toBe(true);
    manifest = await publish(loaded.data!, out, { duckdbThreads: 1 });
    campaign = loaded.data!.campaign;
    engine = await openNodeEngine(path.join(out, manifest.db.path));
    dir = path.join(out, (await buildAnswers(out, { engine, campaign, manifest })).dir);
  }, 120_000);
  afterAll(() => engine.close());

  it('names its folder in answers.json, by a digest of the content, and what to prefetch', () => {
    const summary = JSON.parse(readFileSync(path.join(out, 'answers.json'), 'utf8'));
    expect(summary.dir).toMatch(/^data\/answers\/[0-9a-f]{16}\/$/);
    expect(summary.states).toBeGreaterThan(100);
    // The street states first, then the filters' files in form order, while they fit the budget.
    for (const { page, spec } of TOPIC_PAGES) {
      const candidates = [
        'streets.json',
        ...spec.keys.filter((k) => k !== 'street' && k !== 'village').map((k) => `${k}.json`),
      ];
      const prefetch: string[] = summary.pages[page].prefetch;
      expect(prefetch[0], page).toBe('streets.json');
      expect(prefetch, page).toEqual(candidates.filter((c) => prefetch.includes(c)));
    }
    // At the sample's scale the first four pages fetch every first tap after first paint.
    for (const { page, spec } of TOPIC_PAGES.slice(0, 4))
      expect(summary.pages[page].prefetch, page).toHaveLength(
        1 + spec.keys.filter((k) => k !== 'street' && k !== 'village').length,
      );
  });

  for (const { page, spec } of TOPIC_PAGES)
    it(`${page}: every single-filter state equals its own queries`, async () => {
      const { ctx, villages, streetOptions } = await loadTopicSetting(spec, {
        engine,
        campaign,
        manifest,
      });
      const states = singleFilterStates(spec.keys, streetOptions, villages);
      // None, each street, each village and each value of the page's enumerated filters.
      const values = spec.keys
        .filter((k) => k !== 'street' && k !== 'village')
        .reduce((n, k) => n + (FILTERS[k] as { options: readonly string[] }).options.length, 0);
      expect(states.length).toBe(
        1 +
          (spec.keys.includes('street') ? streetOptions.length : 0) +
          (spec.keys.includes('village') ? villages.length : 0) +
          values,
      );
      const files = new Map<string, AnswerFile>();
      let nonEmpty = 0;
      for (const filters of states) {
        const ref = answerRef({ filters, list: {} }, spec.keys);
        expect(ref, JSON.stringify(filters)).toBeDefined();
        const answers = [];
        for (const file of ref!.files) {
          if (!files.has(file))
            files.set(
              file,
              JSON.parse(await readFile(path.join(dir, page, file), 'utf8')) as AnswerFile,
            );
          answers.push(unpackResults(files.get(file)!.states[ref!.state]!));
        }
        const answer = answers[0];
        // A street's state is in its shard and in streets.json: the same rows.
        for (const other of answers) expect(other).toEqual(answer);
        const want = await runQuerySet(engine, spec.queries(filters, ctx, {}));
        expect(answer, `${page} ${ref!.files[0]} ${ref!.state}`).toEqual(
          JSON.parse(JSON.stringify(want)),
        );
        if (Object.values(want).some((rows) => rows.length > 0)) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(states.length / 2);
    }, 120_000);
});
