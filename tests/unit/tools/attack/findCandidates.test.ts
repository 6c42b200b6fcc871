import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../../../tools/attack/findCandidates.ts';
import { readHouseholdRows } from '../../../../tools/attack/householdRows.ts';
import { A, B, C, VILLAGES, household, publishedRow, table } from './fixtures.ts';

const candidatesOf = (rows: Record<string, unknown>[], hs: ReturnType<typeof household>[]) =>
  findCandidates(readHouseholdRows(table('households', rows as never), VILLAGES), hs);

describe('findCandidates: rows consistent with what the neighbour knows', () => {
  it('matches village, exact size, type, labour capacity and enrolment year', () => {
    const h = household({ id: 'H1', size: 4 });
    const rows = [
      publishedRow(h),
      publishedRow(h, { household_size: '3' }),
      publishedRow(h, { household_type: '低保户' }),
      publishedRow(h, { labor_capacity: '无劳动能力' }),
      publishedRow(h, { enrolled_year: 2017 }),
      publishedRow(household({ id: 'X', village: B, size: 4 })),
    ];
    expect(candidatesOf(rows, [h])).toEqual([[0]]);
  });

  it('treats a band as the sizes it holds and a blank as unknown', () => {
    const h = household({ id: 'H1', size: 4 });
    const rows = [
      publishedRow(h, { household_size: '3–4' }),
      publishedRow(h, { household_size: '1–2' }),
      publishedRow(h, { household_size: '5+' }),
      publishedRow(h, { household_size: null, household_type: null, labor_capacity: null }),
    ];
    expect(candidatesOf(rows, [h])).toEqual([[0, 3]]);
  });

  it('reads a banded enrolment year as the years it holds', () => {
    const h = household({ id: 'H1', enrolledYear: 2017 });
    const rows = [
      publishedRow(h, { enrolled_year: '2016–2017' }),
      publishedRow(h, { enrolled_year: '2018' }),
      publishedRow(h, { enrolled_year: null }),
    ];
    expect(candidatesOf(rows, [h])).toEqual([[0, 2]]);
  });

  it('reads status from events: 清退 → 清退, none → 在册 or 已脱贫, never 清退', () => {
    const removed = household({
      id: 'R',
      events: [{ type: '清退', date: '2018-06-20', personsDelta: -3 }],
    });
    const returned = household({
      id: 'F',
      events: [
        { type: '脱贫', date: '2018-06-10', personsDelta: 0 },
        { type: '返贫', date: '2018-07-01', personsDelta: 0 },
      ],
    });
    const quiet = household({ id: 'Q' });
    const rows = ['在册', '已脱贫', '清退'].map((status) => publishedRow(quiet, { status }));
    expect(candidatesOf(rows, [removed, returned, quiet])).toEqual([[2], [0], [0, 1]]);
  });

  it('takes a row with a blank village for any village of its street, or anywhere without a street', () => {
    const inA = household({ id: 'H1' });
    const inC = household({ id: 'H2', village: C });
    const rows = [
      publishedRow(inA, { village_code: null, village_name: null }),
      publishedRow(inA, { village_code: null, village_name: null, street: null }),
    ];
    expect(candidatesOf(rows, [inA, inC])).toEqual([[0, 1], [1]]);
  });

  it('narrows a street with a single village to that village: a blank village hides nothing', () => {
    const c1 = household({ id: 'C1', village: C, size: 4 });
    const c2 = household({ id: 'C2', village: C, size: 6 });
    const blank = { village_code: null, village_name: null, household_size: null };
    const rows = [publishedRow(c1, blank), publishedRow(c2, blank)];
    const elsewhere = household({ id: 'A1', village: A });
    const [forC1, forA1] = candidatesOf(rows, [c1, elsewhere]);
    expect(forC1).toEqual([0, 1]);
    expect(forA1).toEqual([]);
  });

  it('finds a village name without its code through the street', () => {
    const h = household({ id: 'H1' });
    const rows = [publishedRow(h, { village_code: null })];
    expect(candidatesOf(rows, [h, household({ id: 'H2', village: B })])).toEqual([[0], []]);
  });
});
