import { describe, expect, it } from 'vitest';
import { buildStreetPages } from '../../../../src/views/places/streetPage.ts';
import { streetFigures } from '../../../../src/views/places/streetFigures.ts';
import type { VillageRow } from '../../../../src/queries/places.ts';
import { villageRow } from './placeFixtures.ts';

const village = (code: string, round: string | null = null): VillageRow =>
  villageRow(code, { shuangdao_round: round });
const shortcoming = (dimension: string, mechanism_in_place: string) => ({
  street: '甲街道',
  village_code: 'A',
  village_name: '村A',
  shuangdao_round: '1',
  dimension,
  mechanism_in_place,
  shortcoming: null,
  proposed_project: null,
  estimated_investment_wan: null,
  in_project_library: null,
  responsible_unit: null,
});
const [page] = buildStreetPages({
  streets: [{ street: '甲街道', villages: 2, shuangdao_villages: 1 }],
  villages: [village('A', '1'), village('B')],
  streetRegistration: [],
  villageRegistration: [],
  exits: [{ key: 'A', name: '村A', street: '甲街道', exit_category: '巩固提升', households: 6 }],
  shortcomings: [shortcoming('基础设施', '是'), shortcoming('产业发展', '否')],
  rectifications: [],
  projects: [],
  coverage: [],
});
const topic = (path: string, extra = '') => `${path}?street=甲街道${extra}`;

describe('streetFigures', () => {
  const f = streetFigures(page!, { topic, rowsElsewhere: false });

  it('names each chart after its figure and links each village to its page', () => {
    expect(f.exit.svg).toContain('id="street-exit-chart"');
    expect(f.exitVillages.svg).toContain('id="street-exit-villages"');
    expect(f.villagesHtml).toContain('href="/villages/A/"');
    expect(f.projectsHtml).toContain('href="/villages/B/#village-projects"');
  });

  it("draws the 双到 villages' matrix and counts the villages with a gap", () => {
    expect(f.shuangdao?.takeaway).toBe(
      '1 个“双到”村中，1 个村至少一个领域未建立长效机制（“否”）。',
    );
    expect(f.shuangdao?.rows).toEqual([
      {
        village_code: 'A',
        village_name: '村A',
        round: expect.any(String),
        基础设施: '是',
        公共服务设施: null,
        产业发展: '否',
        基层党建: null,
      },
    ]);
  });

  it('has no matrix without a 双到 village, and says where the rows went', () => {
    const [plain] = buildStreetPages({
      streets: [{ street: '甲街道', villages: 1, shuangdao_villages: 0 }],
      villages: [village('B')],
      streetRegistration: [],
      villageRegistration: [],
      exits: [],
      shortcomings: [],
      rectifications: [],
      projects: [],
      coverage: [],
    });
    const g = streetFigures(plain!, { topic, rowsElsewhere: true });
    expect(g.shuangdao).toBeNull();
    expect(g.exit.takeaway).toBe('本街道没有按村公开的户级数据，见上面的说明。');
  });
});
