/**
 * DuckDB-WASM bundles, served by the site itself: Vite `?url` imports emit the
 * wasm and worker files into dist/_astro/ under content-hashed names (cacheable
 * for ever), never fetched from jsDelivr or any other host.
 * The COI (threads) bundle is left out: it needs cross-origin isolation headers.
 */
import { EngineError } from './errors.ts';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import engineWorker from './engineWorker.js?url&no-inline';

export const BUNDLES = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/**
 * The URL the engine's Worker is started with: our engineWorker.js, which
 * starts the bundle's wasm compile at once and then loads the bundle's worker.
 */
export function engineWorkerUrl(bundle: { mainModule: string; mainWorker: string }): string {
  const hash = new URLSearchParams({ wasm: bundle.mainModule, worker: bundle.mainWorker });
  return `${engineWorker}#${hash}`;
}

/**
 * Decompressed sizes of the wasm files of @duckdb/duckdb-wasm 1.32.0, to show
 * progress when the server compresses them (Content-Length is then the
 * compressed size). A unit test compares them with node_modules.
 */
export const WASM_SIZES: Readonly<Record<keyof typeof BUNDLES, number>> = {
  eh: 34_242_586,
  mvp: 39_362_651,
};

/** The decompressed size of a bundle's wasm, by its URL. */
export function wasmSizeOf(mainModule: string): number | undefined {
  if (mainModule === BUNDLES.eh.mainModule) return WASM_SIZES.eh;
  if (mainModule === BUNDLES.mvp.mainModule) return WASM_SIZES.mvp;
  return undefined;
}

/**
 * Fails fast, with a reason a person can act on, where DuckDB would wait for
 * ever: its worker calls `WebAssembly.instantiateStreaming` without a catch, so
 * a missing wasm or one not served as `application/wasm` would leave
 * `instantiate()` pending (engineWorker.js also fails the worker then, with
 * the browser's less helpful message). One HEAD request, in parallel with the
 * start. A network error or a 5xx answer decides nothing here: the worker
 * retries its download and names the failure if it lasts (engineWorker.js).
 */
export async function checkWasmServed(url: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'HEAD', credentials: 'same-origin' });
  } catch {
    return;
  }
  if (res.status === 405 || res.status === 501) return; // a server without HEAD: let the GET decide
  if (res.status >= 500 || res.status === 408 || res.status === 429) return;
  if (res.status === 404 || res.status === 410)
    throw new EngineError('missing', `${url}: HTTP ${res.status}`, { file: 'engine' });
  if (!res.ok) throw new EngineError('unavailable', `${url}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/wasm')) {
    throw new EngineError(
      'unavailable',
      `${url} is served as "${type}"; DuckDB needs application/wasm`,
    );
  }
}
