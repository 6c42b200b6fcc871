import { describe, expect, it } from 'vitest';
import {
  buildVillageSearchIndex,
  pinyinKeys,
} from '../../../../src/views/places/villageSearchIndex.ts';

describe('pinyinKeys', () => {
  it('gives initials and full pinyin without tones', () => {
    expect(pinyinKeys('黄家村')).toEqual({ initials: 'hjc', pinyin: 'huangjiacun' });
  });
  it('writes ü as v', () => {
    expect(pinyinKeys('绿洲社区')).toEqual({ initials: 'lzsq', pinyin: 'lvzhoushequ' });
  });
  it('keeps Latin letters and digits in names, lower-cased', () => {
    expect(pinyinKeys('A区3村').pinyin).toBe('aqu3cun');
  });
});

describe('buildVillageSearchIndex', () => {
  it('keeps the list order and the fields the search box shows', () => {
    const index = buildVillageSearchIndex([
      {
        street: '东洲街道',
        village_code: '991502002203',
        village_name: '黄家村',
        shuangdao_round: '2',
        is_poor_village: '否',
        households: 40,
        persons: 137,
        household_detail: '按村公开',
      },
      {
        street: '东洲街道',
        village_code: '991502002201',
        village_name: '沁禾村',
        shuangdao_round: null,
        is_poor_village: '否',
        households: 30,
        persons: 111,
        household_detail: '按村公开',
      },
    ]);
    expect(index.map((v) => v.code)).toEqual(['991502002203', '991502002201']);
    expect(index[0]).toMatchObject({
      name: '黄家村',
      street: '东洲街道',
      households: 40,
      shuangdao: '2',
    });
    expect(index[1]?.shuangdao).toBe('');
  });
});
