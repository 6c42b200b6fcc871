/**
 * What every topic page loads at build time: the streets and villages for its
 * filter form, its context, and its unfiltered view — built by the same spec
 * the browser runs after a filter changes.
 */
import type { Campaign } from '../../contract/input/campaign.ts';
import type { PublishManifest } from '../../contract/manifest.ts';
import type { Engine } from '../../engine/engine.ts';
import { streetList, villageList, type StreetRow, type VillageRow } from '../../queries/places.ts';
import type { AnyTopicView } from './topicView.ts';
import { runQuerySet, type TopicSpec } from './topicSpec.ts';

export interface TopicPage<C, V> {
  ctx: C;
  view: V;
  /** Every street, in division-code order. */
  streets: StreetRow[];
  /** The villages the village filter offers. */
  villages: VillageRow[];
}

export async function loadTopicPage<C, V extends AnyTopicView>(
  spec: TopicSpec<C, V>,
  {
    engine,
    campaign,
    manifest,
  }: { engine: Engine; campaign: Campaign; manifest: Pick<PublishManifest, 'projects_provided'> },
): Promise<TopicPage<C, V>> {
  const streets = await engine.query<StreetRow>(streetList());
  const all = await engine.query<VillageRow>(villageList());
  const villages = spec.villages ? all.filter(spec.villages) : all;
  const ctx = spec.context({ campaign, streets, projectsProvided: manifest.projects_provided });
  const view = spec.render(await runQuerySet(engine, spec.queries({}, ctx, {})), ctx, {}, {});
  return { ctx, view, streets, villages };
}
