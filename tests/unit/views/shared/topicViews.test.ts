/**
 * The topic views (src/views/<page>/<page>View.ts): which named queries a filter state
 * runs, and what the view shows for hand-written query results.
 */
import { describe, expect, it } from 'vitest';
import { exitQueries, renderExitView } from '../../../../src/views/exit/exitView.ts';
import {
  rectificationQueries,
  renderRectificationView,
} from '../../../../src/views/rectification/rectificationView.ts';
import { renderShuangdaoView } from '../../../../src/views/shuangdao/shuangdaoView.ts';

const exitCtx = { povertyLine: 4000, streetOrder: ['甲', '乙'], villageCount: 10 };
const byArea = [
  { key: '甲', name: '甲', street: '甲', exit_category: '巩固提升', households: 6 },
  { key: '甲', name: '甲', street: '甲', exit_category: '重点帮扶', households: 2 },
  { key: '乙', name: '乙', street: '乙', exit_category: '加大帮扶', households: 2 },
];
const people = [
  { exit_category: '巩固提升', households: 6, persons: 20 },
  { exit_category: '加大帮扶', households: 2, persons: 7 },
  { exit_category: '重点帮扶', households: 2, persons: 5 },
];

describe('exit view', () => {
  it('queries villages only while the village tables are listed', () => {
    expect(Object.keys(exitQueries({}, exitCtx))).toContain('villages');
    expect(Object.keys(exitQueries({}, { ...exitCtx, villageCount: 5000 }))).not.toContain(
      'villages',
    );
  });

  it('binds the filter values as parameters of every query', () => {
    for (const q of Object.values(exitQueries({ street: "甲'--" }, exitCtx))) {
      expect(q.params).toContain("甲'--");
      expect(q.text).not.toContain("甲'--");
    }
  });

  it('shows exact persons without household-only filters, and only shares with them', () => {
    const plain = renderExitView({ people, streets: byArea }, exitCtx, {});
    expect(plain.keyFigures.map((k) => k.note)).toEqual([
      '20 人，占 60%',
      '7 人，占 20%',
      '5 人，占 20%',
    ]);
    // 户类型 cannot filter the person table: households come from the household rows.
    const typed = renderExitView({ people, streets: byArea.slice(0, 2) }, exitCtx, {
      household_type: '低保户',
    });
    expect(typed.keyFigures.map((k) => [k.value, k.note])).toEqual([
      [6, '占 75%'],
      [0, '占 0%'],
      [2, '占 25%'],
    ]);
    expect(typed.texts.householdsTotal.text).toBe('8');
  });
});

describe('rectification view', () => {
  it('skips the overdue list under 未逾期 and pages the items with an offset', () => {
    expect(Object.keys(rectificationQueries({ overdue: '未逾期' }, {}))).not.toContain(
      'overdueTop',
    );
    const q = rectificationQueries({}, {}, { page: 3, q: '危房' });
    expect(q.items?.params.slice(-3)).toEqual(['危房', 50, 100]);
    expect(q.count?.params).toEqual(['危房']);
    // Without a search the breakdown's total is the list's length: no count query.
    expect(Object.keys(rectificationQueries({}, {}, { page: 3 }))).not.toContain('count');
  });

  it('links pages to the static list when nothing is set, else to the same filtered view', () => {
    const all = (items: number) => [{ dim: 'all', key: null, status: '整改中', items, overdue: 0 }];
    const plain = renderRectificationView(
      { breakdown: all(120), items: [] },
      { asOf: '2018-07-20' },
      {},
    );
    expect(plain.blocks.itemsList.html).toContain('href="/rectification/page/3/"');
    const filtered = renderRectificationView(
      { breakdown: all(60), items: [] },
      { asOf: '2018-07-20' },
      { street: '甲' },
      { sort: 'deadline', dir: 'desc' },
    );
    expect(filtered.blocks.itemsList.html).toContain(
      `href="/rectification/?street=${encodeURIComponent('甲')}&amp;sort=-deadline&amp;page=2"`,
    );
    expect(filtered.texts.itemsNote.text).toContain('共 60 项，每页 50 项：按整改时限降序排列');
  });
});

describe('双到 view', () => {
  const ctx = {
    streets: [
      { street: '甲', villages: 3 },
      { street: '乙', villages: 2 },
      { street: '丙', villages: 4 },
    ],
    inline: false,
  };
  const byStreet = [{ street: '甲', villages: 2, villages_with_gap: 1, gaps: 1 }];

  it('names streets without 双到 villages only when no street filter hides them', () => {
    const all = renderShuangdaoView({ dims: [], byStreet }, ctx, {});
    expect(all.texts.streetsNone.text).toBe('以下 2 个街道没有“双到”村：乙、丙。');
    const one = renderShuangdaoView({ dims: [], byStreet }, ctx, { street: '甲' });
    expect(one.toggles.streetsNone.hidden).toBe(true);
    expect(one.texts.streetCount.text).toBe('1');
  });

  it('counts village × 领域 pairs of the chosen 领域 only', () => {
    const one = renderShuangdaoView({ dims: [], byStreet }, ctx, { dimension: '产业发展' });
    expect(one.keyFigures.find((k) => k.label === '未建立长效机制')?.note).toBe(
      '共 2 项（村×领域）',
    );
  });
});
