/**
 * The published database must open in the browser's engine: duckdb-wasm 1.32
 * is DuckDB 1.4.3, while the build writes with @duckdb/node-api 1.5.x, whose
 * default storage format 1.4.3 refuses ("can only read versions between 64
 * and 67"). So the file is written with an explicit storage version, and its
 * header is checked after writing. 64 KB blocks: small range requests
 * (measured: 256 KB blocks fetched over twice as many bytes for a zone scan).
 * Storage format: https://duckdb.org/docs/stable/internals/storage
 */
import { open } from 'node:fs/promises';

/** `ATTACH … (STORAGE_VERSION …)`: the newest format DuckDB 1.4.x reads. */
export const STORAGE_VERSION = 'v1.4.0';
export const BLOCK_SIZE = 65536;
/** Highest storage version number DuckDB 1.4.3 (duckdb-wasm 1.32) reads; v1.5.0 files are 68. */
export const MAX_READABLE_STORAGE_NUMBER = 67;

/**
 * Reads the storage version number from a DuckDB file's main header:
 * an 8-byte checksum, the magic bytes "DUCK", then the version as uint64 LE.
 */
export async function readStorageVersion(path: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(20);
    await file.read(head, 0, 20, 0);
    if (head.toString('latin1', 8, 12) !== 'DUCK')
      throw new Error(`${path} 不是 DuckDB 数据库文件`);
    return Number(head.readBigUInt64LE(12));
  } finally {
    await file.close();
  }
}
