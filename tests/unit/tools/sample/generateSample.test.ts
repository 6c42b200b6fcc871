import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CampaignSchema, DATASETS, projectsDataset } from '../../../../src/contract/index.ts';
import { generateSample, SAMPLE_FILES, writeSample } from '../../../../tools/sample/index.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const sample = generateSample();
const tmp = mkdtempSync(join(tmpdir(), 'htk-sample-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generateSample: determinism', () => {
  it('returns the same bytes for the same options', () => {
    const again = generateSample();
    for (const f of SAMPLE_FILES) expect(again.files[f], f).toBe(sample.files[f]);
  });

  it('returns different households for a different seed', () => {
    const other = generateSample({ seed: 1 });
    expect(other.files['households.csv']).not.toBe(sample.files['households.csv']);
  });

  it('keeps the households when only the number of rectifications changes', () => {
    const other = generateSample({ rectifications: 10 });
    expect(other.files['households.csv']).toBe(sample.files['households.csv']);
    expect(other.files['rectifications.csv']).not.toBe(sample.files['rectifications.csv']);
  });

  it('draws projects from their own stream: the five other files do not depend on them', () => {
    const none = generateSample({ projects: 0 });
    for (const f of SAMPLE_FILES.filter((f) => f !== 'projects.csv'))
      expect(none.files[f], f).toBe(sample.files[f]);
    expect(none.files['projects.csv']).toBe(
      `\uFEFF${projectsDataset.columns.map((c) => c.header).join(',')}\r\n`,
    );
    expect(generateSample({ projects: 50 }).files['projects.csv'].split('\r\n')).toHaveLength(52);
  });

  it('matches the committed data/ byte for byte (run `npm run sample` after changing the generator)', () => {
    for (const f of SAMPLE_FILES) {
      const committed = readFileSync(join(ROOT, 'data', f));
      expect(committed.equals(Buffer.from(sample.files[f], 'utf8')), `data/${f}`).toBe(true);
    }
  });
});

describe('generateSample: file format', () => {
  it('writes CSV as Excel does: UTF-8 BOM, CRLF line ends, the schemas’ Chinese headers in order', () => {
    for (const d of DATASETS) {
      const text = sample.files[d.file as (typeof SAMPLE_FILES)[number]];
      expect(text.startsWith('\uFEFF'), d.file).toBe(true);
      expect(text.endsWith('\r\n'), d.file).toBe(true);
      expect(text.replace(/\r\n/g, '').includes('\n'), `${d.file} has a bare LF`).toBe(false);
      const firstLine = text.slice(1, text.indexOf('\r\n'));
      expect(firstLine).toBe(d.columns.map((c) => c.header).join(','));
    }
  });

  it('writes a campaign.json the schema accepts, marked as sample, without site_url', () => {
    const json = JSON.parse(sample.files['campaign.json']) as Record<string, unknown>;
    const campaign = CampaignSchema.parse(json);
    expect(campaign.region).toBe('汕尾市红海湾开发区');
    expect(campaign.as_of).toBe('2018-07-20');
    expect(campaign.sample).toBe(true);
    expect(campaign.poverty_line).toEqual({ yuan: 4000, base_year: 2014 });
    expect(campaign.income_bands).toEqual([4000, 6000, 8000, 10000]);
    expect(campaign.privacy.k).toBe(3);
    expect(campaign.phases.map((p) => `${p.name} ${p.start}–${p.end}`)).toEqual([
      '动员部署 2018-06-05–2018-06-10',
      '组织实施 2018-06-05–2018-07-10',
      '抽查整改 2018-07-11–2018-07-14',
      '总结上报 2018-07-15–2018-07-18',
    ]);
    expect('site_url' in json).toBe(false);
  });
});

describe('writeSample and the CLI', () => {
  it('streams the same bytes to disk as generateSample returns, leaving other files alone', () => {
    const dir = join(tmp, 'write');
    writeSample({ preset: 'alt', households: 300 }, dir);
    writeFileSync(join(dir, 'README.md'), 'keep me');
    const { files } = generateSample({ preset: 'alt', households: 300 });
    writeSample({ preset: 'alt', households: 300 }, dir);
    for (const f of SAMPLE_FILES) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(files[f]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('keep me');
  });

  it('`npm run sample -- --out DIR --households N` writes a data set there', () => {
    const dir = join(tmp, 'cli');
    const node = join(ROOT, 'node_modules/.bin/node');
    const out = execFileSync(
      node,
      ['cli/sample.ts', '--out', dir, '--households', '200', '--seed', '5'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(out).toContain('200 户');
    const { files } = generateSample({ households: 200, seed: 5 });
    expect(readFileSync(join(dir, 'households.csv'), 'utf8')).toBe(files['households.csv']);
  });

  it('rejects an unknown option with exit code 2 and the usage', () => {
    const node = join(ROOT, 'node_modules/.bin/node');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(node, ['cli/sample.ts', '--out', join(tmp, 'x'), '--househods', '5'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('--households N');
  });
});
