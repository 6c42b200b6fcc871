import { describe, expect, it } from 'vitest';
import {
  generateSample,
  parseSampleArgs,
  resolveSampleOptions,
} from '../../../../tools/sample/index.ts';
import { countBy, sampleTables } from './sampleTables.ts';

describe('the alt preset: a different region for tests', () => {
  const alt = generateSample({ preset: 'alt' });
  const t = sampleTables(alt);

  it('has another region, title and 4–5 other streets', () => {
    const def = JSON.parse(generateSample({ households: 10 }).files['campaign.json']);
    const campaign = JSON.parse(alt.files['campaign.json']);
    expect(campaign.region).not.toBe(def.region);
    expect(campaign.title).not.toBe(def.title);
    const streets = new Set(t.villages.map((v) => v.street));
    expect(streets.size).toBeGreaterThanOrEqual(4);
    expect(streets.size).toBeLessThanOrEqual(5);
    for (const s of ['田墘街道', '东洲街道', '遮浪街道']) expect(streets.has(s)).toBe(false);
  });

  it('has about 60 villages, and one street with no 双到 village at all', () => {
    expect(t.villages.length).toBe(60);
    const shuangdao = countBy(
      t.villages.filter((v) => v.shuangdao_round !== null),
      (v) => v.street,
    );
    const streets = new Set(t.villages.map((v) => v.street));
    expect(streets.size - shuangdao.size).toBe(1);
    const codes = new Set(t.villages.map((v) => v.village_code));
    expect(codes.size).toBe(60);
  });
});

describe('province scale layout', () => {
  const t = sampleTables(
    generateSample({ villages: 460, households: 3000, changes: 1200, rectifications: 400 }),
  );

  it('spreads the villages over about 20 towns of fictional counties, names unique within each town', () => {
    const streets = countBy(t.villages, (v) => v.street);
    expect(streets.size).toBe(20);
    expect([...streets.keys()].every((s) => /县.+(镇|街道)$/.test(s))).toBe(true);
    const keys = t.villages.map((v) => `${v.street}/${v.village_name}`);
    expect(new Set(keys).size).toBe(keys.length);
    // One town's villages share its nine-digit code prefix, and no other town uses it.
    const prefixes = countBy(t.villages, (v) => `${v.village_code.slice(0, 9)} ${v.street}`);
    expect(new Set([...prefixes.keys()].map((k) => k.split(' ')[0])).size).toBe(streets.size);
  });

  it('scales the projects with the villages, some for a whole town, some for the whole province', () => {
    expect(t.projects.length).toBe(13 * 460);
    expect(t.projects.some((p) => p.street === null)).toBe(true);
    expect(t.projects.some((p) => p.street !== null && p.village_code === null)).toBe(true);
  });

  it('scales the 双到 villages with the villages', () => {
    const n = t.villages.filter((v) => v.shuangdao_round !== null).length;
    expect(n).toBe(Math.round((460 * 27) / 45));
    expect(t.shortcomings.length).toBe(n * 4);
  });
});

describe('options', () => {
  it('fills what the caller left out from the preset', () => {
    expect(resolveSampleOptions()).toMatchObject({
      preset: 'default',
      households: 1500,
      villages: 45,
      projects: 585,
    });
    // Projects follow the villages unless given: ~30,000 at the province scale.
    expect(resolveSampleOptions({ villages: 2300 }).projects).toBe(29_900);
    expect(resolveSampleOptions({ villages: 2300, projects: 7 }).projects).toBe(7);
    expect(() => resolveSampleOptions({ projects: -1 })).toThrow(/projects/);
    expect(resolveSampleOptions({ preset: 'alt', households: 9 })).toMatchObject({
      preset: 'alt',
      households: 9,
      villages: 60,
    });
    expect(() => resolveSampleOptions({ households: -1 })).toThrow(/households/);
    expect(() => resolveSampleOptions({ villages: 0 })).toThrow(/villages/);
  });

  it('parses the command line', () => {
    expect(parseSampleArgs([])).toEqual({ out: 'data', help: false, options: {} });
    expect(
      parseSampleArgs([
        '--out',
        '/tmp/p',
        '--households=700000',
        '--villages',
        '2300',
        '--changes',
        '3',
        '--rectifications',
        '4',
        '--seed',
        '9',
        '--preset',
        'alt',
        '--projects',
        '30000',
      ]),
    ).toEqual({
      out: '/tmp/p',
      help: false,
      options: {
        households: 700000,
        villages: 2300,
        changes: 3,
        rectifications: 4,
        projects: 30000,
        seed: 9,
        preset: 'alt',
      },
    });
    expect(() => parseSampleArgs(['--households', 'many'])).toThrow(/households/);
    expect(() => parseSampleArgs(['--preset', 'province'])).toThrow(/preset/);
    expect(() => parseSampleArgs(['--bogus'])).toThrow();
  });
});
