import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  compareIncomeBands,
  groupBy,
  groupVillagesByStreet,
  shuangdaoLabel,
} from '../../../../src/views/places/villages.ts';

describe('groupVillagesByStreet', () => {
  const villages = [
    { street: '乙街道', code: '2' },
    { street: '甲街道', code: '1' },
    { street: '乙街道', code: '3' },
  ];

  it('keeps the given street order and each street’s villages in input order', () => {
    const groups = groupVillagesByStreet(villages, ['甲街道', '乙街道']);
    expect(groups.map((g) => g.street)).toEqual(['甲街道', '乙街道']);
    expect(groups[1]?.villages.map((v) => v.code)).toEqual(['2', '3']);
  });

  it('appends streets missing from the order as they come, and keeps empty ordered streets', () => {
    const groups = groupVillagesByStreet(villages, ['丙街道']);
    expect(groups.map((g) => [g.street, g.villages.length])).toEqual([
      ['丙街道', 0],
      ['乙街道', 2],
      ['甲街道', 1],
    ]);
  });
});

describe('groupBy', () => {
  it('puts null keys under the empty string', () => {
    const m = groupBy([{ k: 'a' }, { k: null }, { k: 'a' }], (r) => r.k);
    expect(m.get('a')).toHaveLength(2);
    expect(m.get('')).toHaveLength(1);
  });
});

describe('compareIncomeBands', () => {
  it('orders published bands by their lower bound, "<" first and unreadable last', () => {
    const bands = ['≥10000', '6000–8000', '未知', '<4000', '4000–6000', '8000–10000'];
    expect([...bands].sort(compareIncomeBands)).toEqual([
      '<4000',
      '4000–6000',
      '6000–8000',
      '8000–10000',
      '≥10000',
      '未知',
    ]);
  });
});

describe('shuangdaoLabel', () => {
  it('names the round, or nothing for villages that were never 双到', () => {
    expect(shuangdaoLabel('2')).toBe('“双到”第2轮');
    expect(shuangdaoLabel(null)).toBeNull();
    expect(shuangdaoLabel('')).toBeNull();
  });
});

describe('absoluteUrl', () => {
  it('resolves a site path against site_url', () => {
    expect(absoluteUrl('/villages/1/', 'https://a.example/')).toBe('https://a.example/villages/1/');
  });
  it('keeps percent-encoding of the path', () => {
    expect(absoluteUrl('/streets/%E7%94%B0/', 'https://a.example')).toBe(
      'https://a.example/streets/%E7%94%B0/',
    );
  });
  it('gives null without a site_url', () => {
    expect(absoluteUrl('/villages/1/', undefined)).toBeNull();
  });
});
