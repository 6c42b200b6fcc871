/**
 * Positive and negative controls on hand-made tables: a deliberately leaky
 * publication must be caught on every kind of leak, and a publication of
 * street totals only must come out clean.
 */
import { describe, expect, it } from 'vitest';
import { attackTables } from '../../../../tools/attack/attackTables.ts';
import { tableProblems } from '../../../../tools/attack/tableProblems.ts';
import { A, B, household, publishedRow, table, truthOf, villagePeople } from './fixtures.ts';

const removed = household({
  id: 'HH-A04',
  size: 4,
  type: '低保户',
  events: [{ type: '清退', date: '2018-06-20', personsDelta: -4 }],
});
const poor = ['HH-A10', 'HH-A11', 'HH-A12'].map((id, i) =>
  household({
    id,
    size: 3,
    type: '特困供养户',
    exit_category: '重点帮扶',
    income: 2500 + i,
    education_secured: '否',
  }),
);
const others = ['HH-A05', 'HH-A06'].map((id, i) =>
  household({ id, size: 4, type: '低保户', status: i === 0 ? '在册' : '已脱贫', income: 7000 }),
);
const inB = ['HH-B01', 'HH-B02', 'HH-B03'].map((id) =>
  household({ id, village: B, size: 5, income: 8000 }),
);
const households = [removed, ...poor, ...others, ...inB];
const truth = truthOf(households);

const leaky = [
  table(
    'households',
    households.map((h, i) =>
      publishedRow(h, {
        // A banded size the persons sums give back, and an exact income left in a column.
        ...(i === 4 ? { household_size: '3–4' } : {}),
        note: i === 5 ? 7000 : null,
      }),
    ),
  ),
  table('village_people', villagePeople(households)),
  table('household_changes', [
    {
      street: '田墘街道',
      village_code: A,
      village_name: '甲村',
      date: '2018-06-20',
      change_type: '清退',
      persons_delta: -4,
      reason: '户HH-A04经核实购房，联系人13812345678',
    },
  ]),
  table('changes_by_month', [
    {
      street: '田墘街道',
      village_code: A,
      change_type: '清退',
      month: '2018-06',
      households: 1,
      reason: '购房',
    },
  ]),
];

describe('attackTables: a deliberately leaky publication is caught on every kind of leak', () => {
  const r = attackTables(leaky, truth, { k: 3 });

  it('singles out the removed household and says which', () => {
    expect(r.singlingOut.singledOut.examples.map((e) => e.id)).toContain('HH-A04');
    expect(r.singlingOut.belowK.count).toBeGreaterThanOrEqual(r.singlingOut.singledOut.count);
  });

  it('gives the banded size back from the persons sums', () => {
    expect(r.refinement.inexactRows).toBe(1);
    expect(r.refinement.exactByAggregates).toBe(1);
  });

  it('discloses the shared 重点帮扶, income band and education gap of an identical group', () => {
    const ids = r.homogeneity.adverse.examples.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['HH-A10', 'HH-A11', 'HH-A12']));
    for (const e of r.homogeneity.adverse.examples.filter((x) => x.id.startsWith('HH-A1')))
      expect(e.detail).toBe('exit_category=重点帮扶，income_band=<4000，education_secured=否');
    expect(r.homogeneity.byColumn.education_secured).toBe(3);
  });

  it('links the removal record to its household and counts its reason', () => {
    expect(r.changeRecords.singledOut.count).toBe(1);
    expect(r.changeRecords.reasonsSingledOut).toBe(1);
    expect(r.changeRecords.smallCells.count).toBe(1);
  });

  it('finds one-household cells that carry persons', () => {
    expect(r.smallCells.cells.count).toBeGreaterThan(0);
  });

  it('finds the household ID, the mobile number and the exact income', () => {
    expect(r.identifiers.householdIds.examples).toEqual(['household_changes.reason: HH-A04']);
    expect(r.identifiers.personalData.examples[0]).toMatch(
      /^household_changes\.reason: mobile 138\*+5678$/,
    );
    expect(r.identifiers.exactIncomes.examples).toEqual([
      { table: 'households', column: 'note', row: 5, value: 7000 },
    ]);
  });

  it('lists every check that found something, and the model fits (no wrong conclusion)', () => {
    expect(tableProblems(r).map((p) => p.check)).toEqual([
      '少于 k 个候选行的户',
      '被唯一识别的户',
      '区间被汇总表还原为确切人数的行',
      '敏感值被同质组披露的户',
      '可关联到少于 k 户的变动记录',
      '少于 k 户却带有更多信息的变动汇总格',
      '一两户却带有更多信息的汇总格',
      '公开数据中的户编号',
      '公开数据中的个人信息',
      '户级数据中的确切收入',
    ]);
    expect(r.modelMismatch.wrongDisclosures).toBe(0);
  });
});

describe('attackTables: a publication the attack cannot break', () => {
  it('reports no problem for street totals of at least k households', () => {
    const safe = [
      table('street_people', [
        { street: '田墘街道', status: '在册', households: 6, persons: 21 },
        { street: '田墘街道', status: '已脱贫', households: 3, persons: 15 },
      ]),
    ];
    expect(tableProblems(attackTables(safe, truth, { k: 3 }))).toEqual([]);
  });

  it('flags tables that do not fit the truth instead of passing them', () => {
    const wrong = [table('households', [publishedRow(household({ id: 'X', size: 9 }))])];
    const r = attackTables(wrong, truth, { k: 3 });
    expect(r.modelMismatch.rowsWithoutHousehold).toBe(1);
    expect(tableProblems(r).map((p) => p.check)).toContain('攻击模型与公开数据不符');
  });
});
