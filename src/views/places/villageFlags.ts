import type { VillageRow } from '../../queries/places.ts';

/**
 * Fields of a search-index entry that flag a kind of village ('' when not one):
 * a topic page offering only such villages (TopicSpec.villagesWith) filters the
 * index by the same field, in the browser, that the build filters the rows by.
 */
export const VILLAGE_FLAGS = {
  shuangdao: (v: Pick<VillageRow, 'shuangdao_round'>): string => v.shuangdao_round ?? '',
} as const;
export type VillageFlag = keyof typeof VILLAGE_FLAGS;
