/**
 * Browser: the SQL page (/explore/). The engine (DuckDB-WASM, several MB) is
 * started only when the visitor focuses the editor or runs a query, never on
 * view. A query is checked and wrapped (src/views/explore/exploreSql.ts), described for
 * its columns, run with a row cap, then shown as a sortable table with a CSV
 * download. Failures become a message in the page: nothing is logged with
 * console.error (the e2e fixture treats that as a bug).
 */
import type { Engine } from '../../engine/engine.ts';
import { canRunBrowserEngine, getBrowserEngine } from '../../engine/browser/browserEngine.ts';
import { EngineError, isEngineError } from '../../engine/browser/errors.ts';
import { resultColumns } from '../../views/explore/exploreColumns.ts';
import { resultCsv, resultCsvName } from '../../views/explore/exploreCsv.ts';
import {
  exploreErrorMessage,
  type ExploreErrorMessage,
} from '../../views/explore/exploreErrors.ts';
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

/** Per query (the DESCRIBE and the query itself each get this long). */
const TIMEOUT_MS = 15_000;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

function save(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function setup(): void {
  const root = byId('explore');
  const form = byId<HTMLFormElement>('explore-form');
  const editor = byId<HTMLTextAreaElement>('explore-sql');
  const runButton = byId<HTMLButtonElement>('explore-run');
  const status = byId('explore-status');
  const errorBox = byId('explore-error');
  const resultBox = byId('explore-result');
  const summary = byId('explore-summary');
  const note = byId('explore-note');
  const tableHost = byId('explore-table');
  const csvButton = byId<HTMLButtonElement>('explore-csv');
  const dbUrl = root.dataset.dbUrl ?? '';

  let engine: Promise<Engine> | undefined;
  let table: ResultTable | undefined;
  let columns: ReturnType<typeof resultColumns> = [];
  let running = false;

  const ensureEngine = (): Promise<Engine> =>
    (engine ??= getBrowserEngine({
      dbUrl,
      timeoutMs: TIMEOUT_MS,
      onProgress: (loaded, total) => renderEngineProgress(status, loaded, total),
    }).then(
      (e) => {
        clearEngineStatus(status);
        return e;
      },
      (err: unknown) => {
        renderEngineError(status, err);
        throw err;
      },
    ));

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

  const run = async () => {
    if (running) return;
    const check = checkExploreSql(editor.value);
    if (!check.ok) return showError({ title: check.message });
    running = true;
    runButton.disabled = true;
    runButton.textContent = '运行中…';
    root.setAttribute('aria-busy', 'true');
    showError(undefined);
    try {
      const e = await ensureEngine();
      const started = performance.now();
      columns = resultColumns(await e.query(describeQuery(check.sql)));
      const rows = await e.query(resultQuery(check.sql, columns.length, EXPLORE_MAX_ROWS));
      const ms = performance.now() - started;
      // After a timeout the engine restarts a worker, with progress: done now.
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
      summary.textContent = text.summary;
      note.textContent = text.note;
      note.hidden = !text.note;
      table = mountResultTable(tableHost, columns, kept, EXPLORE_SHOWN_ROWS);
      csvButton.disabled = kept.length === 0;
      resultBox.hidden = false;
      history.replaceState(null, '', `?sql=${encodeURIComponent(check.sql)}`);
    } catch (err) {
      if (isEngineError(err) && err.kind === 'unavailable') renderEngineError(status, err);
      else if (status.dataset.engineState === 'loading') clearEngineStatus(status);
      showError(exploreErrorMessage(err, { timeoutMs: TIMEOUT_MS, sql: check.sql }));
    } finally {
      running = false;
      runButton.disabled = false;
      runButton.textContent = '运行';
      root.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  // Start the download as soon as the visitor shows intent; errors show on 运行.
  editor.addEventListener('focus', () => void ensureEngine().catch(() => {}), { once: true });

  csvButton.addEventListener('click', () => {
    if (!table) return;
    const csv = resultCsv(columns, table.rows());
    save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), resultCsvName(new Date()));
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example-load]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const code = document.getElementById(`example-${button.dataset.exampleLoad}-sql`);
      editor.value = code?.textContent?.trim() ?? '';
      editor.focus();
    });
  }

  // A shared link (?sql=…) fills the editor; the visitor still presses 运行.
  const shared = new URLSearchParams(location.search).get('sql');
  if (shared) editor.value = shared;

  if (!canRunBrowserEngine()) {
    renderEngineError(status, new EngineError('unavailable', 'no WebAssembly or Worker'));
    return;
  }
  runButton.disabled = false;
}

setup();
