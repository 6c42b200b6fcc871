/**
 * The browser engine: DuckDB-WASM in a Web Worker, the published database file
 * attached read-only over HTTP range requests, the same named queries as the
 * Node engine (src/engine/node.ts) and the same plain rows back.
 *
 * Loaded on demand (lazy singleton); the wasm and worker come from the site
 * itself (bundles.ts), the worker through engineWorker.js, which starts the
 * wasm download and compile before DuckDB's own worker script has loaded and
 * retries every download. Failures never spin (supervisor.ts): a crashed
 * worker is restarted once, then every call rejects with
 * EngineError('unavailable'); each query has a timeout and can be stopped.
 * A failed download is named (EngineError 'network' | 'missing' |
 * 'republished', errors.ts) and is not final: the next call starts again, so
 * a page recovers without a reload once the network is back. The settings
 * below were measured on DuckDB-WASM 1.32: with them a one-village query of a
 * 700,000-row file reads ~330 KB by HTTP range requests instead of the whole file.
 */
import type {
  AsyncDuckDB,
  AsyncDuckDBConnection,
  DuckDBBundle,
  InstantiationProgress,
} from '@duckdb/duckdb-wasm';
import type { Engine, QueryOptions, Row } from '../engine.ts';
import type { SqlQuery } from '../../queries/sql.ts';
import { BUNDLES, checkWasmServed, engineWorkerUrl, wasmSizeOf } from './bundles.ts';
import {
  EngineError,
  isEngineError,
  markedEngineError,
  normalizeDuckDbMessage,
  withStallTimeout,
} from './errors.ts';
import { explainMissingFile } from './publicationCheck.ts';
import { throttleProgress, wireProgress, type ProgressHandler } from './progress.ts';
import { arrowToRows } from './rows.ts';
import { serial } from './serial.ts';
import { statementRunner } from './statements.ts';
import { superviseEngine, type EngineSession } from './supervisor.ts';

export interface BrowserEngineOptions {
  /** URL of the published database file (`/data/huitoukan.<hash>.duckdb`). */
  dbUrl: string;
  /** Bytes of the engine download so far; `total` is null when unknown. */
  onProgress?: ProgressHandler;
  /** Per query, from the call, time queued behind other queries included (default 15 s). */
  timeoutMs?: number;
  /** Start-up (download, instantiate, open, attach) fails after this long without progress (default 30 s). */
  startTimeoutMs?: number;
}

/** Name the file is registered under inside DuckDB, and its catalog alias. */
const DB_FILE = 'huitoukan.duckdb';
const DB_ALIAS = 'htk';

let engine: Promise<Engine> | undefined;
const progressListeners = new Set<ProgressHandler>();

/**
 * The engine, started on the first call (later calls share it; their
 * `onProgress` is added, other options are the first call's). Resolves when the
 * database is attached; rejects with an EngineError if it cannot start. After a
 * failed start the next call starts again (the network may be back), except
 * in a browser that cannot run it at all.
 */
export function getBrowserEngine(opts: BrowserEngineOptions): Promise<Engine> {
  if (opts.onProgress) progressListeners.add(opts.onProgress);
  if (engine) return engine;
  const starting = startEngine(opts);
  engine = starting;
  starting.catch((err: unknown) => {
    if (engine === starting && !(isEngineError(err) && err.kind === 'unsupported'))
      engine = undefined;
  });
  return starting;
}

/** Whether this browser can run the engine at all. */
export function canRunBrowserEngine(): boolean {
  return (
    typeof WebAssembly === 'object' && typeof Worker === 'function' && typeof fetch === 'function'
  );
}

async function startEngine(opts: BrowserEngineOptions): Promise<Engine> {
  if (!canRunBrowserEngine()) {
    throw new EngineError('unsupported', 'WebAssembly, Worker or fetch is not available');
  }
  // DuckDB reports every chunk of the download; the page needs ten updates a second at most.
  const onProgress = throttleProgress(
    (loaded, total) => progressListeners.forEach((f) => f(loaded, total)),
    100,
  );
  // A database file gone from the site: was the page's publication replaced (republished)?
  const explain = (err: unknown) => explainMissingFile(err, opts.dbUrl);
  const supervised = await superviseEngine(() => startSession(opts, onProgress), {
    timeoutMs: opts.timeoutMs ?? 15_000,
  }).catch(async (err: unknown) => {
    throw await explain(err);
  });
  return {
    query: <T extends Row = Row>(q: SqlQuery, options?: QueryOptions) =>
      supervised.query<T>(q, options).catch(async (err: unknown) => {
        throw await explain(err);
      }),
  };
}

/** Downloads and instantiates the wasm (with progress), opens, attaches: one worker. */
async function startSession(
  opts: BrowserEngineOptions,
  onProgress: ProgressHandler,
): Promise<EngineSession> {
  // Destructured so the bundler drops the rest (getJsDelivrBundles' CDN URL included).
  const { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, selectBundle } =
    await import('@duckdb/duckdb-wasm');
  const bundle = await selectBundle(BUNDLES);
  const rawSize = wasmSizeOf(bundle.mainModule);

  const worker = new Worker(
    engineWorkerUrl({
      mainModule: bundle.mainModule,
      mainWorker: bundle.mainWorker ?? BUNDLES.mvp.mainWorker,
    }),
  );
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  let kill: (reason: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => (kill = reject));
  dead.catch(() => {}); // observed through races only
  const state = { retired: false, fatal: false };
  const retire = (reason: Error, fatal: boolean) => {
    if (state.retired) return;
    Object.assign(state, { retired: true, fatal });
    kill(reason);
    // AsyncDuckDB.terminate() leaves its pending requests pending: `dead` is what rejects them.
    void db.terminate();
  };
  // AsyncDuckDB only logs worker errors and forgets its pending requests (duckdb-wasm #1857).
  // engineWorker.js marks the failures it can name (a download, a compile).
  worker.addEventListener('error', (e) => {
    const message = `worker error: ${e.message || 'load failed'}`;
    const named = markedEngineError(message);
    retire(named ?? new Error(message), !named);
  });
  worker.addEventListener('messageerror', () => retire(new Error('worker message error'), true));

  try {
    onProgress(0, null);
    const conn = await withStallTimeout(
      (activity) => {
        let total = rawSize ?? null;
        const onDownload = (p: InstantiationProgress | 'done') => {
          activity();
          if (p === 'done') return onProgress(total ?? 0, total); // DuckDB never reports 100 %
          const [loaded, t] = wireProgress(p.bytesLoaded, p.bytesTotal, rawSize);
          total = t;
          onProgress(loaded, t);
        };
        const served = checkWasmServed(bundle.mainModule).then(() => new Promise<never>(() => {}));
        return Promise.race([
          openDatabase(db, DuckDBDataProtocol.HTTP, bundle, opts.dbUrl, onDownload),
          served, // only ever rejects
          dead,
        ]);
      },
      opts.startTimeoutMs ?? 30_000,
      'engine start',
      () => retire(new EngineError('timeout', 'engine start stalled'), true),
    );
    const statement = statementRunner(conn);
    const queue = serial();
    // One query at a time on the connection (serial.ts). Without parameters (the
    // explore page's SQL) a query is sent and polled, so an abort interrupts it
    // between polls (DuckDB's cancel); prepared statements run in one worker call.
    const run = (q: SqlQuery, signal?: AbortSignal) =>
      queue(async () => {
        signal?.throwIfAborted(); // stopped while waiting its turn: never started
        if (q.params.length > 0) return arrowToRows(await statement(q.text, q.params));
        const cancel = () => void conn.cancelSent().catch(() => {});
        signal?.addEventListener('abort', cancel, { once: true });
        try {
          const batches = await (await conn.send(q.text)).readAll();
          return batches.flatMap((b) => arrowToRows(b));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          throw new Error(normalizeDuckDbMessage(message), { cause: err });
        } finally {
          signal?.removeEventListener('abort', cancel);
        }
      });
    return { run, interruptible: true, dead, state, retire };
  } catch (err) {
    retire(err instanceof Error ? err : new Error(String(err)), true);
    throw err;
  }
}

async function openDatabase(
  db: AsyncDuckDB,
  httpProtocol: number,
  bundle: DuckDBBundle,
  dbUrl: string,
  onDownload: (p: InstantiationProgress | 'done') => void,
): Promise<AsyncDuckDBConnection> {
  // The worker fetches the wasm itself (one download) and reports its progress.
  const t0 = performance.now();
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, onDownload);
  const t1 = performance.now();
  onDownload('done');
  // All three filesystem flags explicit (and the file registered with directIO),
  // or DuckDB-WASM GETs the whole file instead of reading ranges.
  await db.open({
    query: { castDecimalToDouble: true },
    filesystem: {
      reliableHeadRequests: true,
      allowFullHTTPReads: false,
      forceFullHTTPReads: false,
    },
  });
  const t2 = performance.now();
  const url = new URL(dbUrl, location.href).href;
  // Sent together: the worker answers them in order, the round trips overlap.
  const [conn] = await Promise.all([
    db.connect(),
    db.registerFileURL(DB_FILE, url, httpProtocol, true), // directIO = true: range reads
  ]);
  // One round trip: no extension may be fetched from extensions.duckdb.org (fail fast
  // instead of hanging offline); the file attached (TYPE given: no sniffing read) and
  // used, so the named queries can name tables unqualified; then locked down.
  await conn.query(
    [
      'SET autoload_known_extensions = false',
      'SET autoinstall_known_extensions = false',
      `ATTACH '${DB_FILE}' AS ${DB_ALIAS} (TYPE DUCKDB, READ_ONLY)`,
      `USE ${DB_ALIAS}`,
      ...LOCK_DOWN,
    ].join(';\n'),
  );
  // The stages of a start, for the browser's performance panel and `npm run bench`.
  performance.measure('engine:instantiate', { start: t0, end: t1 });
  performance.measure('engine:open', { start: t1, end: t2 });
  performance.measure('engine:attach', { start: t2 });
  return conn;
}

/**
 * Run on every session once the file is attached: whatever SQL reaches this
 * engine (the named queries, or what a visitor types on /explore/) can read the
 * published file and nothing else. Measured in duckdb-wasm 1.32 (DuckDB 1.4.3):
 * - enable_external_access = false: read_csv('http://…'), COPY … TO, EXPORT,
 *   ATTACH of a file or URL, LOAD and glob fail with a Permission Error before
 *   any request; the attached file stays readable over range requests (DuckDB
 *   puts it in allowed_paths when the setting is turned off).
 * - memory_limit: a query that wants more fails with "Out of Memory Error"
 *   instead of growing the worker to the 3.1 GiB default (and a phone killing it).
 * - lock_configuration last: SET / RESET of any option fail from then on.
 * Statements that need no setting (USE, DETACH, CREATE in the in-memory catalog)
 * are kept out by the explore page itself (src/views/explore/exploreSql.ts).
 */
const LOCK_DOWN = [
  "SET memory_limit = '1GB'",
  'SET enable_external_access = false',
  'SET lock_configuration = true',
] as const;
