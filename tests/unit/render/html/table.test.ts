import { describe, expect, it } from 'vitest';
import { columns } from '../../../../src/render/html/table.ts';

describe('columns', () => {
  it('makes one column of the format per label, in the order given', () => {
    expect(columns({ households: '户数', persons: '人数' }, 'number')).toEqual([
      { key: 'households', label: '户数', format: 'number' },
      { key: 'persons', label: '人数', format: 'number' },
    ]);
  });

  it('leaves the format out for text columns', () => {
    const [street] = columns({ street: '街道' });
    expect(street).toStrictEqual({ key: 'street', label: '街道' });
  });
});
