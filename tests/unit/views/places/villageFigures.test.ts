import { describe, expect, it } from 'vitest';
import { buildVillagePages } from '../../../../src/views/places/villagePage.ts';
import { villageFigures } from '../../../../src/views/places/villageFigures.ts';
import { EMPTY_VILLAGE_INPUT, villageRow } from './placeFixtures.ts';

const [page] = buildVillagePages({
  ...EMPTY_VILLAGE_INPUT,
  villages: [villageRow('A')],
  gaps: [
    {
      village_code: 'A',
      households: 10,
      education_gap: 1,
      medical_gap: 0,
      housing_gap: 2,
      any_gap: 3,
    },
  ],
  measures: [{ village_code: 'A', measure: '产业帮扶', households: 4 }],
});
const topic = (path: string, extra = '') => `${path}?village=A${extra}`;
const options = { povertyLine: 3500, asOf: '2018-07-20', topic };

describe('villageFigures', () => {
  it('names each chart after its figure and links the 三保障 rows to the exit page, filtered', () => {
    const f = villageFigures(page!, options);
    expect(f.measures.svg).toContain('id="village-measures-chart"');
    expect(f.income.svg).toContain('id="village-income-chart"');
    expect(f.exit.svg).toContain('id="village-exit-chart"');
    expect(f.gapsHtml).toContain('href="/exit/?village=A&amp;gap=');
    expect(f.registrationHtml).toContain('开始时 + 新增纳入 − 清退 ± 其他人口变动 = 现有');
  });

  it('has no projects figure without a project that started', () => {
    expect(villageFigures(page!, options).projects).toBeNull();
  });

  it('says where the rows went instead of describing charts that have none', () => {
    const f = villageFigures(page!, { ...options, elsewhere: '见上面的说明。' });
    expect(f.measures.takeaway).toBe('见上面的说明。');
    expect(f.income.takeaway).toBe('见上面的说明。');
  });
});
