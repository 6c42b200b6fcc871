/**
 * Attack 6 over the files themselves: every file of the site, and the
 * decompressed bytes of each `.br` / `.gz` copy that is not byte for byte the
 * file beside it, read as text (UTF-8; a binary file, one with a NUL byte, as
 * Latin-1), searched for input 户编号 and for what the personal-data scanner
 * flags. Compressed formats (DuckDB pages, Parquet) hide their strings: their
 * values are scanned as tables (attackTables). Node only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { createIdFinder, findPersonalDataInText } from './findIdentifiers.ts';

export interface FileScan {
  files: number;
  bytes: number;
  /** Compressed copies whose content equals the plain file (not scanned twice). */
  identicalCopies: number;
  householdIds: string[];
  personalData: string[];
}

const brotliAsync = promisify(brotliDecompress);
const gunzipAsync = promisify(gunzip);

/** Files read and decompressed at once: zlib works on libuv's threads, so the cores share it. */
const CONCURRENCY = 4;

async function contentOf(dir: string, file: string): Promise<Buffer | null> {
  const bytes = await readFile(path.join(dir, file));
  const ext = path.extname(file);
  if (ext !== '.br' && ext !== '.gz') return bytes;
  const plain = ext === '.br' ? await brotliAsync(bytes) : await gunzipAsync(bytes);
  try {
    const beside = await readFile(path.join(dir, file.slice(0, -ext.length)));
    if (beside.equals(plain)) return null;
  } catch {
    // No plain file beside it: scan the copy.
  }
  return plain;
}

/** Scans `files` (relative to `dir`) for the input's household IDs and personal data. */
export async function scanSiteFiles(
  dir: string,
  files: readonly string[],
  householdIds: readonly string[],
): Promise<FileScan> {
  const ids = createIdFinder(householdIds);
  const scan: FileScan = {
    files: 0,
    bytes: 0,
    identicalCopies: 0,
    householdIds: [],
    personalData: [],
  };
  const scanOne = async (file: string) => {
    const content = await contentOf(dir, file);
    if (content === null) {
      scan.identicalCopies++;
      return;
    }
    scan.files++;
    scan.bytes += content.length;
    // Binary files as Latin-1: ASCII stays itself and V8 scans one-byte strings fastest.
    const binary = content.includes(0);
    const text = content.toString(binary ? 'latin1' : 'utf8');
    for (const id of ids.find(text)) scan.householdIds.push(`${file}: ${id}`);
    for (const f of findPersonalDataInText(text, { binary }))
      scan.personalData.push(`${file}: ${f.kind} ${f.masked}`);
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) await scanOne(files[next++] as string);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  scan.householdIds.sort();
  scan.personalData.sort();
  return scan;
}
