import { describe, expect, it } from 'vitest';
import { linkChangeRecords } from '../../../../tools/attack/linkChangeRecords.ts';
import { A, B, household, table, truthOf } from './fixtures.ts';

const place = { street: '田墘街道', village_code: A, village_name: '甲村' };
const record = (over: Record<string, string | number | null>) => ({
  ...place,
  date: '2018-06-20',
  change_type: '清退',
  persons_delta: -4,
  reason: '家庭成员购买商品房，予以清退',
  ...over,
});
const removal = (id: string, date: string, size: number, village = A) =>
  household({ id, village, size, events: [{ type: '清退', date, personsDelta: -size }] });

describe('linkChangeRecords: records to the households the neighbour knows had that event', () => {
  it('links each removal of a village with one or two removals to its household', () => {
    const truth = truthOf([
      removal('R1', '2018-06-20', 4),
      removal('R2', '2018-07-01', 4),
      household({ id: 'Q1', size: 4 }),
    ]);
    const linked = linkChangeRecords(
      table('household_changes', [record({}), record({ date: '2018-07-01' })]),
      truth,
    );
    expect(linked.map((r) => r.candidates)).toEqual([[0], [1]]);
    // Without the dates the two removals of the same size are indistinguishable.
    expect(linked.map((r) => r.candidatesWithoutDate)).toEqual([2, 2]);
    expect(linked[0]!.reason).toBe('家庭成员购买商品房，予以清退');
  });

  it('uses the persons of a removal as the household size', () => {
    const truth = truthOf([removal('R1', '2018-06-20', 4), removal('R2', '2018-06-20', 2)]);
    const linked = linkChangeRecords(
      table('household_changes', [record({ persons_delta: -2 })]),
      truth,
    );
    expect(linked[0]!.candidates).toEqual([1]);
  });

  it('links a household that joined and then grew by its size when it joined', () => {
    const grew = household({
      id: 'J1',
      size: 4,
      events: [{ type: '新增纳入', date: '2018-06-10', personsDelta: 3 }],
      sizeChanges: [{ date: '2018-06-20', delta: 1 }],
    });
    const joinedAt4 = household({
      id: 'J2',
      size: 4,
      events: [{ type: '新增纳入', date: '2018-06-10', personsDelta: 4 }],
    });
    const linked = linkChangeRecords(
      table('household_changes', [
        record({ date: '2018-06-10', change_type: '新增纳入', persons_delta: 3 }),
        record({ date: '2018-06-10', change_type: '新增纳入', persons_delta: 4 }),
      ]),
      truthOf([grew, joinedAt4]),
    );
    expect(linked.map((r) => r.candidates)).toEqual([[0], [1]]);
  });

  it('takes a record with a blank village for any household of its street', () => {
    const truth = truthOf([removal('R1', '2018-06-20', 4), removal('R2', '2018-06-20', 4, B)]);
    const linked = linkChangeRecords(
      table('household_changes', [record({ village_code: null, village_name: null })]),
      truth,
    );
    expect(linked[0]!.candidates).toEqual([0, 1]);
  });

  it('does not give the neighbour population changes: any household of the village fits', () => {
    const truth = truthOf([
      household({ id: 'H1' }),
      household({ id: 'H2' }),
      household({ id: 'H3', village: B }),
    ]);
    const linked = linkChangeRecords(
      table('household_changes', [record({ change_type: '人口增加', persons_delta: 1 })]),
      truth,
    );
    expect(linked[0]!.candidates).toEqual([0, 1]);
  });
});
