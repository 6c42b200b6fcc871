/**
 * The village search index, computed at build time: each village with its
 * pinyin (full and initials) so the browser can match `hjc` or `huangjia`
 * against 黄家村 without shipping a pinyin dictionary. Build-time only
 * (pinyin-pro is large); the browser gets the JSON.
 */
import { pinyin } from 'pinyin-pro';
import type { VillageRow } from '../../queries/places.ts';
import { VILLAGE_FLAGS } from './villageFlags.ts';

/** One village in the search index (what /villages/search-index.json holds). */
export interface VillageSearchEntry {
  code: string;
  name: string;
  street: string;
  households: number;
  /** 双到轮次 or '' when none. */
  shuangdao: string;
  /** Pinyin initials without tones, lower case: 黄家村 → `hjc`. */
  initials: string;
  /** Full pinyin without tones or spaces, ü as v: 黄家村 → `huangjiacun`. */
  pinyin: string;
}

/** Full pinyin and initials of a Chinese name (other characters kept, lower-cased). */
export function pinyinKeys(name: string): { initials: string; pinyin: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'consecutive',
  });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { initials: clean.map((s) => s[0]).join(''), pinyin: clean.join('') };
}

/** The search index of a village list, in list order. */
export function buildVillageSearchIndex(villages: readonly VillageRow[]): VillageSearchEntry[] {
  return villages.map((v) => ({
    code: v.village_code,
    name: v.village_name,
    street: v.street,
    households: v.households,
    shuangdao: VILLAGE_FLAGS.shuangdao(v),
    ...pinyinKeys(v.village_name),
  }));
}
