/**
 * The staff guide stays true to the code it describes: its error table names
 * every code the validator can emit, the commands it tells staff to run exist,
 * and the template files it lists are the generated ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODE_HELP } from '../../../src/build/validate/formatSummary.ts';
import { buildDataTemplates } from '../../../src/views/data/dataTemplates.ts';

const guide = readFileSync('docs/staff-guide.md', 'utf8');
const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('docs/staff-guide.md', () => {
  it('has a row with a fix for every error code the validator emits', () => {
    const section = guide.split('### 错误代码与改法')[1]?.split('\n## ')[0] ?? '';
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const codes = rows.map((l) => /^\| `([a-z-]+)`/.exec(l)?.[1]);
    expect(new Set(codes)).toEqual(new Set(Object.keys(ISSUE_CODE_HELP)));
    for (const row of rows) expect(row.split('|').filter((c) => c.trim() !== '')).toHaveLength(4);
  });

  it('only tells staff to run npm scripts that exist', () => {
    const used = [...guide.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1] as string);
    expect(used).toEqual(expect.arrayContaining(['validate', 'build', 'preview', 'publish']));
    for (const name of used) expect(scripts, name).toHaveProperty(name);
  });

  it('lists every template file', () => {
    for (const t of buildDataTemplates())
      expect(guide, t.file).toMatch(new RegExp(`\\| \`${t.file.replace('.', '\\.')}\` +\\|`));
  });

  it('links to the data contract', () => {
    expect(guide).toContain('(data-contract.md)');
  });
});
