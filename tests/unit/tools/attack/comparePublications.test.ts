import { describe, expect, it } from 'vitest';
import { analyseTables } from '../../../../tools/attack/analyseTables.ts';
import { comparePublications } from '../../../../tools/attack/comparePublications.ts';
import { B, household, publishedRow, table, truthOf, villagePeople } from './fixtures.ts';

const exited = (id: string, date: string) =>
  household({
    id,
    village: B,
    status: '已脱贫',
    exit_category: '重点帮扶',
    events: [{ type: '脱贫', date, personsDelta: 0 }],
  });

describe('comparePublications: what two releases give away together', () => {
  it('reports a household whose published form changed although nothing the neighbour knows did', () => {
    const hs = [
      household({ id: 'H1', size: 2 }),
      household({ id: 'H2', size: 2 }),
      household({ id: 'H3', size: 1 }),
    ];
    const publish = (size: (h: (typeof hs)[number]) => string) =>
      analyseTables(
        [
          table(
            'households',
            hs.map((h) => publishedRow(h, { household_size: size(h) })),
          ),
        ],
        truthOf(hs),
      );
    const before = { site: 'old', truth: truthOf(hs), analysis: publish(() => '1–2') };
    const after = { site: 'new', truth: truthOf(hs), analysis: publish((h) => String(h.size)) };
    const r = comparePublications(before, after, { k: 3 });
    expect(r.stableHouseholds).toBe(3);
    expect(r.unstableGeneralisation.count).toBe(3);
    expect(comparePublications(after, after, { k: 3 }).unstableGeneralisation.count).toBe(0);
  });

  it('pins the exit category of the one household that exited between two releases', () => {
    const stay = [
      household({ id: 'S1', village: B, status: '已脱贫', exit_category: '重点帮扶' }),
      household({ id: 'S2', village: B, status: '已脱贫', exit_category: '巩固提升' }),
      household({ id: 'S3', village: B, status: '在册', exit_category: '加大帮扶' }),
    ];
    const wasIn = household({ id: 'E1', village: B, status: '在册', exit_category: '加大帮扶' });
    const oldTruth = truthOf([...stay, wasIn], '2018-06-30');
    const newTruth = truthOf([...stay, exited('E1', '2018-07-10')]);
    const old = {
      site: 'old',
      truth: oldTruth,
      analysis: analyseTables(
        [table('village_people', villagePeople(oldTruth.households))],
        oldTruth,
      ),
    };
    const now = {
      site: 'new',
      truth: newTruth,
      analysis: analyseTables(
        [table('village_people', villagePeople(newTruth.households))],
        newTruth,
      ),
    };
    const r = comparePublications(old, now, { k: 3 });
    expect(r.differencing.count).toBe(1);
    expect(r.differencing.adverse).toBe(1);
    expect(r.differencing.examples[0]).toContain('E1');
    expect(r.differencing.examples[0]).toContain('exit_category=重点帮扶');
  });

  it('pins nothing when two cells of the status moved (someone else was reclassified)', () => {
    const s1 = household({ id: 'S1', village: B, status: '已脱贫', exit_category: '巩固提升' });
    const oldTruth = truthOf([s1, household({ id: 'E1', village: B })], '2018-06-30');
    const newTruth = truthOf([
      { ...s1, hidden: { ...s1.hidden, exit_category: '加大帮扶' } },
      exited('E1', '2018-07-10'),
    ]);
    const analyse = (t: typeof oldTruth) =>
      analyseTables([table('village_people', villagePeople(t.households))], t);
    const r = comparePublications(
      { site: 'old', truth: oldTruth, analysis: analyse(oldTruth) },
      { site: 'new', truth: newTruth, analysis: analyse(newTruth) },
      { k: 3 },
    );
    expect(r.differencing.count).toBe(0);
  });
});

describe('comparePublications: reason tallies published twice', () => {
  const removed = (id: string, date: string) =>
    household({ id, status: '清退', events: [{ type: '清退', date, personsDelta: -3 }] });
  const earlier = [
    removed('R1', '2018-06-20'),
    removed('R2', '2018-06-21'),
    removed('R3', '2018-06-22'),
  ];
  const reasons = (rows: [string | null, string, number][]) =>
    table(
      'change_reasons',
      rows.map(([street, reason_category, records]) => ({
        street,
        change_type: '清退',
        reason_category,
        records,
      })),
    );
  const publication = (
    site: string,
    hs: ReturnType<typeof household>[],
    asOf: string,
    rows: [string | null, string, number][],
  ) => {
    const truth = truthOf(hs, asOf);
    return { site, truth, analysis: analyseTables([reasons(rows)], truth) };
  };
  const old = publication('old', earlier, '2018-06-30', [
    ['田墘街道', '收入变化', 2],
    ['田墘街道', '核查纠错', 1],
  ]);

  it('counts the reason of the one removal between two releases as a problem', () => {
    const now = publication('new', [...earlier, removed('R4', '2018-07-10')], '2018-07-20', [
      ['田墘街道', '收入变化', 2],
      ['田墘街道', '核查纠错', 2],
    ]);
    const r = comparePublications(old, now, { k: 3 });
    expect(r.changeTallies).toMatchObject({ events: 1, cells: 1 });
    expect(r.changeTallies.examples[0]).toContain('R4');
    expect(r.changeTallies.examples[0]).toContain('reason_category=核查纠错');
    expect(r.problems).toBe(1);
  });

  it('pins nothing when the new removals went into two categories, or when the street was rolled up', () => {
    const two = [...earlier, removed('R4', '2018-07-10'), removed('R5', '2018-07-11')];
    const split = publication('new', two, '2018-07-20', [
      ['田墘街道', '收入变化', 3],
      ['田墘街道', '核查纠错', 2],
    ]);
    expect(comparePublications(old, split, { k: 3 }).changeTallies.events).toBe(0);
    // The street now shown in the district's roll-up: its membership changed, nothing is compared.
    const rolled = publication('new', two, '2018-07-20', [
      [null, '收入变化', 3],
      [null, '核查纠错', 2],
    ]);
    expect(comparePublications(old, rolled, { k: 3 }).changeTallies.events).toBe(0);
  });

  it('compares by period: a closed month published the same twice pins nothing, a month that changed does', () => {
    const monthly = (rows: [string, string, number][]) =>
      table(
        'change_reasons',
        rows.map(([period, reason_category, records]) => ({
          period,
          street: '田墘街道',
          change_type: '清退',
          reason_category,
          records,
        })),
      );
    const at = (
      site: string,
      hs: ReturnType<typeof household>[],
      asOf: string,
      t: ReturnType<typeof table>,
    ) => {
      const truth = truthOf(hs, asOf);
      return { site, truth, analysis: analyseTables([t], truth) };
    };
    const june: [string, string, number][] = [
      ['2018-06', '收入变化', 2],
      ['2018-06', '核查纠错', 1],
    ];
    const before = at('old', earlier, '2018-07-13', monthly(june));
    // R4 (July) is not tallied until July closes: the June rows are the same, nothing is pinned.
    const withR4 = [...earlier, removed('R4', '2018-07-16')];
    expect(
      comparePublications(before, at('new', withR4, '2018-07-20', monthly(june)), { k: 3 })
        .problems,
    ).toBe(0);
    // A removal dated in June that arrived late, tallied into June afresh: its category shows.
    const late = [...earlier, removed('R5', '2018-06-25')];
    const reopened = at(
      'new',
      late,
      '2018-07-20',
      monthly([
        ['2018-06', '收入变化', 2],
        ['2018-06', '核查纠错', 2],
      ]),
    );
    const r = comparePublications(before, reopened, { k: 3 });
    expect(r.changeTallies.events).toBe(1);
    expect(r.changeTallies.examples[0]).toContain('R5');
    expect(r.problems).toBe(1);
    // Counted as 补录（不公开）instead, as the publication does: nothing.
    const counted = at(
      'new',
      late,
      '2018-07-20',
      monthly([...june, ['2018-06', '补录（不公开）', 1]]),
    );
    expect(comparePublications(before, counted, { k: 3 }).problems).toBe(0);
  });
});
