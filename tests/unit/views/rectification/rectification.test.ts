import { describe, expect, it } from 'vitest';
import {
  buildStatusStack,
  daysOverdue,
  overdueDefinition,
  overdueNote,
  progressTakeaway,
  splitLongText,
  statusTakeaway,
  thinProgress,
  unitTakeaway,
  type RectItem,
} from '../../../../src/views/rectification/rectification.ts';

const item = (over: Partial<RectItem>): RectItem => ({
  issue_id: 'ZG-1',
  source_level: '市',
  source_type: '巡查',
  found_date: '2018-05-01',
  street: '甲街道',
  village_code: null,
  village_name: null,
  category: '其他',
  description: '问题',
  measures: null,
  responsible_unit: null,
  deadline: '2018-06-30',
  status: '整改中',
  completed_date: null,
  overdue: false,
  ...over,
});

describe('buildStatusStack', () => {
  const rows = [
    { key: '审计', status: '已完成', items: 5, overdue: 1 },
    { key: '审计', status: '整改中', items: 3, overdue: 2 },
    { key: '审计', status: '未启动', items: 1, overdue: 1 },
    { key: '巡视', status: '已完成', items: 2, overdue: 0 },
    { key: '巡视', status: '整改中', items: 1, overdue: 0 },
    { key: '自查', status: '未启动', items: 4, overdue: 0 },
  ];

  it('splits each status into on-time and overdue parts that add up to the total', () => {
    const [audit] = buildStatusStack(rows);
    expect(audit).toMatchObject({
      key: '审计',
      total: 9,
      done: 4,
      done_late: 1,
      in_progress: 1,
      in_progress_overdue: 2,
      not_started: 0,
      not_started_overdue: 1,
      overdue: 4,
      overdue_open: 3,
    });
    expect(audit!.done_share).toBeCloseTo(5 / 9);
  });

  it('orders by total unless an order is given', () => {
    expect(buildStatusStack(rows).map((r) => r.key)).toEqual(['审计', '自查', '巡视']);
    expect(buildStatusStack(rows, ['巡视', '自查', '审计']).map((r) => r.key)).toEqual([
      '巡视',
      '自查',
      '审计',
    ]);
  });

  it('names the largest group and the one with most overdue open items', () => {
    expect(statusTakeaway(buildStatusStack(rows), '问题来源')).toBe(
      '按问题来源，审计最多（9 项，已完成 55.6%）；逾期未完成最多的是审计（3 项）。',
    );
    expect(statusTakeaway(buildStatusStack(rows.slice(3)), '问题来源')).toBe(
      '按问题来源，自查最多（4 项，已完成 0%）；没有逾期未完成的问题。',
    );
    expect(statusTakeaway([], '问题来源')).toBe('暂无发现问题记录。');
  });
});

describe('overdue', () => {
  const asOf = '2018-07-20';

  it('states the definition at the as-of date', () => {
    expect(overdueDefinition(asOf)).toBe(
      '逾期：未完成且已过整改时限，或完成日期晚于整改时限；按数据截止日期 2018年7月20日 计算。',
    );
  });

  it('counts days past the deadline at the as-of date for open items, to completion for done ones', () => {
    expect(daysOverdue(item({ deadline: '2018-07-10' }), asOf)).toBe(10);
    expect(
      daysOverdue(
        item({ deadline: '2018-07-10', status: '已完成', completed_date: '2018-07-13' }),
        asOf,
      ),
    ).toBe(3);
    expect(daysOverdue(item({ deadline: '2018-08-01' }), asOf)).toBe(0);
  });

  it('notes overdue items only', () => {
    expect(overdueNote(item({ deadline: '2018-07-10', overdue: true }), asOf)).toBe('逾期 10 天');
    expect(
      overdueNote(
        item({
          deadline: '2018-07-10',
          status: '已完成',
          completed_date: '2018-07-12',
          overdue: true,
        }),
        asOf,
      ),
    ).toBe('逾期完成（晚 2 天）');
    expect(overdueNote(item({ deadline: '2018-07-10', overdue: false }), asOf)).toBe('');
  });

  it('names the unit with most overdue open items', () => {
    const units = [
      { unit: '区扶贫办', items: 4 },
      { unit: '区财政局', items: 1 },
    ];
    expect(unitTakeaway(units)).toBe(
      '逾期未完成 5 项，涉及 2 个责任单位，最多的是区扶贫办（4 项）。',
    );
    expect(unitTakeaway([])).toBe('没有逾期未完成的问题。');
  });
});

describe('thinProgress', () => {
  it('keeps daily points when few, and extends the lines to the as-of date', () => {
    const rows = [
      { date: '2018-06-01', found: 2, done: 0 },
      { date: '2018-06-05', found: 3, done: 1 },
    ];
    expect(thinProgress(rows, '2018-07-20')).toEqual([
      ...rows,
      { date: '2018-07-20', found: 3, done: 1 },
    ]);
  });

  it('keeps the last point of each week, then month, when there are too many', () => {
    // 400 consecutive days, one more item found each day, done every other day.
    const start = Date.UTC(2017, 0, 1);
    const rows = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      found: i + 1,
      done: Math.floor(i / 2),
    }));
    // 58 weeks are too many for 30 points: monthly, Jan 2017 … Feb 2018, the last day of each.
    const monthly = thinProgress(rows, '2018-02-04', 30);
    expect(monthly.map((p) => p.date.slice(0, 7))).toEqual([
      ...new Set(rows.map((r) => r.date.slice(0, 7))),
    ]);
    expect(monthly).toHaveLength(14);
    expect(monthly[0]).toEqual({ date: '2017-01-31', found: 31, done: 15 });
    expect(monthly[monthly.length - 1]).toEqual(rows[rows.length - 1]);
    expect(thinProgress(rows, '2018-02-04', 60)).toHaveLength(58); // weekly: Sunday 2017-01-01 alone, then 399 days = 57 full weeks
    const byWeek = thinProgress(rows.slice(0, 120), '2017-04-30', 60);
    expect(byWeek.length).toBe(18); // 120 days from a Sunday: a 1-day week, then 17 full weeks
    expect(byWeek[0]).toEqual({ date: '2017-01-01', found: 1, done: 0 });
    expect(byWeek[1]).toEqual({ date: '2017-01-08', found: 8, done: 3 });
  });

  it('ignores points after the as-of date', () => {
    expect(thinProgress([{ date: '2018-08-01', found: 1, done: 0 }], '2018-07-20')).toEqual([]);
  });

  it('summarises the totals and the last 30 days', () => {
    const points = [
      { date: '2018-05-01', found: 10, done: 4 },
      { date: '2018-06-30', found: 16, done: 10 },
      { date: '2018-07-20', found: 20, done: 15 },
    ];
    expect(progressTakeaway(points, '2018-07-20')).toBe(
      '截至2018年7月20日，累计发现 20 项、完成 15 项（75%），尚有 5 项未完成；近 30 天新发现 10 项、完成 11 项。',
    );
    expect(progressTakeaway([], '2018-07-20')).toBe('暂无发现问题记录。');
  });
});

describe('splitLongText', () => {
  it('leaves short text whole and folds long text by code points', () => {
    expect(splitLongText('短')).toEqual({ head: '短', rest: '' });
    const long = '𠀀'.repeat(100) + '问'.repeat(100);
    const { head, rest } = splitLongText(long, 160);
    expect(Array.from(head)).toHaveLength(160);
    expect(head + rest).toBe(long);
  });
});
