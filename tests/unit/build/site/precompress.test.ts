import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  brotliQuality,
  precompressDir,
  shouldPrecompress,
} from '../../../../src/build/site/precompress.ts';

/** Text that compresses, of at least `bytes` bytes (UTF-8). */
function text(bytes: number, seed = '回头看 village,households'): string {
  let out = '';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += `${seed} ${i}\n`;
  return out;
}

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  for (const d of ['_astro', 'data', 'downloads', 'villages/991502001001'])
    mkdirSync(path.join(dir, d), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), text(5_000, '<p>总览</p>'));
  writeFileSync(
    path.join(dir, 'villages/991502001001/index.html'),
    text(3_000, '<h1>松堂社区</h1>'),
  );
  writeFileSync(path.join(dir, '_astro/app.Ab12Cd.js'), text(4_000, 'export const x = 1;'));
  writeFileSync(
    path.join(dir, '_astro/duckdb-eh.Xy9.wasm'),
    Buffer.from(text(20_000, '\0asm\x01\0\0\0')),
  );
  writeFileSync(path.join(dir, '_astro/tiny.css'), 'a{color:red}');
  writeFileSync(path.join(dir, 'data/huitoukan.0123456789.duckdb'), text(50_000));
  writeFileSync(path.join(dir, 'downloads/villages.csv'), text(8_000));
  writeFileSync(path.join(dir, 'downloads/villages.parquet'), text(8_000));
  writeFileSync(path.join(dir, 'downloads/SHA256SUMS'), text(2_000, 'abc  villages.csv'));
  // Random bytes do not compress: no sibling is written that would be larger.
  writeFileSync(
    path.join(dir, 'downloads/noise.json'),
    Buffer.from(Array.from({ length: 4_000 }, () => Math.floor(Math.random() * 256))),
  );
  return dir;
}

describe('shouldPrecompress', () => {
  it('selects text files and wasm of at least 1 KB, never the database or Parquet', () => {
    expect(shouldPrecompress('index.html', 2048)).toBe(true);
    expect(shouldPrecompress('_astro/duckdb-eh.abc.wasm', 34e6)).toBe(true);
    expect(shouldPrecompress('site.webmanifest', 2048)).toBe(true);
    expect(shouldPrecompress('downloads/SHA256SUMS', 2048)).toBe(true);
    expect(shouldPrecompress('index.html', 1023)).toBe(false);
    expect(shouldPrecompress('data/huitoukan.abc.duckdb', 5e6)).toBe(false);
    expect(shouldPrecompress('downloads/households.parquet', 5e6)).toBe(false);
    expect(shouldPrecompress('index.html.br', 5e6)).toBe(false);
  });
});

describe('brotliQuality', () => {
  it('spends the most effort on hashed assets, less on pages and data, least on huge files', () => {
    expect(brotliQuality('_astro/search.abc.js', 40e3)).toBe(11);
    // The 34 MB wasm at q11 would hold up a fresh checkout's first build for minutes.
    expect(brotliQuality('_astro/duckdb-eh.abc.wasm', 34e6)).toBe(10);
    expect(brotliQuality('villages/1/index.html', 60e3)).toBeLessThan(11);
    // The answers are cached by content but many: fast, not smallest.
    expect(brotliQuality('data/answers/0123456789abcdef/exit/streets.json', 60e3)).toBe(8);
    expect(brotliQuality('downloads/households.csv', 110e6)).toBeLessThan(
      brotliQuality('downloads/villages.csv', 2e3),
    );
  });
});

describe('precompressDir', () => {
  it('writes .br and .gz that decompress to the original, beside each selected file only', async () => {
    const dir = site();
    const stats = await precompressDir(dir, {
      cacheDir: path.join(dir, '..', `${path.basename(dir)}-cache`),
    });
    const compressed = [
      'index.html',
      'villages/991502001001/index.html',
      '_astro/app.Ab12Cd.js',
      '_astro/duckdb-eh.Xy9.wasm',
      'downloads/villages.csv',
      'downloads/SHA256SUMS',
    ];
    for (const rel of compressed) {
      const original = readFileSync(path.join(dir, rel));
      expect(
        brotliDecompressSync(readFileSync(path.join(dir, `${rel}.br`))).equals(original),
        rel,
      ).toBe(true);
      expect(gunzipSync(readFileSync(path.join(dir, `${rel}.gz`))).equals(original), rel).toBe(
        true,
      );
    }
    for (const rel of [
      '_astro/tiny.css',
      'data/huitoukan.0123456789.duckdb',
      'downloads/villages.parquet',
      'downloads/noise.json',
    ]) {
      expect(existsSync(path.join(dir, `${rel}.br`)), rel).toBe(false);
      expect(existsSync(path.join(dir, `${rel}.gz`)), rel).toBe(false);
    }
    expect(stats.files).toBe(compressed.length + 1); // noise.json was tried, nothing written
    expect(stats.brBytes).toBeLessThan(stats.rawBytes);
  });

  it('takes hashed assets from the cache on the next build, by content', async () => {
    const dir = site();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    const first = await precompressDir(dir, { cacheDir });
    expect(first.cached).toBe(0);
    // Two _astro files are large enough: each has a brotli and a gzip entry.
    expect(readdirSync(cacheDir)).toHaveLength(4);

    // Plant a different (valid) brotli stream in the cache: a second build must use it
    // as is, which proves it was read rather than recomputed.
    const wasm = readFileSync(path.join(dir, '_astro/duckdb-eh.Xy9.wasm'));
    const planted = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(planted.equals(readFileSync(path.join(dir, '_astro/duckdb-eh.Xy9.wasm.br')))).toBe(
      false,
    );
    // Entries are named by the SHA-256 of the content.
    const key = createHash('sha256').update(wasm).digest('hex');
    const brEntry = readdirSync(cacheDir).find((n) => n.startsWith(key) && n.endsWith('.br'));
    expect(brEntry).toBeDefined();
    writeFileSync(path.join(cacheDir, brEntry as string), planted);

    const again = site();
    const second = await precompressDir(again, { cacheDir });
    expect(second.cached).toBe(2);
    expect(readFileSync(path.join(again, '_astro/duckdb-eh.Xy9.wasm.br')).equals(planted)).toBe(
      true,
    );
    expect(brotliDecompressSync(planted).equals(wasm)).toBe(true);
  });
});
