import { describe, expect, it } from 'vitest';
import { schemeSwatches } from '../../../../../src/render/charts/parts/palette.ts';

describe('schemeSwatches with explicit colours', () => {
  it('gives a named colour a named text colour, so a colour scheme can change both', () => {
    const [named, hex, other] = schemeSwatches(
      ['var(--c-late, #00684b)', '#E69F00', 'currentColor'],
      3,
    );
    expect(named).toEqual({ fill: 'var(--c-late, #00684b)', text: 'var(--c-late-text, #ffffff)' });
    expect(hex).toEqual({ fill: '#E69F00', text: '#1a1a1a' });
    expect(other).toEqual({ fill: 'currentColor', text: 'currentColor' });
  });
});
