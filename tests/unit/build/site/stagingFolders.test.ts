/**
 * Staging folders of builds that were killed are removed by the next build;
 * a running build's folder never is.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStagingFolder,
  processStart,
  removeStaleStagingFolders,
} from '../../../../src/build/site/stagingFolders.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function root(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'htk-staging-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A process that has exited: its pid is free (the kernel hands pids out in order, so not reused soon). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

/** A staging folder as a build with this pid (and process start time) would leave it. */
async function folder(dir: string, pid: number, started?: string): Promise<string> {
  const name = `run-${pid}-${Date.now()}`;
  await mkdir(path.join(dir, name, 'site'), { recursive: true });
  await writeFile(path.join(dir, name, 'site', 'index.html'), 'x'.repeat(1000));
  await writeFile(path.join(dir, name, 'lock'), JSON.stringify({ pid, started }));
  return name;
}

describe('staging folders', () => {
  it("removes a dead build's folder and keeps a live one's", async () => {
    const dir = await root();
    const dead = await folder(dir, await deadPid(), '1');
    const own = path.basename(await createStagingFolder(dir));
    expect(await removeStaleStagingFolders(dir)).toEqual([dead]);
    expect(await readdir(dir)).toEqual([own]);
  });

  it('removes a folder whose pid now belongs to another process (pid reused)', async () => {
    const dir = await root();
    // This test's own pid, but another process start time: the build that wrote it is gone.
    const started = await processStart(process.pid);
    const reused = await folder(
      dir,
      process.pid,
      started === undefined ? undefined : `${started}0`,
    );
    const removed = await removeStaleStagingFolders(dir);
    expect(removed).toEqual(started === undefined ? [] : [reused]);
  });

  it('keeps a folder without a lock yet while its pid lives and it is young; removes it when old', async () => {
    const dir = await root();
    const young = `run-${process.pid}-${Date.now()}`;
    await mkdir(path.join(dir, young));
    expect(await removeStaleStagingFolders(dir)).toEqual([]);
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(dir, young), hourAgo, hourAgo);
    expect(await removeStaleStagingFolders(dir)).toEqual([young]);
  });

  it('leaves other folders of .build alone', async () => {
    const dir = await root();
    await mkdir(path.join(dir, 'compress-cache'));
    await mkdir(path.join(dir, 'alt-dist'));
    expect(await removeStaleStagingFolders(dir)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['alt-dist', 'compress-cache']);
  });
});
