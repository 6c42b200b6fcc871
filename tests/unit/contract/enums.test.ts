import { describe, expect, it } from 'vitest';
import {
  EXIT_CATEGORIES,
  EXIT_CATEGORY_DEFINITIONS,
  SECURITY_GUARANTEES,
} from '../../../src/contract/enums.ts';
import { householdsDataset } from '../../../src/contract/input/households.ts';

describe('EXIT_CATEGORY_DEFINITIONS', () => {
  it('defines every category of the contract in one sentence', () => {
    for (const c of EXIT_CATEGORIES) {
      expect(EXIT_CATEGORY_DEFINITIONS[c]).toMatch(/^[^\n]{6,}。$/);
    }
  });

  it('is what the households schema (and so the data dictionary) says of the column', () => {
    const description = householdsDataset.columns.find(
      (c) => c.key === 'exit_category',
    )?.description;
    for (const c of EXIT_CATEGORIES) expect(description).toContain(EXIT_CATEGORY_DEFINITIONS[c]);
  });
});

describe('SECURITY_GUARANTEES', () => {
  it('names each of the 三保障 by a column of households.csv', () => {
    const keys = householdsDataset.columns.map((c) => c.key);
    expect(SECURITY_GUARANTEES.map((g) => g.name)).toEqual(['义务教育', '基本医疗', '住房安全']);
    for (const g of SECURITY_GUARANTEES) expect(keys).toContain(g.column);
  });
});
