import { describe, expect, it } from 'vitest';
import {
  pruneToPerfectMatchings,
  stronglyConnectedComponents,
} from '../../../../tools/attack/pruneByMatching.ts';

describe('pruneToPerfectMatchings: edges some one-row-per-household assignment uses', () => {
  it('gives a household the row nobody else can be, and takes it from the others', () => {
    // Household 0 can be rows 0 or 1; household 1 only row 1: so 0 is row 0.
    expect(pruneToPerfectMatchings([[0, 1], [1]], 2)).toEqual([[0], [1]]);
  });

  it('follows a chain of consequences', () => {
    // 2 must be row 2, so 1 is row 1, so 0 is row 0.
    expect(pruneToPerfectMatchings([[0, 1, 2], [1, 2], [2]], 3)).toEqual([[0], [1], [2]]);
  });

  it('keeps every edge of interchangeable rows', () => {
    expect(pruneToPerfectMatchings([[0, 1], [0, 1], [2]], 3)).toEqual([[0, 1], [0, 1], [2]]);
  });

  it('returns null when the rows cannot be one per household', () => {
    expect(pruneToPerfectMatchings([[0], [0]], 2)).toBeNull();
    expect(pruneToPerfectMatchings([[0]], 2)).toBeNull();
  });
});

describe('stronglyConnectedComponents', () => {
  it('puts a cycle in one component and a tail in others', () => {
    const c = stronglyConnectedComponents([[1], [2], [0, 3], []]);
    expect(c[0]).toBe(c[1]);
    expect(c[1]).toBe(c[2]);
    expect(c[3]).not.toBe(c[0]);
  });
});
