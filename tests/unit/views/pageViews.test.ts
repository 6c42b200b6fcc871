/**
 * Every page's view, built from the fixture database the way the build builds
 * it, pinned as a file snapshot (tests/unit/views/__snapshots__/<page>.json):
 * a change to what a page shows — a figure, a takeaway, a table row, a chart's
 * markup — shows up here as a diff to read, not only as a passing build.
 * Functions (row links) are written as the link of the first row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignSchema, type Campaign } from '../../../src/contract/input/campaign.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import { openNodeEngine } from '../../../src/engine/node.ts';
import { exitTopic } from '../../../src/views/exit/exitView.ts';
import { loadOverview } from '../../../src/views/overview/overview.ts';
import { loadPlaceData } from '../../../src/views/places/loadPlaceData.ts';
import { rectificationTopic } from '../../../src/views/rectification/rectificationView.ts';
import { registrationTopic } from '../../../src/views/registration/registrationView.ts';
import { loadTopicPage } from '../../../src/views/shared/loadTopicPage.ts';
import type { TopicSpec } from '../../../src/views/shared/topicSpec.ts';
import type { AnyTopicView } from '../../../src/views/shared/topicView.ts';
import { shuangdaoTopic } from '../../../src/views/shuangdao/shuangdaoView.ts';
import { projectsTopic } from '../../../src/views/projects/projectsView.ts';
import { writeFixtureDb } from '../engine/fixtureDb.ts';

let dir: string;
let engine: Engine & { close(): void };
let campaign: Campaign;
/** The fixture database has projects: as a publication given projects.csv. */
const manifest = { projects_provided: true };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'htk-page-views-'));
  const file = path.join(dir, 'fixture.duckdb');
  await writeFixtureDb(file);
  engine = await openNodeEngine(file);
  campaign = CampaignSchema.parse(
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../fixtures/valid/campaign.json'), 'utf8'),
    ),
  );
});

afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** JSON with functions replaced by what they give for the first row of their figure. */
function snapshot(value: unknown): string {
  return `${JSON.stringify(
    value,
    function (this: Record<string, unknown>, _key, v: unknown) {
      if (typeof v !== 'function') return v;
      const rows = (this as { rows?: unknown[] }).rows ?? [];
      return rows.length > 0 ? `→ ${String((v as (r: unknown) => unknown)(rows[0]))}` : '→';
    },
    2,
  )}\n`;
}

/** The unfiltered view and context of a topic page, as the build makes them. */
const topic =
  <C, V extends AnyTopicView>(spec: TopicSpec<C, V>) =>
  async () => {
    const { ctx, view } = await loadTopicPage(spec, { engine, campaign, manifest });
    return snapshot({ ctx, view });
  };

describe('topic page views', () => {
  const pages = [
    ['registration', topic(registrationTopic)],
    ['exit', topic(exitTopic)],
    ['shuangdao', topic(shuangdaoTopic)],
    ['rectification', topic(rectificationTopic)],
    ['projects', topic(projectsTopic)],
  ] as const;
  for (const [name, view] of pages)
    it(`${name}: the unfiltered view and its context`, async () => {
      await expect(await view()).toMatchFileSnapshot(`__snapshots__/${name}.json`);
    });

  it('projects: a finding filter narrows every part to its projects', async () => {
    const { ctx } = await loadTopicPage(projectsTopic, { engine, campaign, manifest });
    const { runQuerySet } = await import('../../../src/views/shared/topicSpec.ts');
    const f = { project_finding: '拨付滞后' } as const;
    const filtered = projectsTopic.render(
      await runQuerySet(engine, projectsTopic.queries(f, ctx, {})),
      ctx,
      f,
      {},
    );
    await expect(snapshot(filtered)).toMatchFileSnapshot('__snapshots__/projects-behind.json');
  });

  it('projects: without projects.csv the page queries nothing', async () => {
    const { ctx, view } = await loadTopicPage(projectsTopic, {
      engine,
      campaign,
      manifest: { projects_provided: false },
    });
    expect(ctx.provided).toBe(false);
    expect(projectsTopic.queries({}, ctx, {})).toEqual({});
    expect(view.keyFigures[0]).toMatchObject({ label: '项目', value: 0 });
  });

  it('exit: one street filter changes what every part says', async () => {
    const { ctx, view } = await loadTopicPage(exitTopic, { engine, campaign, manifest });
    const { runQuerySet } = await import('../../../src/views/shared/topicSpec.ts');
    const street = (view.figures.streetsCount.rows[0]?.name ?? '') as string;
    const filtered = exitTopic.render(
      await runQuerySet(engine, exitTopic.queries({ street }, ctx, {})),
      ctx,
      { street },
      {},
    );
    await expect(snapshot(filtered)).toMatchFileSnapshot('__snapshots__/exit-street.json');
  });
});

describe('place and overview views', () => {
  it('overview', async () => {
    await expect(snapshot(await loadOverview(engine))).toMatchFileSnapshot(
      '__snapshots__/overview.json',
    );
  });

  it('the first village and street pages', async () => {
    const { villagePages, streetPages } = await loadPlaceData(engine);
    await expect(
      snapshot({ village: villagePages[0], street: streetPages[0] }),
    ).toMatchFileSnapshot('__snapshots__/places.json');
  });
});
