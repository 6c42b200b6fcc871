import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadVillages } from '../../../src/client/topic/filtersForm.ts';

afterEach(() => vi.unstubAllGlobals());

describe('loadVillages', () => {
  it('from the search index, offers only the villages with the page’s flag (the 双到 page: 双到 villages)', async () => {
    const index = [
      { code: '990101104201', name: '枫岭村', street: '云垌镇', shuangdao: '2' },
      { code: '990101104001', name: '汀屿社区', street: '云垌镇', shuangdao: '' },
      { code: '990101104202', name: '蕉溪村', street: '云垌镇', shuangdao: '1' },
    ];
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(index));
    });
    const root = {
      dataset: { villagesUrl: '/villages/search-index.json', villagesWith: 'shuangdao' },
    } as unknown as HTMLElement;
    const villages = await loadVillages(root);
    expect(fetched).toEqual(['/villages/search-index.json']);
    expect(villages.byStreet.get('云垌镇')).toEqual([
      ['990101104201', '枫岭村'],
      ['990101104202', '蕉溪村'],
    ]);
    expect(villages.streetOf.has('990101104001')).toBe(false);
  });
});
