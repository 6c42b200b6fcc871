/**
 * Reason tallies by closed month: what two weekly publications may differ in
 * (nothing inside a month either has closed), and records that arrive for a
 * month already published (counted, never by category).
 */
import { describe, expect, it } from 'vitest';
import {
  LATE_REASON,
  changeReasons,
  isClosedMonth,
  type ChangeReasonRow,
  type PlacedChange,
} from '../../../../src/build/publish/changeTables.ts';
import type { Village } from '../../../../src/contract/input/villages.ts';

const village = (street: string): Village => ({
  village_code: `4415021${street === '田墘街道' ? '0' : '1'}0001`,
  village_name: '村',
  street,
  shuangdao_round: null,
  is_poor_village: '否',
});
let n = 0;
/** A 清退 on `date` in `street` with reason category `category`. */
const removal = (date: string, category: string, street = '田墘街道'): PlacedChange => ({
  date,
  household_id: `HH-${++n}`,
  change_type: '清退',
  persons_delta: -3,
  reason: '原因文字',
  reason_category: category as PlacedChange['reason_category'],
  village: village(street),
});
const june = [
  removal('2018-06-04', '收入变化'),
  removal('2018-06-12', '收入变化'),
  removal('2018-06-20', '财产或身份不符合条件'),
];
const show = (rows: readonly ChangeReasonRow[]) =>
  rows.map((r) => `${r.period}|${r.street}|${r.change_type}|${r.reason_category}|${r.records}`);

describe('isClosedMonth', () => {
  it('closes a month once the as-of date is in a later month', () => {
    expect(isClosedMonth('2018-06', '2018-06-30')).toBe(false);
    expect(isClosedMonth('2018-06', '2018-07-01')).toBe(true);
    expect(isClosedMonth('2017-12', '2018-01-05')).toBe(true);
  });
});

describe('changeReasons by closed month', () => {
  it('tallies only months closed before the as-of date: July waits for August', () => {
    const july = [removal('2018-07-02', '收入变化'), removal('2018-07-09', '收入变化')];
    const { rows, cells } = changeReasons([...june, ...july], 3, '2018-07-20');
    expect(show(rows)).toEqual([
      '2018-06|田墘街道|清退|收入变化|2',
      '2018-06|田墘街道|清退|财产或身份不符合条件|1',
    ]);
    expect(cells).toMatchObject({ street: 2, periods: 1, frozen_periods: 0, late_records: 0 });
  });

  it('gives the same rows for two weekly publications in one month: nothing to difference', () => {
    const week1 = changeReasons([...june, removal('2018-07-02', '收入变化')], 3, '2018-07-13');
    const week2 = changeReasons(
      [...june, removal('2018-07-02', '收入变化'), removal('2018-07-16', '核查纠错')],
      3,
      '2018-07-20',
    );
    expect(week2.rows).toEqual(week1.rows);
  });

  it('applies k per month: a month of two removals is withheld', () => {
    const { rows } = changeReasons(june.slice(0, 2), 3, '2018-07-20');
    expect(show(rows)).toEqual(['2018-06|null|清退|不公开|2']);
  });

  it('keeps a month an earlier publication tallied exactly, and counts records that came later without their category', () => {
    const earlier = changeReasons(june, 3, '2018-07-20');
    // A removal dated in June reaches the data only after June was published.
    const late = removal('2018-06-25', '核查纠错');
    const { rows, cells } = changeReasons([...june, late], 3, '2018-08-10', {
      as_of: '2018-07-20',
      rows: earlier.rows,
    });
    expect(show(rows)).toEqual([
      '2018-06|田墘街道|清退|收入变化|2',
      '2018-06|田墘街道|清退|财产或身份不符合条件|1',
      `2018-06|null|清退|${LATE_REASON}|1`,
    ]);
    expect(cells).toMatchObject({ periods: 1, frozen_periods: 1, late_records: 1 });
    // Tallied afresh, June would now show 核查纠错 1: the late record's category.
    expect(show(changeReasons([...june, late], 3, '2018-08-10').rows)).toContain(
      '2018-06|田墘街道|清退|核查纠错|1',
    );
  });

  it('ignores an earlier publication that is not earlier, and months it had not closed', () => {
    const july = [
      removal('2018-07-02', '收入变化'),
      removal('2018-07-09', '收入变化'),
      removal('2018-07-10', '核查纠错'),
    ];
    const frozen = { as_of: '2018-07-20', rows: changeReasons(june, 3, '2018-07-20').rows };
    // July was still open on 2018-07-20: tallied afresh in August.
    const { rows, cells } = changeReasons([...june, ...july], 3, '2018-08-10', frozen);
    expect(show(rows).filter((r) => r.startsWith('2018-07'))).toEqual([
      '2018-07|田墘街道|清退|收入变化|2',
      '2018-07|田墘街道|清退|核查纠错|1',
    ]);
    expect(cells.frozen_periods).toBe(1);
    // Re-publishing the same date tallies afresh.
    expect(changeReasons(june, 3, '2018-07-20', frozen).cells.frozen_periods).toBe(0);
  });
});
