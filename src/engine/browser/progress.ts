/**
 * Download progress of the DuckDB wasm, as the visitor should see it. The
 * worker fetches the wasm once (a second fetch on the page would not hit the
 * cache in private windows: measured, 2 × 34 MB), and DuckDB reports progress
 * from inside that fetch. Its `bytesLoaded` counts decompressed bytes while
 * `bytesTotal` is the Content-Length, i.e. the compressed size when the server
 * compresses: scaled here by the known decompressed size (WASM_SIZES).
 */

/** Bytes received so far and the total, both as sent over the network; total null when unknown. */
export type ProgressHandler = (loaded: number, total: number | null) => void;

/** DuckDB's `InstantiationProgress` numbers → `[loaded, total]` in wire bytes, loaded ≤ total. */
export function wireProgress(
  bytesLoaded: number,
  bytesTotal: number,
  rawSize: number | undefined,
): [number, number | null] {
  const total = bytesTotal > 0 ? bytesTotal : (rawSize ?? null);
  const ratio = bytesTotal > 0 && rawSize ? bytesTotal / rawSize : 1;
  const loaded = Math.round(bytesLoaded * ratio);
  return [total === null ? loaded : Math.min(loaded, total), total];
}

/** Calls `handler` at most every `ms` (DuckDB reports every chunk), always for the final 100 %. */
export function throttleProgress(
  handler: ProgressHandler,
  ms: number,
  now = () => Date.now(),
): ProgressHandler {
  let last = -Infinity;
  return (loaded, total) => {
    const t = now();
    if (t - last < ms && loaded !== total) return;
    last = t;
    handler(loaded, total);
  };
}
