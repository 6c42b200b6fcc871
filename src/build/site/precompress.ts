/**
 * Writes `.br` and `.gz` beside every text file and wasm of a built site, so the
 * web server sends precompressed bytes (nginx `gzip_static` / `brotli_static`,
 * deploy/nginx.conf) instead of compressing on every request — or not at all.
 *
 * Never the DuckDB database: the browser reads it by byte ranges, which only
 * work on the file as stored. Never Parquet: already compressed.
 *
 * Quality, measured on this project's 2-core build machine (window 2^24):
 * brotli q11 on duckdb-eh.wasm (34 MB) takes 85 s for 5.07 MB, q9 6.5 s for
 * 5.89 MB, q5 0.8 s for 6.23 MB; on the 70 text files of the sample site (4 MB)
 * q11 takes 4.7 s, q8 0.2 s, for 1.5 % more bytes. So: content-addressed assets
 * (Vite's hashed `_astro/` files, the wasm among them) get q11 once and are cached
 * by content hash; pages and data, which change with every build, get q8, or q5
 * when large (a province's households.csv is 110 MB). The pre-built answers,
 * named by content too, get q8 and the cache (the same data builds them again).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Extensions compressed (lower case, no dot); other files are served as stored. */
export const PRECOMPRESS_EXTENSIONS: ReadonlySet<string> = new Set([
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'svg',
  'csv',
  'txt',
  'xml',
  'webmanifest',
  'wasm',
]);
/** Text files without an extension that are published too. */
const TEXT_NAMES: ReadonlySet<string> = new Set(['SHA256SUMS']);
/** Below this, compression saves less than a TCP packet and nginx would skip it anyway. */
export const MIN_BYTES = 1024;
/** Above this, a file that changes every build is compressed fast rather than small. */
const LARGE_BYTES = 16 * 2 ** 20;

/** Whether a file (path relative to the site root, `/` separators) gets `.br`/`.gz` siblings. */
export function shouldPrecompress(rel: string, bytes: number): boolean {
  if (bytes < MIN_BYTES) return false;
  const name = path.posix.basename(rel);
  const dot = name.lastIndexOf('.');
  return (
    TEXT_NAMES.has(name) ||
    (dot > 0 && PRECOMPRESS_EXTENSIONS.has(name.slice(dot + 1).toLowerCase()))
  );
}

/**
 * Whether a file's name is derived from its content (Vite's `_astro/`, the
 * pre-built answers' `data/answers/<digest>/`): compress once, cache by hash.
 */
export function isContentAddressed(rel: string): boolean {
  return rel.startsWith('_astro/') || rel.startsWith('data/answers/');
}

/** The brotli quality for a file: see the measurements in this module's header. */
export function brotliQuality(rel: string, bytes: number): number {
  // Hashed assets are compressed once and cached. The 34 MB DuckDB wasm takes
  // ~85 s at q11 here but ~40 s at q10 for 4% more bytes: a fresh checkout's
  // first `npm start` should not wait minutes.
  if (rel.startsWith('_astro/')) return bytes > LARGE_BYTES ? 10 : 11;
  // The answers are many (a province's: ~500 files, ~50 MB) and change with the data: q8.
  return bytes > LARGE_BYTES ? 5 : 8;
}

export interface PrecompressOptions {
  /** Where compressed content-addressed files are kept between builds (e.g. `.build/compress-cache`). */
  cacheDir?: string;
  /** Files compressed at once (zlib's async calls run on libuv's thread pool). */
  concurrency?: number;
  /** Cache entries unused for this long are removed. */
  cacheMaxAgeDays?: number;
}

export interface PrecompressStats {
  /** Files that got `.br`/`.gz` siblings. */
  files: number;
  /** Of those, how many came from the cache. */
  cached: number;
  rawBytes: number;
  brBytes: number;
  gzBytes: number;
  seconds: number;
}

async function listFiles(dir: string): Promise<{ rel: string; bytes: number }[]> {
  const out: { rel: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const { size } = await stat(full);
    if (shouldPrecompress(rel, size)) out.push({ rel, bytes: size });
  }
  return out;
}

async function compress(
  data: Buffer,
  quality: number,
  text: boolean,
): Promise<{ br: Buffer; gz: Buffer }> {
  const br = await brotliAsync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      // A 16 MB window (the largest browsers accept) helps the wasm and large CSVs.
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_MODE]: text
        ? constants.BROTLI_MODE_TEXT
        : constants.BROTLI_MODE_GENERIC,
    },
  });
  const gz = await gzipAsync(data, { level: 9 });
  return { br, gz };
}

/** Writes a file by rename, so a concurrent build never reads half of a cache entry. */
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Compressed forms of a content-addressed file, from the cache or made and stored there. */
async function cachedCompress(
  data: Buffer,
  quality: number,
  text: boolean,
  cacheDir: string,
): Promise<{ br: Buffer; gz: Buffer; hit: boolean }> {
  const key = createHash('sha256').update(data).digest('hex');
  const brFile = path.join(cacheDir, `${key}.q${quality}-w24.br`);
  const gzFile = path.join(cacheDir, `${key}.9.gz`);
  try {
    const [br, gz] = await Promise.all([readFile(brFile), readFile(gzFile)]);
    const now = new Date();
    await Promise.all([utimes(brFile, now, now), utimes(gzFile, now, now)]);
    return { br, gz, hit: true };
  } catch {
    const { br, gz } = await compress(data, quality, text);
    await mkdir(cacheDir, { recursive: true });
    await Promise.all([writeAtomic(brFile, br), writeAtomic(gzFile, gz)]);
    return { br, gz, hit: false };
  }
}

async function pruneCache(cacheDir: string, maxAgeDays: number): Promise<void> {
  const cutoff = Date.now() - maxAgeDays * 86_400_000;
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(cacheDir, name);
    const { mtimeMs } = await stat(file);
    if (mtimeMs < cutoff) await rm(file, { force: true });
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every file of `dir` that
 * `shouldPrecompress` selects, largest first, several at once. A compressed form
 * no smaller than the original is not written (the server then sends the original).
 */
export async function precompressDir(
  dir: string,
  { cacheDir, concurrency = availableParallelism(), cacheMaxAgeDays = 30 }: PrecompressOptions = {},
): Promise<PrecompressStats> {
  const started = performance.now();
  const files = (await listFiles(dir)).sort((a, b) => b.bytes - a.bytes);
  const stats: PrecompressStats = {
    files: 0,
    cached: 0,
    rawBytes: 0,
    brBytes: 0,
    gzBytes: 0,
    seconds: 0,
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const { rel, bytes } = files[i] as { rel: string; bytes: number };
      const full = path.join(dir, rel);
      const data = await readFile(full);
      const quality = brotliQuality(rel, bytes);
      const text = !rel.endsWith('.wasm');
      const { br, gz, hit } =
        cacheDir && isContentAddressed(rel)
          ? await cachedCompress(data, quality, text, cacheDir)
          : { ...(await compress(data, quality, text)), hit: false };
      if (br.length < bytes) await writeFile(`${full}.br`, br);
      if (gz.length < bytes) await writeFile(`${full}.gz`, gz);
      stats.files += 1;
      stats.cached += hit ? 1 : 0;
      stats.rawBytes += bytes;
      stats.brBytes += Math.min(br.length, bytes);
      stats.gzBytes += Math.min(gz.length, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (cacheDir) await pruneCache(cacheDir, cacheMaxAgeDays);
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}
