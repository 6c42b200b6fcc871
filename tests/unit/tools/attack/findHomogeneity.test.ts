import { describe, expect, it } from 'vitest';
import { findHomogeneity } from '../../../../tools/attack/findHomogeneity.ts';
import type { Row } from '../../../../tools/attack/table.ts';
import { household, publishedRow } from './fixtures.ts';

const run = (
  hs: ReturnType<typeof household>[],
  rows: Record<string, unknown>[],
  candidates: number[][],
) =>
  findHomogeneity(rows as Row[], Object.keys(rows[0]!), hs, candidates, 4000).map(
    ({ household: h, column, value, adverse, correct }) => ({ h, column, value, adverse, correct }),
  );

describe('findHomogeneity: a sensitive value every candidate row shares', () => {
  it('discloses exit category and income band, and calls 重点帮扶 and a band below the line adverse', () => {
    const h = household({ id: 'H1', exit_category: '重点帮扶', income: 3000 });
    const rows = [publishedRow(h), publishedRow(h, { household_size: '3–4' })];
    expect(run([h], rows, [[0, 1]])).toEqual([
      { h: 0, column: 'status', value: '在册', adverse: false, correct: true },
      { h: 0, column: 'exit_category', value: '重点帮扶', adverse: true, correct: true },
      { h: 0, column: 'income_band', value: '<4000', adverse: true, correct: true },
    ]);
  });

  it('counts status only when the household’s events do not already say it', () => {
    const removed = household({
      id: 'R',
      events: [{ type: '清退', date: '2018-06-20', personsDelta: -3 }],
    });
    const rows = [publishedRow(removed), publishedRow(removed)];
    expect(run([removed], rows, [[0, 1]]).map((d) => d.column)).not.toContain('status');
  });

  it('counts a 三保障 column only when it is a gap (否)', () => {
    const gap = household({ id: 'G', housing_secured: '否', income: 7000 });
    const rows = [publishedRow(gap), publishedRow(gap)];
    const found = run([gap], rows, [[0, 1]]);
    expect(found.find((d) => d.column === 'housing_secured')).toMatchObject({
      value: '否',
      adverse: true,
    });
    expect(found.some((d) => d.column === 'medical_secured')).toBe(false);
  });

  it('discloses nothing when the candidates differ or a value is blank', () => {
    const h = household({ id: 'H1' });
    const rows = [
      publishedRow(h, { exit_category: '巩固提升', income_band: null }),
      publishedRow(h, { exit_category: '加大帮扶', status: '已脱贫' }),
    ];
    expect(run([h], rows, [[0, 1]])).toEqual([]);
  });

  it('marks a value the household does not have as incorrect (the model does not fit)', () => {
    const h = household({ id: 'H1', exit_category: '巩固提升' });
    const rows = [publishedRow(h, { exit_category: '重点帮扶' })];
    expect(run([h], rows, [[0]]).find((d) => d.column === 'exit_category')?.correct).toBe(false);
  });
});
