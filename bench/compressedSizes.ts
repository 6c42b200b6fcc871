/**
 * Transfer sizes of a file as a server would send it precompressed at the
 * highest levels (gzip -9, brotli q11): the budgets are about what crosses the
 * network, and the maximum levels make the numbers reproducible.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length;
}

export function brotliSize(data: Buffer | string): number {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

export function compressedSizes(data: Buffer | string): Sizes {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return { raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
}
