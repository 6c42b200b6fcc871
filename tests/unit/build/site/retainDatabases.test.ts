/**
 * A build keeps the previous publications' database files (RETAINED_PUBLICATIONS),
 * in publication order, and writes the pointer the browser reads.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { retainDatabases } from '../../../../src/build/site/retainDatabases.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Builds one "publication" after another into dist/, as runBuild does (new data/ folder each time). */
async function publisher() {
  const root = await mkdtemp(path.join(tmpdir(), 'htk-retain-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dist = path.join(root, 'dist', 'data');
  return async (hash: string) => {
    const site = path.join(root, `site-${hash}`, 'data');
    await mkdir(site, { recursive: true });
    const db = `huitoukan.${hash}.duckdb`;
    await writeFile(path.join(site, db), hash);
    const pointer = await retainDatabases({
      previousDataDir: dist,
      dataDir: site,
      db,
      asOf: '2018-07-20',
    });
    await rm(path.join(root, 'dist'), { recursive: true, force: true });
    await mkdir(path.dirname(dist), { recursive: true });
    await (await import('node:fs/promises')).rename(site, dist);
    return { pointer, files: (await readdir(dist)).sort() };
  };
}

describe('retainDatabases', () => {
  it('keeps the two previous publications and lets older ones go', async () => {
    const publish = await publisher();
    expect((await publish('aaa')).pointer.retained).toEqual([]);
    expect((await publish('bbb')).pointer.retained).toEqual(['huitoukan.aaa.duckdb']);
    expect((await publish('ccc')).pointer.retained).toEqual([
      'huitoukan.bbb.duckdb',
      'huitoukan.aaa.duckdb',
    ]);
    const fourth = await publish('ddd');
    expect(fourth.pointer).toEqual({
      db: 'huitoukan.ddd.duckdb',
      as_of: '2018-07-20',
      retained: ['huitoukan.ccc.duckdb', 'huitoukan.bbb.duckdb'],
    });
    expect(fourth.files).toEqual([
      'huitoukan.bbb.duckdb',
      'huitoukan.ccc.duckdb',
      'huitoukan.ddd.duckdb',
      'publication.json',
    ]);
  });

  it('does not count the same data published again as a publication', async () => {
    const publish = await publisher();
    await publish('aaa');
    await publish('bbb');
    const again = await publish('bbb');
    expect(again.pointer.retained).toEqual(['huitoukan.aaa.duckdb']);
  });

  it('writes the pointer the browser reads, and copies the retained files unchanged', async () => {
    const publish = await publisher();
    await publish('aaa');
    const { files } = await publish('bbb');
    expect(files).toContain('huitoukan.aaa.duckdb');
  });

  it('without a previous pointer, keeps the newest database files of the previous output', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'htk-retain-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const old = path.join(root, 'old');
    const site = path.join(root, 'site');
    await mkdir(old);
    await mkdir(site);
    await writeFile(path.join(old, 'huitoukan.aaa.duckdb'), 'a');
    await writeFile(path.join(old, 'index.html'), 'page');
    const pointer = await retainDatabases({
      previousDataDir: old,
      dataDir: site,
      db: 'huitoukan.bbb.duckdb',
      asOf: '2018-07-27',
    });
    expect(pointer.retained).toEqual(['huitoukan.aaa.duckdb']);
    expect(await readFile(path.join(site, 'huitoukan.aaa.duckdb'), 'utf8')).toBe('a');
    expect(JSON.parse(await readFile(path.join(site, 'publication.json'), 'utf8'))).toEqual(
      pointer,
    );
  });
});
