/**
 * Matching a visitor's query against the village search index. Pure and
 * dependency-free: it runs in the browser island and in unit tests.
 */
import type { VillageSearchEntry } from './villageSearchIndex.ts';

/** Lower case, NFKC (full-width → ASCII), no spaces or apostrophes, ü → v. */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\s'’·]/g, '');
}

/** 0 = exact, 1 = prefix, 2 = contained; null = no match. */
function rank(entry: VillageSearchEntry, q: string): number | null {
  let best: number | null = null;
  const consider = (field: string) => {
    if (!field) return;
    const r = field === q ? 0 : field.startsWith(q) ? 1 : field.includes(q) ? 2 : null;
    if (r !== null && (best === null || r < best)) best = r;
  };
  if (/^\d+$/.test(q)) consider(entry.code);
  else if (/^[a-z0-9]+$/.test(q)) {
    consider(entry.initials);
    consider(entry.pinyin);
  } else consider(entry.name.toLowerCase());
  return best;
}

export interface VillageSearchResult {
  /** How many villages match. */
  total: number;
  /** The best `limit` of them: exact matches, then prefixes, then the rest, each in index order. */
  matches: VillageSearchEntry[];
}

/**
 * Villages whose name contains the query (Chinese), whose pinyin initials or
 * full pinyin contain it (`hjc`, `huangjia`), or whose code contains it (digits).
 */
export function searchVillages(
  index: readonly VillageSearchEntry[],
  query: string,
  limit = 50,
): VillageSearchResult {
  const q = normalizeQuery(query);
  if (q === '') return { total: 0, matches: [] };
  const hits: { entry: VillageSearchEntry; rank: number; i: number }[] = [];
  index.forEach((entry, i) => {
    const r = rank(entry, q);
    if (r !== null) hits.push({ entry, rank: r, i });
  });
  hits.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return { total: hits.length, matches: hits.slice(0, limit).map((h) => h.entry) };
}
