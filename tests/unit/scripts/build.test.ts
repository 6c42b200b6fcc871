/**
 * `npm run build` with invalid data: it prints the validator's lines, publishes
 * nothing, and leaves the previous output folder exactly as it was.
 */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/build.ts';
import { loadDataset } from '../../../src/pipeline/loadDataset.ts';
import { formatIssue, sortIssues } from '../../../src/pipeline/issues.ts';
import { fixtureDir } from '../pipeline/fixtureDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function previousOutput(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'htk-build-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const out = path.join(root, 'dist');
  await mkdir(out);
  await writeFile(path.join(out, 'index.html'), '<p>previous publication</p>');
  return out;
}

describe('runBuild with invalid data', () => {
  it.each(['violations', 'personal-data', 'bad-encodings'])(
    '%s: fails with the validator’s lines and leaves the previous output untouched',
    async (variant) => {
      const { dir, cleanup } = await fixtureDir(variant);
      cleanups.push(cleanup);
      const out = await previousOutput();
      const lines: string[] = [];
      const ok = await runBuild({ dataDir: dir, outDir: out, log: (l) => lines.push(l) });
      expect(ok).toBe(false);
      const expected = sortIssues((await loadDataset(dir, { displayDir: dir })).issues).map(
        formatIssue,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(lines.slice(0, expected.length)).toEqual(expected);
      expect(await readdir(out)).toEqual(['index.html']);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(
        '<p>previous publication</p>',
      );
    },
  );
});
