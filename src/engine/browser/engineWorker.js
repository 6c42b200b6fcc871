// @ts-check
/// <reference lib="webworker" />
/**
 * The engine's worker script: starts the wasm download and compile the moment
 * the worker starts, then loads DuckDB-WASM's own worker script into this same
 * worker (a classic script, so `importScripts`). Every file it or DuckDB
 * fetches is retried here on network errors and 5xx answers.
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
 * Retries, and why they live here:
 * - the wasm (fetch) and DuckDB's worker script (importScripts) are fetched by
 *   this script: retried with a backoff of 0.5, 1, 2, 4 s;
 * - the database file is read by DuckDB's HTTP filesystem with synchronous
 *   XMLHttpRequests, from inside a wasm call that cannot wait asynchronously.
 *   A failed read there is worse than slow: DuckDB-WASM 1.32 keeps the failed
 *   page and the next query over it fails with "Corrupt database file:
 *   computed checksum … does not match stored checksum 0" (measured). So each
 *   synchronous request is retried inside `send()` (0.25, 0.75, 1.5 s apart),
 *   before DuckDB sees anything; the wait blocks this worker only, with
 *   Atomics.wait where shared wasm memory exists (Chromium, without
 *   cross-origin isolation) and a clock loop elsewhere.
 * When retries run out (or the browser says it is offline) the error carries a
 * mark the page reads (src/engine/browser/errors.ts, ENGINE_MARKS):
 * `[htk:network]`, `[htk:missing]` (404/410: a newer publication removed the
 * file) or `[htk:unsupported]` (the wasm does not compile here).
 *
 * Served as-is from a content-hashed URL (a Vite `?url` import, not bundled),
 * given the two URLs in its hash: `#wasm=<url>&worker=<url>`.
 */
(() => {
  const NETWORK = '[htk:network]';
  const MISSING = '[htk:missing]';
  const UNSUPPORTED = '[htk:unsupported]';
  const FILE_RETRY_DELAYS_MS = [500, 1000, 2000, 4000];
  const READ_RETRY_DELAYS_MS = [250, 750, 1500];

  const params = new URLSearchParams(self.location.hash.slice(1));
  const wasmUrl = new URL(params.get('wasm') ?? '', self.location.href).href;
  const workerUrl = new URL(params.get('worker') ?? '', self.location.href).href;

  const nativeFetch = self.fetch;
  const offline = () => self.navigator.onLine === false;
  /** @param {number} status */
  const retryable = (status) => status >= 500 || status === 408 || status === 429;
  /** @param {number} ms */
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Fails the worker (an `error` event on the page's Worker object) with `message`. */
  const fail = (/** @type {string} */ message) =>
    setTimeout(() => {
      throw new Error(message);
    });

  retryReads();

  // Browsers without streaming compile keep DuckDB's own path (an XHR, then instantiate).
  const streaming =
    typeof WebAssembly.compileStreaming === 'function' &&
    typeof WebAssembly.instantiateStreaming === 'function' &&
    typeof TransformStream === 'function';
  if (streaming) startCompile();
  loadDuckDbWorker();

  function startCompile() {
    const compiled = compileWithRetries();
    // DuckDB's worker would wait for ever on a failed compile (no catch): fail the worker,
    // which the page sees as an `error` event (src/engine/browser/browserEngine.ts).
    compiled.catch((err) => fail(err instanceof Error ? err.message : String(err)));

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

  /** Downloads and compiles the wasm; a network error or 5xx (also mid-download) starts again. */
  async function compileWithRetries() {
    for (let attempt = 0; ; attempt++) {
      /** @type {string} */
      let failure;
      try {
        // Not `fetch`: that is DuckDB's, answered from the compile below (startCompile).
        const res = await nativeFetch(wasmUrl, { credentials: 'same-origin' });
        if (res.status === 404 || res.status === 410) throw new Error(`${MISSING} ${wasmUrl}`);
        if (res.ok) return await WebAssembly.compileStreaming(withProgress(res));
        if (!retryable(res.status)) throw new Error(`${NETWORK} ${wasmUrl}: HTTP ${res.status}`);
        failure = `HTTP ${res.status}`;
      } catch (err) {
        if (err instanceof WebAssembly.CompileError) throw new Error(`${UNSUPPORTED} ${err}`);
        if (err instanceof Error && err.message.startsWith('[htk:')) throw err;
        failure = String(err); // fetch's TypeError, or the body cut short while compiling
      }
      const delay = FILE_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || offline()) throw new Error(`${NETWORK} ${wasmUrl}: ${failure}`);
      await pause(delay);
    }
  }

  /**
   * DuckDB's worker script, loaded now; if that fails, again after each delay,
   * the page's messages held until it has loaded (it installs `onmessage`).
   */
  function loadDuckDbWorker() {
    /** @type {MessageEvent[]} */
    const held = [];
    self.onmessage = (event) => void held.push(event);
    const load = () => {
      try {
        importScripts(workerUrl);
        return true;
      } catch (err) {
        return String(err);
      }
    };
    const first = load();
    if (first === true) return;
    (async () => {
      let failure = first;
      for (const delay of FILE_RETRY_DELAYS_MS) {
        if (offline()) break;
        await pause(delay);
        const result = load();
        if (result === true) {
          const handle = self.onmessage;
          for (const event of held) handle?.call(self, event);
          return;
        }
        failure = result;
      }
      fail(`${NETWORK} ${workerUrl}: ${failure}`);
    })();
  }

  /**
   * Wraps XMLHttpRequest so that each synchronous request (DuckDB's range reads
   * of the database) is retried on a network error or 5xx before DuckDB sees it.
   */
  function retryReads() {
    const Native = self.XMLHttpRequest;
    if (typeof Native !== 'function') return;
    const sleep = blockingSleep();
    class RetryingXMLHttpRequest extends Native {
      /** @type {{ method: string, url: string, headers: [string, string][] } | undefined} */
      #sync;

      /**
       * @param {string} method
       * @param {string | URL} url
       * @param {boolean} [async]
       * @param {string | null} [user]
       * @param {string | null} [password]
       */
      open(method, url, async = true, user, password) {
        this.#sync = async ? undefined : { method, url: String(url), headers: [] };
        super.open(method, url, async, user, password);
      }

      /** @param {string} name @param {string} value */
      setRequestHeader(name, value) {
        this.#sync?.headers.push([name, value]);
        super.setRequestHeader(name, value);
      }

      /** @param {Document | XMLHttpRequestBodyInit | null} [body] */
      send(body) {
        const sync = this.#sync;
        if (!sync) return super.send(body);
        for (let attempt = 0; ; attempt++) {
          /** @type {string | undefined} */
          let failure;
          try {
            super.send(body);
            if (retryable(this.status)) failure = `HTTP ${this.status}`;
          } catch (err) {
            failure = String(err);
          }
          if (failure === undefined) {
            if (this.status === 404 || this.status === 410)
              throw new Error(`${MISSING} ${sync.method} ${sync.url}: HTTP ${this.status}`);
            return;
          }
          const delay = READ_RETRY_DELAYS_MS[attempt];
          if (delay === undefined || offline())
            throw new Error(`${NETWORK} ${sync.method} ${sync.url}: ${failure}`);
          sleep(delay);
          // open() resets the request (responseType stays); the headers go again.
          super.open(sync.method, sync.url, false);
          for (const [name, value] of sync.headers) super.setRequestHeader(name, value);
        }
      }
    }
    self.XMLHttpRequest = RetryingXMLHttpRequest;
  }

  /** A synchronous sleep for this worker: Atomics.wait on shared wasm memory, else the clock. */
  function blockingSleep() {
    try {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
      const cell = new Int32Array(memory.buffer);
      return (/** @type {number} */ ms) => void Atomics.wait(cell, 0, 0, ms);
    } catch {
      return (/** @type {number} */ ms) => {
        const until = Date.now() + ms;
        while (Date.now() < until);
      };
    }
  }

  /**
   * The response, counting its bytes as the compile reads them: posted as DuckDB's
   * InstantiationProgress at most every 20 ms (the page drops closer updates anyway).
   * @param {Response} res
   */
  function withProgress(res) {
    if (!res.body) return res;
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
