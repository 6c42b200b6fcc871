import { describe, expect, it } from 'vitest';
import { villagesDataset } from '../../../src/contract/input/villages.ts';

const street = (
  villagesDataset.columns.find((c) => c.key === 'street') as { schema: import('zod').ZodType }
).schema;
const messages = (v: string) => street.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('street names (街道), which are also page addresses /streets/<name>/', () => {
  it('accepts ordinary and unusual but routable names as written', () => {
    for (const name of [
      '田墘街道',
      '"><b onmouseover="x">街道',
      '=1+1 & <i>街道',
      'a.b',
      '街'.repeat(60),
    ])
      expect(street.safeParse(name)).toEqual({ success: true, data: name });
  });

  it('rejects characters and names Astro cannot route or a file system cannot store, saying why', () => {
    for (const name of ['a/b', 'a\\b', 'a?b', 'a#b', '100%', '.', '..']) {
      expect(messages(name).join(), name).toMatch(/不能含 \/ \\ \? # %/);
    }
    expect(messages('街'.repeat(61)).join()).toMatch(/不能超过 60 个字，实际为 61 个字/);
    expect(messages('').join()).toBe('不能为空');
  });
});
