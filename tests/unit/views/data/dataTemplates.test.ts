/**
 * The blank templates: the committed files are exactly what `npm run templates`
 * writes, Excel-friendly (BOM, CRLF, header row only), and — the point of
 * them — accepted by the validator's header and campaign checks as they are.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_DIRS, buildDataTemplates } from '../../../../src/views/data/dataTemplates.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { CampaignSchema } from '../../../../src/contract/input/campaign.ts';
import { DATASETS } from '../../../../src/contract/input/datasets.ts';
import { writeTemplates } from '../../../../src/build/site/writeTemplates.ts';

const templates = buildDataTemplates();
const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('committed templates', () => {
  it.each(TEMPLATE_DIRS)(
    '%s/ holds exactly the generated files (run `npm run templates`)',
    (dir) => {
      for (const t of templates) {
        const committed = readFileSync(path.join(dir, t.file), 'utf8');
        expect(committed, `${dir}/${t.file}`).toBe(t.content);
      }
    },
  );

  it('are what the script writes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'htk-templates-'));
    temp.push(root);
    const written = await writeTemplates(root, ['out']);
    expect(written).toHaveLength(DATASETS.length + 1);
    for (const t of templates)
      expect(readFileSync(path.join(root, 'out', t.file))).toEqual(
        readFileSync(path.join('templates', t.file)),
      );
  });
});

describe('CSV templates', () => {
  it('has one template per dataset of the contract, named as data/ expects', () => {
    expect(templates.map((t) => t.file)).toEqual([...DATASETS.map((d) => d.file), 'campaign.json']);
  });

  it.each(DATASETS.map((d) => [d.file, d] as const))(
    '%s: UTF-8 with BOM, CRLF, one header row with every canonical header in order',
    (file, dataset) => {
      const bytes = readFileSync(path.join('templates', file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.split('\r\n')).toHaveLength(2);
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
      expect(parsed.data).toEqual([dataset.columns.map((c) => c.header)]);
    },
  );

  it('is accepted by the validator: no header, encoding or campaign problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'htk-templates-data-'));
    temp.push(dir);
    for (const t of templates) copyFileSync(path.join('templates', t.file), path.join(dir, t.file));
    const result = await loadDataset(dir);
    const headerCodes = [
      'encoding-error',
      'source-error',
      'missing-label',
      'extra-label',
      'duplicate-label',
      'blank-label',
      'missing-file',
    ];
    expect(result.issues.filter((i) => headerCodes.includes(i.code))).toEqual([]);
    expect(result.stats.filter((s) => s.file.endsWith('.csv')).map((s) => s.rows)).toEqual(
      DATASETS.map(() => 0),
    );
  });
});

describe('campaign.json example', () => {
  it('is valid campaign settings and not marked as sample data', () => {
    const t = templates.find((x) => x.file === 'campaign.json');
    const campaign = CampaignSchema.parse(JSON.parse(t?.content ?? ''));
    expect(campaign.sample).toBe(false);
    expect(campaign.site_url).toBeUndefined();
  });
});
