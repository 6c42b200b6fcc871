/**
 * The publication history on disk: publications/<as_of>.json, one per
 * publication, committed with the project. `npm run publish` writes them; the
 * pages read them at build time and add the publication being built (from the
 * staged publication), so the site shows the history including itself even
 * before it is recorded. Node only. The folder is $HTK_PUBLICATIONS_DIR, else
 * `publications` under process.cwd() (prerendered code runs from dist/.prerender).
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  formatPublicationRecord,
  parsePublicationRecord,
  recordFileName,
  type PublicationRecord,
} from '../../contract/publicationRecord.ts';

/** Where the records are kept. */
export function publicationsDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return path.resolve(env.HTK_PUBLICATIONS_DIR ?? 'publications');
}

/** Every record in `dir` (none if it does not exist), validated; a bad file fails loudly, naming it. */
export async function readPublicationRecords(dir: string): Promise<PublicationRecord[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: PublicationRecord[] = [];
  for (const name of names.filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`发布记录 ${file} 不是有效的 JSON：${(error as Error).message}`);
    }
    const record = parsePublicationRecord(json, file);
    // The file name is the key that makes re-publishing replace a record.
    if (name !== recordFileName(record.as_of))
      throw new Error(
        `发布记录 ${file} 的 as_of 是 ${record.as_of}，文件名应为 ${recordFileName(record.as_of)}`,
      );
    records.push(record);
  }
  return records;
}

/**
 * Writes (or replaces) the record of its as_of, via a temporary file and a
 * rename. Returns the path and whether an earlier record was replaced.
 */
export async function writePublicationRecord(
  dir: string,
  record: PublicationRecord,
): Promise<{ file: string; replaced: boolean }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, recordFileName(record.as_of));
  const replaced = (await readdir(dir)).includes(recordFileName(record.as_of));
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, formatPublicationRecord(record));
  await rename(tmp, file);
  return { file, replaced };
}
