// @ts-check
/// <reference lib="webworker" />
/**
 * The engine's worker script: starts the wasm download and compile the moment
 * the worker starts, then loads DuckDB-WASM's own worker script into this same
 * worker (a classic script, so `importScripts`).
 *
 * Without it the wasm download starts only after DuckDB's ~770 KB worker
 * script (156 KB brotli) has been downloaded, evaluated and has handled the
 * page's INSTANTIATE message. Cold over emulated 4G (the bench's "cold,
 * 9 Mbit/s" row) the engine start went from 7.2–7.4 s to 6.9–7.0 s; from the
 * HTTP cache nothing measurable changes (the compile itself bounds the start).
 * A wasm that does not compile now fails the worker at once.
 *
 * DuckDB's worker then asks for the same wasm: `fetch` answers that one
 * request with an empty body (no second download) and
 * `WebAssembly.instantiateStreaming` with the module compiled here. Download
 * progress is posted in DuckDB's own message format.
 *
 * Served as-is from a content-hashed URL (a Vite `?url` import, not bundled),
 * given the two URLs in its hash: `#wasm=<url>&worker=<url>`.
 */
(() => {
  const params = new URLSearchParams(self.location.hash.slice(1));
  const wasmUrl = new URL(params.get('wasm') ?? '', self.location.href).href;
  const workerUrl = new URL(params.get('worker') ?? '', self.location.href).href;

  // Browsers without streaming compile keep DuckDB's own path (an XHR, then instantiate).
  const streaming =
    typeof WebAssembly.compileStreaming === 'function' &&
    typeof WebAssembly.instantiateStreaming === 'function' &&
    typeof TransformStream === 'function';
  if (streaming) startCompile();
  importScripts(workerUrl);

  function startCompile() {
    const compiled = WebAssembly.compileStreaming(
      fetch(wasmUrl, { credentials: 'same-origin' }).then(withProgress),
    );
    // DuckDB's worker would wait for ever on a failed compile (no catch): fail the worker,
    // which the page sees as an `error` event (src/engine/browser/browserEngine.ts).
    compiled.catch((err) =>
      setTimeout(() => {
        throw err instanceof Error ? err : new Error(String(err));
      }),
    );

    const nativeFetch = self.fetch;
    const nativeInstantiateStreaming = WebAssembly.instantiateStreaming;
    /** @type {typeof fetch} */
    self.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, self.location.href).href !== wasmUrl) return nativeFetch(input, init);
      self.fetch = nativeFetch;
      return Promise.resolve(
        new Response(new Uint8Array(0), { headers: { 'content-type': 'application/wasm' } }),
      );
    };
    WebAssembly.instantiateStreaming = async (_source, imports) => {
      WebAssembly.instantiateStreaming = nativeInstantiateStreaming;
      const module = await compiled;
      const instance = await WebAssembly.instantiate(module, imports);
      return { module, instance };
    };
  }

  /**
   * The response, counting its bytes as the compile reads them: posted as DuckDB's
   * InstantiationProgress at most every 20 ms (the page drops closer updates anyway).
   * @param {Response} res
   */
  function withProgress(res) {
    if (!res.ok || !res.body) return res; // compileStreaming reports it
    const progress = {
      startedAt: new Date(),
      updatedAt: new Date(),
      bytesTotal: Number(res.headers.get('content-length')) || 0,
      bytesLoaded: 0,
    };
    let last = 0;
    const count = new TransformStream({
      transform(chunk, controller) {
        progress.bytesLoaded += chunk.byteLength;
        const now = Date.now();
        if (now - last >= 20) {
          last = now;
          progress.updatedAt = new Date(now);
          self.postMessage({ type: 'INSTANTIATE_PROGRESS', data: progress });
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(count), res);
  }
})();
