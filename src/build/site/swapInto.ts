import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The file operations `swapInto` uses (tests make them fail). */
export interface SwapOps {
  rename(from: string, to: string): Promise<void>;
  cp(from: string, to: string, opts: { recursive: true }): Promise<void>;
}

/**
 * Replaces `target` with `fresh` by renames, so readers never see a
 * half-written folder for long. `fresh` is first moved (or, from another
 * filesystem, copied: rename fails with EXDEV) next to `target`; if the last
 * rename fails, the previous `target` is put back. Either way nothing is left
 * half-done: `target` is the new output or exactly the old one.
 */
export async function swapInto(
  fresh: string,
  target: string,
  ops: SwapOps = { rename, cp },
): Promise<void> {
  const next = `${target}.new-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  // OUT_DIR may name a folder in one that does not exist yet.
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await rm(next, { recursive: true, force: true });
    try {
      await ops.rename(fresh, next);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await ops.cp(fresh, next, { recursive: true });
    }
    const had = existsSync(target);
    if (had) await ops.rename(target, old);
    try {
      await ops.rename(next, target);
    } catch (err) {
      if (had) await ops.rename(old, target);
      throw err;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(next, { recursive: true, force: true });
  }
}
