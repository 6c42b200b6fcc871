import { describe, expect, it } from 'vitest';
import { normalizeQuery, searchVillages } from '../../../../src/views/places/searchVillages.ts';
import type { VillageSearchEntry } from '../../../../src/views/places/villageSearchIndex.ts';

const entry = (
  code: string,
  name: string,
  initials: string,
  pinyin: string,
): VillageSearchEntry => ({
  code,
  name,
  street: '某街道',
  households: 1,
  shuangdao: '',
  initials,
  pinyin,
});
// Pinyin written out by hand here, independent of the index builder.
const INDEX = [
  entry('990001', '松堂社区', 'stsq', 'songtangshequ'),
  entry('990002', '黄家村', 'hjc', 'huangjiacun'),
  entry('990003', '新黄家村', 'xhjc', 'xinhuangjiacun'),
  entry('990104', '绿洲村', 'lzc', 'lvzhoucun'),
];
const names = (q: string) => searchVillages(INDEX, q).matches.map((m) => m.name);

describe('searchVillages', () => {
  it('matches pinyin initials, exact matches before contained ones', () => {
    expect(names('hjc')).toEqual(['黄家村', '新黄家村']);
  });
  it('matches full pinyin, ignoring case and spaces; prefixes before contained matches', () => {
    expect(names('Huang Jia')).toEqual(['黄家村', '新黄家村']);
    expect(names('xinhuang')).toEqual(['新黄家村']);
  });
  it('matches Chinese characters anywhere in the name', () => {
    expect(names('黄家')).toEqual(['黄家村', '新黄家村']);
    expect(names('社区')).toEqual(['松堂社区']);
  });
  it('matches ü typed as ü or v', () => {
    expect(names('lü')).toEqual(['绿洲村']);
    expect(names('lvz')).toEqual(['绿洲村']);
  });
  it('matches digits against the village code', () => {
    expect(names('990104')).toEqual(['绿洲村']);
    expect(names('9900')).toHaveLength(3);
  });
  it('matches full-width letters typed by a Chinese IME', () => {
    expect(names('ｈｊｃ')).toEqual(['黄家村', '新黄家村']);
  });
  it('returns nothing for an empty query and nothing for a miss', () => {
    expect(searchVillages(INDEX, '  ')).toEqual({ total: 0, matches: [] });
    expect(names('zzz')).toEqual([]);
  });
  it('counts every match but returns at most `limit`', () => {
    const r = searchVillages(INDEX, 'c', 1);
    expect(r.total).toBe(3); // hjc, xhjc, lzc — no c in songtangshequ
    expect(r.matches).toHaveLength(1);
  });
});

describe('normalizeQuery', () => {
  it('drops spaces and apostrophes and lower-cases', () => {
    expect(normalizeQuery(" Xi'an Cun ")).toBe('xiancun');
  });
});
