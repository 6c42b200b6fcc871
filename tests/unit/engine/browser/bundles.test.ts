import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  BUNDLES,
  WASM_SIZES,
  checkWasmServed,
  wasmSizeOf,
} from '../../../../src/engine/browser/bundles.ts';
import { EngineError } from '../../../../src/engine/browser/errors.ts';

const require = createRequire(import.meta.url);
const sizeOnDisk = (file: string) =>
  statSync(require.resolve(`@duckdb/duckdb-wasm/dist/${file}`)).size;

describe('browser bundles', () => {
  it('know the installed wasm sizes (update WASM_SIZES with @duckdb/duckdb-wasm)', () => {
    expect(WASM_SIZES.eh).toBe(sizeOnDisk('duckdb-eh.wasm'));
    expect(WASM_SIZES.mvp).toBe(sizeOnDisk('duckdb-mvp.wasm'));
  });

  it('point at the files shipped with the site, never at a CDN', () => {
    for (const b of Object.values(BUNDLES)) {
      expect(b.mainModule).toMatch(/\.wasm$/);
      expect(b.mainWorker).toMatch(/\.worker\.js$/);
      expect(b.mainModule).not.toMatch(/^(https?:)?\/\//);
    }
    expect(wasmSizeOf(BUNDLES.eh.mainModule)).toBe(WASM_SIZES.eh);
    expect(wasmSizeOf('/other.wasm')).toBeUndefined();
  });
});

describe('checkWasmServed', () => {
  const answer = (status: number, type?: string) =>
    (async () =>
      new Response(null, {
        status,
        headers: type ? { 'content-type': type } : {},
      })) as unknown as typeof fetch;
  const offline = (async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof fetch;
  const outcome = (p: Promise<void>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof EngineError ? e.kind : String(e)),
    );

  it('accepts a wasm served as application/wasm', async () => {
    expect(await outcome(checkWasmServed('/a.wasm', answer(200, 'application/wasm')))).toBe('ok');
  });

  it('rejects a missing file and a wrong content type, on which DuckDB would hang', async () => {
    expect(await outcome(checkWasmServed('/a.wasm', answer(404)))).toBe('missing');
    expect(await outcome(checkWasmServed('/a.wasm', answer(403)))).toBe('unavailable');
    expect(await outcome(checkWasmServed('/a.wasm', answer(200, 'application/octet-stream')))).toBe(
      'unavailable',
    );
  });

  it('does not decide when the server has no HEAD', async () => {
    expect(await outcome(checkWasmServed('/a.wasm', answer(405)))).toBe('ok');
  });

  it('leaves network errors and 5xx answers to the worker, which retries its download', async () => {
    expect(await outcome(checkWasmServed('/a.wasm', offline))).toBe('ok');
    expect(await outcome(checkWasmServed('/a.wasm', answer(503)))).toBe('ok');
  });
});
