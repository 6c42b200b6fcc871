import { describe, expect, it } from 'vitest';
import { registrationTotals } from '../../../../src/views/data/dataMethods.ts';

describe('registrationTotals', () => {
  it('sums the per-area rows column by column', () => {
    const t = registrationTotals([
      {
        key: 'x',
        households_start: 10,
        households_added: 2,
        households_removed: 1,
        households_now: 11,
        persons_now: 40,
        persons_other: -1,
      },
      {
        key: 'y',
        households_start: 5,
        households_added: 0,
        households_removed: 3,
        households_now: 2,
        persons_now: 7,
        persons_other: 2,
      },
    ]);
    expect(t).toMatchObject({
      households_start: 15,
      households_added: 2,
      households_removed: 4,
      households_now: 13,
      persons_now: 47,
      persons_other: 1,
    });
  });
  it('is all zeros for no rows and ignores non-numbers', () => {
    expect(Object.values(registrationTotals([])).every((v) => v === 0)).toBe(true);
    expect(registrationTotals([{ households_now: null, persons_now: '3' }]).persons_now).toBe(0);
  });
  it('has no persons total when a street withholds its persons', () => {
    const t = registrationTotals([
      { households_now: 11, persons_now: 40 },
      { households_now: 2, persons_now: null },
    ]);
    expect(t.households_now).toBe(13);
    expect(t.persons_now).toBeNull();
  });
});
