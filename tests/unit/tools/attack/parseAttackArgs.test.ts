import { describe, expect, it } from 'vitest';
import { parseAttackArgs } from '../../../../tools/attack/parseAttackArgs.ts';

describe('parseAttackArgs', () => {
  it('pairs each --data with the --site at the same place, oldest publication first', () => {
    const args = parseAttackArgs([
      '--data',
      'old',
      '--site',
      'old-dist',
      '--data',
      'new',
      '--site',
      'new-dist',
      '--json',
      'r.json',
    ]);
    expect(args).toEqual({
      inputs: [
        { data: 'old', site: 'old-dist' },
        { data: 'new', site: 'new-dist' },
      ],
      json: 'r.json',
      k: undefined,
      examples: undefined,
    });
  });

  it('rejects an unpaired folder and a k that is not a positive integer', () => {
    expect(() => parseAttackArgs(['--data', 'data'])).toThrow('成对');
    expect(() => parseAttackArgs(['--data', 'd', '--site', 's', '--k', '0'])).toThrow('--k');
  });

  it('returns null for --help', () => {
    expect(parseAttackArgs(['--help'])).toBeNull();
  });
});
