/**
 * Browser: what the visitor sees while the query engine loads or when it
 * cannot run. Renders into a container the page provides (kept as a polite
 * live region, so screen readers hear the change without losing their place).
 * The texts are pure functions, tested without a DOM.
 *
 * Hook for pages and end-to-end tests: the container carries
 * `data-engine-status` (put it in the page's HTML) and, once touched here,
 * `data-engine-state="loading" | "ready" | "error"`, and on error
 * `data-engine-error="<EngineError kind>"`.
 *
 * Failures are named (src/engine/browser/errors.ts): a download that failed is
 * not a browser that cannot run the engine. A page that passes `retry` gets a
 * 重试 button for the failures that may pass, and the same retry when the
 * browser says it is back online; a newer publication gets a 刷新 button.
 */
import { isEngineError, isRetryableEngineError } from '../engine/browser/errors.ts';

/** Shown when interactive queries are off; the prerendered page stays usable. */
export const ENGINE_UNAVAILABLE_MESSAGE =
  '交互查询暂不可用：本页显示的是预先生成的数据，街道和村页面仍可正常浏览。';
/** This browser cannot run the engine at all (no WebAssembly, or it does not compile). */
export const ENGINE_UNSUPPORTED_MESSAGE =
  '此浏览器不支持交互查询（需要 WebAssembly）：本页显示的是预先生成的数据，街道和村页面仍可正常浏览。';
/** The published database file could not be downloaded (network, server), after retries. */
export const ENGINE_DATA_DOWNLOAD_MESSAGE =
  '数据文件下载失败：网络或服务器暂时有问题。本页仍显示预先生成的数据。';
/** The engine's own files (wasm, worker) could not be downloaded, after retries. */
export const ENGINE_FILES_DOWNLOAD_MESSAGE =
  '查询引擎下载失败：网络或服务器暂时有问题。本页仍显示预先生成的数据。';
/** Added when the page retries by itself once the browser is back online. */
export const ENGINE_RETRY_ONLINE_NOTE = '网络恢复后会自动重试。';
/** A query needs the engine and the browser is offline (nothing of it in the cache, or the data file's range reads). */
export const ENGINE_OFFLINE_MESSAGE =
  '需要联网：这项查询要用查询引擎，离线时只能查看单项筛选和已打开过的页面。';
/** A newer publication replaced the page's data. */
export const ENGINE_REPUBLISHED_MESSAGE = '数据已更新，刷新查看。';
export const ENGINE_CANCELLED_MESSAGE = '查询已停止。';
export const ENGINE_TIMEOUT_MESSAGE =
  '查询用时过长，已停止。本页仍显示预先生成的数据，请稍后再试。';
export const ENGINE_QUERY_MESSAGE = '查询出错，本页仍显示预先生成的数据。';

const MB = 1_000_000;

/** `3.2 / 7.6 MB`, or `3.2 MB` when the total is unknown. */
export function formatMegabytes(loaded: number, total: number | null): string {
  const mb = (n: number) => (n / MB).toFixed(1);
  return total ? `${mb(loaded)} / ${mb(total)} MB` : `${mb(loaded)} MB`;
}

/** `正在加载查询引擎… 3.2 / 7.6 MB` (no numbers before the first byte). */
export function engineProgressText(loaded: number, total: number | null): string {
  if (loaded === 0 && !total) return '正在加载查询引擎…';
  return `正在加载查询引擎… ${formatMegabytes(loaded, total)}`;
}

/** `等待查询引擎：已筛选：…（加载完成后显示，下面仍是之前的结果）` — what waits while the engine loads. */
export function engineWaitingText(what: string): string {
  return `等待查询引擎：${what}（加载完成后显示，下面仍是之前的结果）`;
}

/** The short Chinese message for any error the engine rejects with; `online` false: the browser is offline. */
export function engineErrorMessage(err: unknown, online = true): string {
  // Offline, a failed start (a download, an import of the engine's code) is the network's doing.
  const startFailed =
    !isEngineError(err) || ['network', 'missing', 'unavailable'].includes(err.kind);
  if (!online && startFailed) return ENGINE_OFFLINE_MESSAGE;
  if (!isEngineError(err)) return ENGINE_UNAVAILABLE_MESSAGE;
  switch (err.kind) {
    case 'timeout':
      return ENGINE_TIMEOUT_MESSAGE;
    case 'query':
      return ENGINE_QUERY_MESSAGE;
    case 'cancelled':
      return ENGINE_CANCELLED_MESSAGE;
    case 'unsupported':
      return ENGINE_UNSUPPORTED_MESSAGE;
    case 'network':
    case 'missing':
      return err.file === 'engine' ? ENGINE_FILES_DOWNLOAD_MESSAGE : ENGINE_DATA_DOWNLOAD_MESSAGE;
    case 'republished':
      return ENGINE_REPUBLISHED_MESSAGE;
    default:
      return ENGINE_UNAVAILABLE_MESSAGE;
  }
}

/** `未能显示：…` — what the visitor asked for that the error kept from the page. */
export function engineFailedText(what: string): string {
  return `未能显示：${what}（筛选和地址已恢复为下面显示的结果）`;
}

/** What the visitor can do about an error, when the page offers it. */
export interface EngineErrorActions {
  /** What was asked for and not shown (engineFailedText), said under the message. */
  failed?: string;
  /** Start the engine (and what was asked) again: a 重试 button, and on `online`. */
  retry?: () => void;
  /** Reload with the newer publication; the default reloads the page (its state is in the address). */
  refresh?: () => void;
}

/** The `online` listener of each container's last error, removed when the container changes. */
const onlineRetries = new WeakMap<HTMLElement, () => void>();

function forgetOnlineRetry(container: HTMLElement): void {
  const previous = onlineRetries.get(container);
  if (previous) window.removeEventListener('online', previous);
  onlineRetries.delete(container);
}

export type EngineState = 'loading' | 'ready' | 'error';

function liveRegion(container: HTMLElement, state: EngineState): void {
  forgetOnlineRetry(container);
  delete container.dataset.engineError;
  container.setAttribute('aria-live', 'polite');
  container.setAttribute('role', 'status');
  container.dataset.engineState = state;
  // Busy while loading: screen readers skip the many byte-count updates and
  // announce the outcome (an error message) once.
  container.setAttribute('aria-busy', String(state === 'loading'));
}

/**
 * Shows (or updates in place) a `<progress>` bar with the downloaded megabytes;
 * `waiting` says what the visitor asked for that waits for it (engineWaitingText).
 */
export function renderEngineProgress(
  container: HTMLElement,
  loaded: number,
  total: number | null,
  waiting?: string,
): void {
  liveRegion(container, 'loading');
  let bar = container.querySelector<HTMLProgressElement>('progress.engine-progress');
  let label = container.querySelector<HTMLElement>('.engine-progress-label');
  if (!bar || !label) {
    label = document.createElement('span');
    label.className = 'engine-progress-label';
    label.id = `${container.id || 'engine-status'}-label`;
    bar = document.createElement('progress');
    bar.className = 'engine-progress';
    bar.setAttribute('aria-labelledby', label.id);
    container.replaceChildren(label, ' ', bar);
  }
  if (total) {
    bar.max = total;
    bar.value = Math.min(loaded, total);
  } else {
    bar.removeAttribute('value'); // indeterminate
  }
  label.textContent = engineProgressText(loaded, total);
  let note = container.querySelector<HTMLElement>('.engine-waiting');
  if (waiting && !note) {
    note = document.createElement('span');
    note.className = 'engine-waiting block';
    container.append(note);
  }
  if (note) {
    note.hidden = !waiting;
    note.textContent = waiting ? engineWaitingText(waiting) : '';
  }
}

function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'engine-action tap rounded border border-line px-3 text-sm font-semibold';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

/**
 * Replaces the container's content with the message for `err`, and the button
 * the visitor can act with: 重试 (when `actions.retry` is given and the failure
 * may pass; the same runs once when the browser comes back online) or 刷新
 * (a newer publication).
 */
export function renderEngineError(
  container: HTMLElement,
  err: unknown,
  actions: EngineErrorActions = {},
): void {
  liveRegion(container, 'error');
  if (isEngineError(err)) container.dataset.engineError = err.kind;
  const p = document.createElement('p');
  p.className = 'engine-message';
  // A page the service worker served from its copy had no network, whatever navigator.onLine
  // says (it stays true on a connection that reaches nothing: a dead Wi-Fi, a server down).
  const offlineCopy = document.documentElement.hasAttribute('data-offline-copy');
  p.textContent = engineErrorMessage(err, navigator.onLine && !offlineCopy);
  container.replaceChildren(p);
  if (actions.failed) {
    const what = document.createElement('span');
    what.className = 'engine-failed block';
    what.textContent = engineFailedText(actions.failed);
    container.append(what);
  }
  const { retry } = actions;
  if (retry && isRetryableEngineError(err)) {
    p.append(ENGINE_RETRY_ONLINE_NOTE, ' ', actionButton('重试', retry));
    const again = () => {
      forgetOnlineRetry(container);
      retry();
    };
    onlineRetries.set(container, again);
    window.addEventListener('online', again);
  } else if (isEngineError(err) && err.kind === 'republished') {
    p.append(' ', actionButton('刷新', actions.refresh ?? (() => location.reload())));
  }
}

/** Empties the container once results are shown. */
export function clearEngineStatus(container: HTMLElement): void {
  container.replaceChildren();
  liveRegion(container, 'ready');
}
