/**
 * Keeps earlier publications' database files beside the new one, so pages
 * opened before the staff republished go on answering queries. Each build
 * names its database file by content (data/huitoukan.<hash>.duckdb) and the
 * old name would otherwise leave dist/ with the swap; a page still open names
 * the old file in its HTML, and its first query would fail.
 *
 * Retention: the current file plus the files of the RETAINED_PUBLICATIONS
 * publications before it, carried over from the previous output's data/
 * folder; older ones are left behind. At one publication a week, a page keeps
 * working for at least two weeks after the next publication. The chain is
 * read from the pointer the previous build wrote (data/publication.json,
 * src/engine/browser/publicationCheck.ts reads it in the browser to offer
 * 数据已更新，刷新查看), so the order never depends on file dates.
 */
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  PUBLICATION_POINTER,
  type PublicationPointer,
} from '../../engine/browser/publicationCheck.ts';

/** Earlier publications whose database files stay served beside the current one. */
export const RETAINED_PUBLICATIONS = 2;

const DB_FILE = /^huitoukan\.[0-9a-f]+\.duckdb$/;

export interface RetainOptions {
  /** The previous output's data/ folder (may not exist). */
  previousDataDir: string;
  /** The new site's data/ folder, holding the new database file. */
  dataDir: string;
  /** The new database file's name (in `dataDir`). */
  db: string;
  /** The data's as-of date. */
  asOf: string;
  keep?: number;
}

/** The pointer the previous build left, or one made up from its database files by date (older builds). */
async function previousPointer(dir: string): Promise<PublicationPointer | undefined> {
  try {
    return JSON.parse(
      await readFile(path.join(dir, PUBLICATION_POINTER), 'utf8'),
    ) as PublicationPointer;
  } catch {
    // No pointer: a first build, or dist/ from before pointers existed.
  }
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => DB_FILE.test(f));
  } catch {
    return undefined;
  }
  const dated = await Promise.all(
    names.map(async (f) => ({ f, t: (await stat(path.join(dir, f))).mtimeMs })),
  );
  const [newest, ...rest] = dated.sort((a, b) => b.t - a.t).map((d) => d.f);
  return newest ? { db: newest, as_of: '', retained: rest } : undefined;
}

/**
 * Copies the retained database files from the previous output into `dataDir`
 * and writes the new pointer. Returns the pointer (retained: newest first).
 */
export async function retainDatabases({
  previousDataDir,
  dataDir,
  db,
  asOf,
  keep = RETAINED_PUBLICATIONS,
}: RetainOptions): Promise<PublicationPointer> {
  const previous = await previousPointer(previousDataDir);
  const chain = previous ? [previous.db, ...previous.retained] : [];
  const retained: string[] = [];
  for (const name of chain) {
    if (retained.length >= keep) break;
    // Same data published again: same name, already there.
    if (name === db || retained.includes(name) || !DB_FILE.test(name)) continue;
    try {
      await copyFile(path.join(previousDataDir, name), path.join(dataDir, name));
      retained.push(name);
    } catch {
      // Gone from the previous output (deleted by hand): nothing to keep.
    }
  }
  const pointer: PublicationPointer = { db, as_of: asOf, retained };
  await writeFile(path.join(dataDir, PUBLICATION_POINTER), `${JSON.stringify(pointer, null, 2)}\n`);
  return pointer;
}
