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
