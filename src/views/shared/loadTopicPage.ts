/**
 * What every topic page loads at build time: the streets and villages for its
 * filter form, its context, and its unfiltered view — built by the same spec
 * the browser runs after a filter changes. The pre-built answers
 * (src/build/answers/) start from the same setting.
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { PublishManifest } from '../../contract/manifest.ts';
import type { Engine } from '../../engine/engine.ts';
import { streetList, villageList, type StreetRow, type VillageRow } from '../../queries/places.ts';
import { VILLAGE_FLAGS, type VillageFlag } from '../places/villageFlags.ts';
import type { AnyTopicView } from './topicView.ts';
import { runQuerySet, type TopicPageInfo, type TopicSpec } from './topicSpec.ts';

export interface TopicPageSetting<C> {
  /** The page's path, title and description (the spec's). */
  page: TopicPageInfo;
  /** The page's filters, in form order (the spec's). */
  keys: TopicSpec<C, AnyTopicView>['keys'];
  ctx: C;
  /** Every street, in division-code order. */
  streets: StreetRow[];
  /** The villages the village filter offers. */
  villages: VillageRow[];
  /** The flag those villages have, if the page offers only some (the spec's). */
  villagesWith: VillageFlag | undefined;
  /** The streets the street filter offers: every street, or those of the offered villages. */
  streetOptions: string[];
}

export interface TopicPage<C, V> extends TopicPageSetting<C> {
  view: V;
}

/** What the build reads a page from: the engine over the published file, the campaign, the manifest. */
export type TopicSource = {
  engine: Engine;
  campaign: Campaign;
  manifest: Pick<PublishManifest, 'projects_provided'>;
};

export async function loadTopicSetting<C>(
  spec: TopicSpec<C, AnyTopicView>,
  { engine, campaign, manifest }: TopicSource,
): Promise<TopicPageSetting<C>> {
  const streets = await engine.query<StreetRow>(streetList());
  const all = await engine.query<VillageRow>(villageList());
  const flag = spec.villagesWith;
  const villages = flag ? all.filter((v) => VILLAGE_FLAGS[flag](v) !== '') : all;
  const offered = new Set(villages.map((v) => v.street));
  const streetOptions = streets.map((s) => s.street).filter((s) => !flag || offered.has(s));
  const ctx = spec.context({ campaign, streets, projectsProvided: manifest.projects_provided });
  return {
    page: spec.page,
    keys: spec.keys,
    ctx,
    streets,
    villages,
    streetOptions,
    villagesWith: flag,
  };
}

export async function loadTopicPage<C, V extends AnyTopicView>(
  spec: TopicSpec<C, V>,
  source: TopicSource,
): Promise<TopicPage<C, V>> {
  const setting = await loadTopicSetting(spec, source);
  const view = spec.render(
    await runQuerySet(source.engine, spec.queries({}, setting.ctx, {})),
    setting.ctx,
    {},
    {},
  );
  return { ...setting, view };
}
