/**
 * Writes `.gz` (gzip -9) and `.br` (brotli q11) beside the text files (and the
 * engine's wasm, gzip only) of one of the benchmark's own built sites
 * (.build/bench/, never dist/), as a production host serving precompressed files
 * would have them, so Lighthouse and the engine section measure realistic
 * transfer sizes from tools/serve/serve.ts. A fallback: the build precompresses too
 * (src/build/site/precompress.ts), and files it compressed are left as they are.
 * The database and Parquet files and downloads (CSV, large JSON) are skipped:
 * the database is read by Range requests, which are never compressed.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The engine's wasm gets gzip -9 only: brotli q11 on its 34 MB takes minutes. */
const WASM = /\.wasm$/;
const TEXT = /\.(html|css|js|mjs|json|svg|txt|xml)$/;
/** Larger files are downloads, not page resources; brotli q11 on them would take minutes. */
const MAX_BYTES = 4 * 2 ** 20;

/**
 * Returns how many files were compressed. `only` limits the work to some
 * files (paths relative to `dir`): a province-scale site has thousands of pages,
 * and brotli q11 on all of them would take minutes.
 */
export function precompress(dir: string, only: (rel: string) => boolean = () => true): number {
  let n = 0;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!(TEXT.test(rel) || WASM.test(rel)) || !only(rel)) continue;
    const file = path.join(dir, rel);
    // The build may precompress already (src/build/site/precompress.ts): serve its files as they are.
    if (existsSync(`${file}.br`) || existsSync(`${file}.gz`)) continue;
    if (WASM.test(rel)) {
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      n++;
      continue;
    }
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) continue;
    const data = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    n++;
  }
  return n;
}
