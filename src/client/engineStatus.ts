/**
 * Browser: what the visitor sees while the query engine loads or when it
 * cannot run. Renders into a container the page provides (kept as a polite
 * live region, so screen readers hear the change without losing their place).
 * The texts are pure functions, tested without a DOM.
 *
 * Hook for pages and end-to-end tests: the container carries
 * `data-engine-status` (put it in the page's HTML) and, once touched here,
 * `data-engine-state="loading" | "ready" | "error"`.
 */
import { isEngineError } from '../engine/browser/errors.ts';

/** Shown when interactive queries are off; the prerendered page stays usable. */
export const ENGINE_UNAVAILABLE_MESSAGE =
  '交互查询暂不可用：本页显示的是预先生成的数据，街道和村页面仍可正常浏览。';
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

/** The short Chinese message for any error the engine rejects with. */
export function engineErrorMessage(err: unknown): string {
  if (isEngineError(err) && err.kind === 'timeout') return ENGINE_TIMEOUT_MESSAGE;
  if (isEngineError(err) && err.kind === 'query') return ENGINE_QUERY_MESSAGE;
  return ENGINE_UNAVAILABLE_MESSAGE;
}

export type EngineState = 'loading' | 'ready' | 'error';

function liveRegion(container: HTMLElement, state: EngineState): void {
  container.setAttribute('aria-live', 'polite');
  container.setAttribute('role', 'status');
  container.dataset.engineState = state;
  // Busy while loading: screen readers skip the many byte-count updates and
  // announce the outcome (an error message) once.
  container.setAttribute('aria-busy', String(state === 'loading'));
}

/** Shows (or updates in place) a `<progress>` bar with the downloaded megabytes. */
export function renderEngineProgress(
  container: HTMLElement,
  loaded: number,
  total: number | null,
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
}

/** Replaces the container's content with the message for `err`. */
export function renderEngineError(container: HTMLElement, err: unknown): void {
  liveRegion(container, 'error');
  const p = document.createElement('p');
  p.className = 'engine-message';
  p.textContent = engineErrorMessage(err);
  container.replaceChildren(p);
}

/** Empties the container once results are shown. */
export function clearEngineStatus(container: HTMLElement): void {
  container.replaceChildren();
  liveRegion(container, 'ready');
}
