import { describe, expect, it } from 'vitest';
import { buildOverview } from '../../../../src/views/overview/overview.ts';
import { overviewFigures } from '../../../../src/views/overview/overviewFigures.ts';

const o = buildOverview({
  people: [],
  changes: [],
  exits: [
    { exit_category: '巩固提升', households: 6 },
    { exit_category: '重点帮扶', households: 2 },
  ],
  gaps: undefined,
  shuangdao: [{ dimension: '产业发展', villages: 5, villages_with_gap: 3 }],
  rect: undefined,
  projects: [],
  coverage: [],
});
const phases = [
  { name: '自查', start: '2018-06-01', end: '2018-07-31' },
  { name: '整改', start: '2018-08-01', end: '2018-10-31' },
];

describe('overviewFigures', () => {
  const figures = overviewFigures(o, phases, '2018-07-20', ['自查']);

  it('links each exit category and 领域 to its topic page, filtered', () => {
    expect(figures.exit.id).toBe('overview-exit');
    expect(figures.exit.takeaway).toBe(o.exitTakeaway);
    expect(figures.exit.svg).toContain('/exit/?exit_category=%E9%87%8D%E7%82%B9%E5%B8%AE%E6%89%B6');
    expect(figures.shuangdao.rows).toBe(o.shuangdaoRows);
    expect(figures.shuangdao.svg).toContain('/shuangdao/?dimension=');
  });

  it('says where the review stands under the timeline', () => {
    expect(figures.timeline.takeaway).toBe('数据截止 2018年7月20日，处于「自查」阶段。');
    expect(figures.timeline.rows).toBe(phases);
    expect(overviewFigures(o, phases, '2018-11-20', []).timeline.takeaway).toBe(
      '数据截止 2018年11月20日。',
    );
  });
});
