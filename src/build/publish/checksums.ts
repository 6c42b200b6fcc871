import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileDigest } from '../../contract/manifest.ts';

/** Hashes a file by streaming it (the database and CSVs can be large). */
export async function sha256File(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * A SHA256SUMS file as `sha256sum` writes it and `sha256sum -c` reads it:
 * `<hex>  <path>` per line (two spaces: text mode), paths relative to the
 * folder holding the file, sorted by path.
 */
export function formatSha256Sums(entries: readonly { path: string; sha256: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}
