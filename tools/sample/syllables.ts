/**
 * Syllables for invented place names. Chosen so that the names read as
 * fictional: none of the real villages of 红海湾 (or of most places) start
 * with these, and the real ones' usual first syllables (东/西/南/北/新/上/下/
 * 大/小/田/湖…) are left out on purpose.
 */
export const FIRST_SYLLABLES = [
  '青',
  '晓',
  '云',
  '松',
  '柳',
  '竹',
  '岚',
  '棠',
  '芷',
  '梧',
  '杏',
  '榕',
  '枫',
  '澄',
  '沁',
  '霁',
  '汀',
  '蒲',
  '鹭',
  '桂',
  '莲',
  '槐',
  '橙',
  '荔',
  '蕉',
  '梅',
  '翠',
  '碧',
  '丹',
  '银',
] as const;

export const SECOND_SYLLABLES = [
  '禾',
  '风',
  '溪',
  '岭',
  '埔',
  '塘',
  '园',
  '坪',
  '岗',
  '桥',
  '屿',
  '湾',
  '田',
  '山',
  '林',
  '泉',
  '峰',
  '垌',
  '寮',
  '围',
  '堂',
  '浦',
  '陂',
  '洋',
] as const;

/** Fictional counties for the province-scale layout (checked not to be real county names). */
export const COUNTY_NAMES = [
  '岚溪县',
  '汀岭县',
  '霁川县',
  '鹭屿县',
  '棠坪县',
  '荔垌县',
  '榕陂县',
  '枫寮县',
  '橙湾县',
  '梧峰县',
  '蒲洋县',
  '翠埔县',
  '槐塘县',
  '杏围县',
  '碧岗县',
  '莲浦县',
  '桂泉县',
  '晓林县',
  '澄垌县',
  '银禾县',
] as const;

/** The one village every preset includes by name (searched for as pinyin `hjc` by a later test). */
export const FIXED_VILLAGE_NAME = '黄家村';

/**
 * The n-th two-syllable name of a permutation: `order` is a shuffled list of
 * indices into FIRST × SECOND; past its end, three-syllable names keep every
 * name unique.
 */
export function syllableName(order: readonly number[], n: number): string {
  const f = FIRST_SYLLABLES.length;
  const s = SECOND_SYLLABLES.length;
  if (n < order.length) {
    const k = order[n] as number;
    return `${FIRST_SYLLABLES[Math.floor(k / s)]}${SECOND_SYLLABLES[k % s]}`;
  }
  const k = n - order.length;
  return `${FIRST_SYLLABLES[k % f]}${SECOND_SYLLABLES[Math.floor(k / f) % s]}${SECOND_SYLLABLES[Math.floor(k / (f * s)) % s]}`;
}
