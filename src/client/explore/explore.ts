/**
 * Browser: the SQL page (/explore/). The engine (DuckDB-WASM, several MB) is
 * started only when the visitor focuses the editor or runs a query, never on
 * view. A query is checked and wrapped (src/views/explore/exploreSql.ts), described for
 * its columns, run with a row cap, then shown as a sortable table with a CSV
 * download; it can be stopped (an interrupt: the engine stays). Failures
 * become a message in the page, and clear the previous result: nothing is
 * logged with console.error (the e2e fixture treats that as a bug).
 *
 * The SQL editor is a plain <textarea> until CodeMirror has loaded after the
 * first paint (sqlEditor.ts, a separate chunk); it stays one if that fails.
 * The address shares the last query run while it is short enough
 * (exploreShare.ts). A newer publication is offered with 刷新, which keeps the
 * visitor's query across the reload (sessionStorage).
 */
import type { Engine } from '../../engine/engine.ts';
import { canRunBrowserEngine, getBrowserEngine } from '../../engine/browser/browserEngine.ts';
import { EngineError, isEngineError } from '../../engine/browser/errors.ts';
import { newerPublication } from '../../engine/browser/publicationCheck.ts';
import { resultColumns } from '../../views/explore/exploreColumns.ts';
import { resultCsv, resultCsvName } from '../../views/explore/exploreCsv.ts';
import {
  exploreErrorMessage,
  type ExploreErrorMessage,
} from '../../views/explore/exploreErrors.ts';
import { shareLink, shareTooLongMessage } from '../../views/explore/exploreShare.ts';
import {
  EXPLORE_MAX_ROWS,
  EXPLORE_SHOWN_ROWS,
  checkExploreSql,
  describeQuery,
  resultQuery,
} from '../../views/explore/exploreSql.ts';
import { resultSummary } from '../../views/explore/exploreSummary.ts';
import { clearEngineStatus, renderEngineError, renderEngineProgress } from '../engineStatus.ts';
import { mountResultTable, type ResultTable } from './exploreTable.ts';
import { saveBlob as save } from '../saveFile.ts';

/** Per query (the DESCRIBE and the query itself each get this long). */
const TIMEOUT_MS = 15_000;
/** sessionStorage key: the query kept across a 刷新 to a newer publication. */
const KEPT_QUERY = 'htk-explore-kept-query';

/** The editor as this page uses it: the textarea at first, CodeMirror once loaded. */
interface SqlInput {
  value(): string;
  setValue(text: string): void;
  focus(): void;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

/** Copies `text`; false when the browser refuses (the visitor can still select it). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Runs `task` once the page has painted and the browser is idle (or after a short wait). */
function afterFirstPaint(task: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(task, { timeout: 2000 })
      : setTimeout(task, 200);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

function setup(): void {
  const root = byId('explore');
  const form = byId<HTMLFormElement>('explore-form');
  const textarea = byId<HTMLTextAreaElement>('explore-sql');
  const runButton = byId<HTMLButtonElement>('explore-run');
  const stopButton = byId<HTMLButtonElement>('explore-stop');
  const status = byId('explore-status');
  const update = byId('explore-update');
  const errorBox = byId('explore-error');
  const resultBox = byId('explore-result');
  const summary = byId('explore-summary');
  const note = byId('explore-note');
  const share = byId('explore-share');
  const tableHost = byId('explore-table');
  const csvButton = byId<HTMLButtonElement>('explore-csv');
  const dbUrl = root.dataset.dbUrl ?? '';

  let input: SqlInput = {
    value: () => textarea.value,
    setValue: (text) => (textarea.value = text),
    focus: () => textarea.focus(),
  };
  let engine: Promise<Engine> | undefined;
  let table: ResultTable | undefined;
  let columns: ReturnType<typeof resultColumns> = [];
  let running: AbortController | undefined;
  /** What to do again after 重试 (or back online): the query that met the failure. */
  let retryQuery = false;

  /** Reloads for the newer publication, keeping the query (and running it again). */
  const refresh = () => {
    sessionStorage.setItem(
      KEPT_QUERY,
      JSON.stringify({ sql: input.value(), run: !resultBox.hidden || retryQuery }),
    );
    location.reload();
  };

  const showUpdate = () => {
    if (!update.hidden) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tap rounded border border-line px-3 text-sm font-semibold';
    button.textContent = '刷新';
    button.addEventListener('click', refresh);
    update.replaceChildren('数据已更新，刷新查看（查询语句会保留）。', ' ', button);
    update.hidden = false;
  };

  const retry = () => {
    const again = retryQuery;
    retryQuery = false;
    if (again) void run();
    else void ensureEngine().catch(() => {});
  };

  const ensureEngine = (): Promise<Engine> => {
    if (engine) return engine;
    const starting = getBrowserEngine({
      dbUrl,
      timeoutMs: TIMEOUT_MS,
      onProgress: (loaded, total) => renderEngineProgress(status, loaded, total),
    }).then(
      (e) => {
        clearEngineStatus(status);
        return e;
      },
      (err: unknown) => {
        engine = undefined; // the next focus, run or 重试 starts again
        renderEngineError(status, err, { retry, refresh });
        throw err;
      },
    );
    engine = starting;
    return starting;
  };

  const showError = (m: ExploreErrorMessage | undefined) => {
    errorBox.hidden = !m;
    if (!m) return errorBox.replaceChildren();
    const title = document.createElement('p');
    title.className = 'font-semibold';
    title.textContent = m.title;
    errorBox.replaceChildren(title);
    if (m.detail) {
      const pre = document.createElement('pre');
      pre.className = 'explore-error-detail';
      pre.tabIndex = 0; // it may scroll sideways on a phone
      pre.setAttribute('aria-label', 'DuckDB 的错误信息');
      pre.textContent = m.detail;
      errorBox.append(pre);
    }
  };

  /** No result on screen (an error replaces it): the table, its CSV, its summary go. */
  const clearResult = () => {
    resultBox.hidden = true;
    tableHost.replaceChildren();
    summary.textContent = '';
    table = undefined;
    columns = [];
    csvButton.disabled = true;
  };

  /** The address shares the query just run, or says why it cannot (and offers to copy it). */
  const shareQuery = (sql: string) => {
    const link = shareLink(sql, location.pathname);
    if (link.ok) {
      history.replaceState(null, '', sql ? link.search : location.pathname);
      share.hidden = true;
      share.replaceChildren();
      return;
    }
    history.replaceState(null, '', location.pathname);
    const text = document.createElement('span');
    text.textContent = shareTooLongMessage(link.bytes);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tap rounded border border-line px-3 text-sm font-semibold';
    button.textContent = '复制 SQL';
    button.addEventListener('click', async () => {
      button.textContent = (await copyText(sql)) ? '已复制' : '复制失败，请手动选择复制';
    });
    share.replaceChildren(text, ' ', button);
    share.hidden = false;
  };

  const run = async () => {
    if (running) return;
    const check = checkExploreSql(input.value());
    shareQuery(input.value().trim());
    if (!check.ok) {
      clearResult();
      return showError({ title: check.message });
    }
    const controller = new AbortController();
    running = controller;
    runButton.disabled = true;
    runButton.textContent = '运行中…';
    stopButton.hidden = false;
    root.setAttribute('aria-busy', 'true');
    showError(undefined);
    // Republished since the page opened? Its own file still answers (the build keeps the
    // last ones); the newer data is offered. Asked beside the query, never before it.
    void newerPublication(dbUrl).then((newer) => newer && showUpdate());
    try {
      const e = await ensureEngine();
      const started = performance.now();
      const options = { signal: controller.signal };
      const described = resultColumns(await e.query(describeQuery(check.sql), options));
      const rows = await e.query(
        resultQuery(check.sql, described.length, EXPLORE_MAX_ROWS),
        options,
      );
      const ms = performance.now() - started;
      // After a failure the engine may have restarted a worker, with progress: done now.
      if (status.dataset.engineState !== 'ready') clearEngineStatus(status);
      const truncated = rows.length > EXPLORE_MAX_ROWS;
      const kept = truncated ? rows.slice(0, EXPLORE_MAX_ROWS) : rows;
      const text = resultSummary({
        rows: kept.length,
        truncated,
        shownLimit: EXPLORE_SHOWN_ROWS,
        maxRows: EXPLORE_MAX_ROWS,
        ms,
      });
      columns = described;
      summary.textContent = text.summary;
      note.textContent = text.note;
      note.hidden = !text.note;
      table = mountResultTable(tableHost, columns, kept, EXPLORE_SHOWN_ROWS);
      csvButton.disabled = kept.length === 0;
      resultBox.hidden = false;
    } catch (err) {
      clearResult();
      const engineFailed =
        isEngineError(err) && !['query', 'timeout', 'cancelled'].includes(err.kind);
      if (engineFailed) {
        retryQuery = true;
        renderEngineError(status, err, { retry, refresh });
      } else if (status.dataset.engineState === 'loading') clearEngineStatus(status);
      showError(exploreErrorMessage(err, { timeoutMs: TIMEOUT_MS, sql: check.sql }));
    } finally {
      running = undefined;
      runButton.disabled = false;
      runButton.textContent = '运行';
      stopButton.hidden = true;
      root.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  stopButton.addEventListener('click', () => running?.abort());
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  // Start the download as soon as the visitor shows intent; errors show on 运行.
  const startOnFocus = () => void ensureEngine().catch(() => {});
  textarea.addEventListener('focus', startOnFocus, { once: true });

  csvButton.addEventListener('click', () => {
    if (!table) return;
    const csv = resultCsv(columns, table.rows());
    save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), resultCsvName(new Date()));
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example-load]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const code = document.getElementById(`example-${button.dataset.exampleLoad}-sql`);
      input.setValue(code?.textContent?.trim() ?? '');
      input.focus();
    });
  }

  // A query kept across 刷新 (newer data) comes back, and runs again if it had run;
  // else a shared link (?sql=…) fills the editor and the visitor presses 运行.
  const kept = sessionStorage.getItem(KEPT_QUERY);
  sessionStorage.removeItem(KEPT_QUERY);
  const restored = kept ? (JSON.parse(kept) as { sql?: string; run?: boolean }) : undefined;
  const shared = new URLSearchParams(location.search).get('sql');
  if (typeof restored?.sql === 'string') textarea.value = restored.sql;
  else if (shared) textarea.value = shared;

  if (!canRunBrowserEngine()) {
    renderEngineError(status, new EngineError('unsupported', 'no WebAssembly or Worker'));
  } else {
    runButton.disabled = false;
    if (restored?.run) void run();
  }

  afterFirstPaint(() => {
    void import('./sqlEditor.ts')
      .then(({ canMountSqlEditor, mountSqlEditor }) => {
        if (!canMountSqlEditor()) return;
        input = mountSqlEditor(textarea, { onRun: () => void run(), onFocus: startOnFocus });
        root.dataset.editor = 'codemirror';
      })
      .catch(() => {
        // The chunk did not load (network, an old page after a new build): the textarea stays.
      });
  });
}

setup();
