import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configDictionary, configValueAt } from '../../../../src/views/data/configDictionary.ts';
import { CampaignSchema } from '../../../../src/contract/input/campaign.ts';

describe('configDictionary', () => {
  it('flattens nested objects and arrays of objects, parents before children', () => {
    const schema = z.object({
      a: z.string().describe('A'),
      b: z.object({ c: z.number().int().optional().describe('C') }).describe('B'),
      d: z.array(z.object({ e: z.boolean().describe('E') })).describe('D'),
      f: z.array(z.number()).default([1, 2]),
    });
    const entries = configDictionary(schema);
    expect(entries.map((e) => [e.key, e.depth, e.type, e.required, e.description])).toEqual([
      ['a', 0, '文本', true, 'A'],
      ['b', 0, '对象', true, 'B'],
      ['b.c', 1, '整数', false, 'C'],
      ['d', 0, '对象列表', true, 'D'],
      ['d[].e', 1, 'true / false', true, 'E'],
      ['f', 0, '数字列表', false, ''],
    ]);
    expect(entries.find((e) => e.key === 'f')?.defaultValue).toBe('[1,2]');
  });

  it('lists every top-level key of campaign.json', () => {
    const keys = configDictionary(CampaignSchema).map((e) => e.key);
    expect(keys.filter((k) => !k.includes('.'))).toEqual(Object.keys(CampaignSchema.shape));
    expect(keys).toEqual(
      expect.arrayContaining([
        'poverty_line.yuan',
        'poverty_line.base_year',
        'phases[].start',
        'privacy.k',
      ]),
    );
  });

  it('gives every campaign.json value a description from the schema', () => {
    const undescribed = configDictionary(CampaignSchema).filter(
      (e) => e.type !== '对象' && e.description === '',
    );
    expect(undescribed).toEqual([]);
  });

  it('marks defaulted and optional keys as not required, with the default', () => {
    const byKey = new Map(configDictionary(CampaignSchema).map((e) => [e.key, e]));
    expect(byKey.get('as_of')?.required).toBe(true);
    expect(byKey.get('site_url')).toMatchObject({ required: false, type: '网址' });
    expect(byKey.get('sample')).toMatchObject({ required: false, defaultValue: 'false' });
    const k = byKey.get('privacy.k');
    expect(k?.required).toBe(false);
    // The default the schema really applies when the key is left out.
    const parsed = CampaignSchema.shape.privacy.parse(undefined);
    expect(k?.defaultValue).toBe(JSON.stringify(parsed.k));
  });
});

describe('configValueAt', () => {
  const config = {
    as_of: '2018-07-20',
    poverty_line: { yuan: 4000, base_year: 2014 },
    income_bands: [4000, 6000],
    phases: [{ name: 'x' }, { name: 'y' }],
    sample: false,
  };
  it('reads primitives, joins primitive lists and counts object lists', () => {
    expect(configValueAt(config, 'as_of')).toBe('2018-07-20');
    expect(configValueAt(config, 'poverty_line.yuan')).toBe('4000');
    expect(configValueAt(config, 'income_bands')).toBe('4000、6000');
    expect(configValueAt(config, 'phases')).toBe('2 项');
    expect(configValueAt(config, 'sample')).toBe('false');
  });
  it('returns undefined for objects, array element keys and absent keys', () => {
    expect(configValueAt(config, 'poverty_line')).toBeUndefined();
    expect(configValueAt(config, 'phases[].name')).toBeUndefined();
    expect(configValueAt(config, 'site_url')).toBeUndefined();
    expect(configValueAt(config, 'as_of.x')).toBeUndefined();
  });
});
