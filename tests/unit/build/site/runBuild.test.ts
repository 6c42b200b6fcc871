/**
 * `npm run build` with invalid data: it prints the validator's lines, publishes
 * nothing, and leaves the previous output folder exactly as it was.
 */
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../../../src/build/site/runBuild.ts';
import { swapInto } from '../../../../src/build/site/swapInto.ts';
import { loadDataset } from '../../../../src/build/validate/loadDataset.ts';
import { formatIssue, sortIssues } from '../../../../src/build/validate/issues.ts';
import { fixtureDir } from '../validate/fixtureDir.ts';

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
      const manifest = await runBuild({ dataDir: dir, outDir: out, log: (l) => lines.push(l) });
      expect(manifest).toBeNull();
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

describe('swapInto', () => {
  async function folders() {
    const root = await mkdtemp(path.join(tmpdir(), 'htk-swap-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const fresh = path.join(root, 'work', 'site');
    const target = path.join(root, 'dist');
    await mkdir(fresh, { recursive: true });
    await mkdir(target);
    await writeFile(path.join(fresh, 'index.html'), 'new');
    await writeFile(path.join(target, 'index.html'), 'old');
    return { root, fresh, target };
  }
  const exdev = () =>
    Object.assign(new Error('cross-device link not permitted'), { code: 'EXDEV' });

  it('replaces the output and leaves nothing beside it', async () => {
    const { root, fresh, target } = await folders();
    await swapInto(fresh, target);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
    expect((await readdir(root)).sort()).toEqual(['dist', 'work']);
  });

  it('makes the output folder where its parent does not exist yet (OUT_DIR=a/new/place)', async () => {
    const { root, fresh } = await folders();
    const target = path.join(root, 'not', 'yet', 'dist');
    await swapInto(fresh, target);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
  });

  it('copies when the build folder is on another filesystem (EXDEV)', async () => {
    const { fresh, target } = await folders();
    const ops = {
      rename: async (from: string, to: string) => {
        if (from === fresh) throw exdev();
        await rename(from, to);
      },
      cp,
    };
    await swapInto(fresh, target, ops);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new');
  });

  it('puts the previous output back when the last rename fails', async () => {
    const { root, fresh, target } = await folders();
    const ops = {
      rename: async (from: string, to: string) => {
        if (to === target && from.includes('.new-')) throw new Error('disk gone');
        await rename(from, to);
      },
      cp,
    };
    await expect(swapInto(fresh, target, ops)).rejects.toThrow('disk gone');
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('old');
    expect((await readdir(root)).sort()).toEqual(['dist', 'work']);
  });
});
