import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');
export const VALID_DIR = path.join(FIXTURES, 'valid');

/**
 * A temporary data folder: the valid fixture set with the files of
 * `tests/fixtures/variants/<variant>` laid over it. Remove it with `cleanup`.
 */
export async function fixtureDir(
  variant?: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'htk-validate-'));
  const dir = path.join(root, 'data');
  await cp(VALID_DIR, dir, { recursive: true });
  if (variant) await cp(path.join(FIXTURES, 'variants', variant), dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
