/**
 * The build's staging folders, `.build/run-<pid>-<time>/` (about 100 MB each):
 * one per build, removed when it ends — unless the build was killed. Each
 * build therefore first removes the folders of earlier builds that are no
 * longer running, and never one in use:
 *
 * - a build writes `<folder>/lock` first thing: its pid and its process's
 *   start time;
 * - a folder is stale when its build's process is gone, or when its pid now
 *   belongs to another process (pid reuse: the start time in /proc differs);
 * - a folder without a lock yet (a build in its first milliseconds) is kept
 *   until it is an hour old.
 * Where /proc is missing (not Linux) a live pid is trusted as the build's.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RUN_FOLDER = /^run-(\d+)-(\d+)$/;
const LOCK = 'lock';
/** A folder with no lock file is someone's build starting up — unless it is this old. */
const UNLOCKED_GRACE_MS = 60 * 60 * 1000;

/** What the lock file says about the build holding the folder. */
interface LockInfo {
  pid: number;
  /** The process's start time (field 22 of /proc/<pid>/stat), when known. */
  started?: string;
}

/** The start time of process `pid` as /proc tells it; undefined off Linux or when gone. */
export async function processStart(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists (signal 0 sends nothing). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the build that wrote `lock` is still that process. */
async function lockHeld(lock: LockInfo): Promise<boolean> {
  if (!isAlive(lock.pid)) return false;
  if (!lock.started) return true;
  const now = await processStart(lock.pid);
  return now === undefined || now === lock.started;
}

/** Creates this build's staging folder under `root` with its lock; returns its path. */
export async function createStagingFolder(root: string, now = Date.now()): Promise<string> {
  const dir = path.join(root, `run-${process.pid}-${now}`);
  await mkdir(dir, { recursive: true });
  const lock: LockInfo = { pid: process.pid, started: await processStart(process.pid) };
  await writeFile(path.join(dir, LOCK), JSON.stringify(lock));
  return dir;
}

/**
 * Removes the staging folders under `root` whose build is no longer running.
 * Returns the names removed.
 */
export async function removeStaleStagingFolders(root: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = RUN_FOLDER.exec(name);
    if (!m) continue;
    const dir = path.join(root, name);
    let lock: LockInfo | undefined;
    try {
      lock = JSON.parse(await readFile(path.join(dir, LOCK), 'utf8')) as LockInfo;
    } catch {
      lock = undefined;
    }
    let stale: boolean;
    if (lock) stale = !(await lockHeld(lock));
    else {
      // No lock: just created, or from before locks. Its pid decides once it is old enough.
      const age = now - (await stat(dir).catch(() => ({ mtimeMs: now }))).mtimeMs;
      stale = age > UNLOCKED_GRACE_MS || !isAlive(Number(m[1]));
    }
    if (stale) {
      await rm(dir, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
