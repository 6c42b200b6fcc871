/**
 * /villages/search-index.json — every village with its pinyin keys, for the
 * search box on /villages/ (fetched on demand when the list is too long to
 * embed in the page; see FULL_LIST_MAX).
 */
import type { APIRoute } from 'astro';
import { getPublication } from '../../build/site/publication.ts';
import { loadPlaceData } from '../../views/places/loadPlaceData.ts';
import { buildVillageSearchIndex } from '../../views/places/villageSearchIndex.ts';

export const GET: APIRoute = async () => {
  const { villages } = await loadPlaceData((await getPublication()).engine);
  return new Response(JSON.stringify(buildVillageSearchIndex(villages)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
