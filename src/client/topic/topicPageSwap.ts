/**
 * Browser: puts a topic view (src/views/shared/topicView.ts) into the page in place of
 * what is shown: each figure's title, takeaway, SVG and table; key figures;
 * whole blocks by id. Only content built by the pure renderers (which escape
 * every text) goes into innerHTML.
 */
import { formatNumber } from '../../render/format.ts';
import { renderFigureTableHtml } from '../../render/html/chartFigureHtml.ts';
import { KEY_FIGURE_TONE_CLASS as TONE_CLASS } from '../../render/html/keyFigure.ts';
import type { AnyTopicView, FigureView, KeyFigureView } from '../../views/shared/topicView.ts';
import { enhanceChartDownloads } from '../chartDownloads.ts';

function swapFigure(fig: HTMLElement, v: FigureView): void {
  const title = fig.querySelector('[data-figure-title]');
  if (title) title.textContent = v.title;
  const takeaway = fig.querySelector('[data-takeaway]');
  if (takeaway) takeaway.textContent = v.takeaway;
  const svg = fig.querySelector('.chart-svg');
  if (svg) svg.innerHTML = v.svg;
  const table = fig.querySelector(':scope > details > .scroll-x');
  if (table) table.outerHTML = renderFigureTableHtml(v);
}

function swapKeyFigure(root: ParentNode, k: KeyFigureView): void {
  const dd = [...root.querySelectorAll<HTMLElement>('dd[data-figure]')].find(
    (d) => d.dataset.figure === k.label,
  );
  if (!dd) return;
  const value = dd.firstChild;
  // Keep the text node's leading whitespace: the markup stays as prerendered.
  if (value?.nodeType === Node.TEXT_NODE)
    value.textContent = (/^\s*/.exec(value.textContent ?? '')?.[0] ?? '') + formatNumber(k.value);
  else dd.prepend(formatNumber(k.value));
  const unit = dd.querySelector('span');
  if (unit && k.unit !== undefined) unit.textContent = k.unit;
  dd.classList.remove(TONE_CLASS.good, TONE_CLASS.bad);
  if (k.tone === 'good' || k.tone === 'bad') dd.classList.add(TONE_CLASS[k.tone]);
  // The line under the number (KeyFigure.astro): a view without one (persons withheld below
  // street level) must not leave the previous view's line — another area's count — in place.
  let note = dd.nextElementSibling as HTMLElement | null;
  if (note?.tagName !== 'DD') {
    if (k.note === undefined) return;
    note = dd.ownerDocument.createElement('dd');
    note.className = 'text-sm text-muted';
    dd.after(note);
  }
  note.textContent = k.note ?? '';
  note.hidden = k.note === undefined;
}

/** Shows `view`; returns the elements that changed (for re-enhancing tables). */
export function applyView(doc: Document, view: AnyTopicView): HTMLElement[] {
  const changed: HTMLElement[] = [];
  for (const fig of Object.values(view.figures)) {
    const el = doc.getElementById(fig.id);
    if (el) {
      swapFigure(el, fig);
      changed.push(el);
    }
  }
  for (const k of view.keyFigures) swapKeyFigure(doc, k);
  for (const b of Object.values(view.blocks)) {
    const el = b && doc.getElementById(b.id);
    if (el) {
      el.innerHTML = b.html;
      changed.push(el);
    }
  }
  for (const t of Object.values(view.texts)) {
    const el = doc.getElementById(t.id);
    if (el) el.textContent = t.text;
  }
  for (const t of Object.values(view.toggles)) {
    const el = doc.getElementById(t.id);
    if (el) el.hidden = t.hidden;
  }
  // Figures inside swapped blocks are new elements: turn their downloads on.
  enhanceChartDownloads(doc);
  return changed;
}

/**
 * The elements a view updates, to mark busy while it is computed: figures,
 * swapped blocks, the key-figure lists (KeyFigure.astro's `dd[data-figure]`)
 * and the counts in running text (`data-topic-text`, the view's `text`).
 */
export function viewTargets(doc: Document): HTMLElement[] {
  const all = [
    ...doc.querySelectorAll<HTMLElement>(
      'main figure[data-chart], main [data-topic-block], main [data-topic-text]',
    ),
    ...new Set(
      [...doc.querySelectorAll<HTMLElement>('main dl dd[data-figure]')].map(
        (dd) => dd.closest('dl') as HTMLElement,
      ),
    ),
  ];
  // A figure inside a block is re-rendered with it: the block carries the state.
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

/**
 * Dimming starts only if the answer takes longer than this: most filter
 * changes are answered sooner, and a flash of grey on every figure would be
 * noise (and a repaint of the whole page while the engine is working).
 */
const DIM_AFTER_MS = 150;
const dimTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Marks targets busy (aria-busy at once, dimmed if it lasts) or done. */
export function setBusy(targets: readonly HTMLElement[], busy: boolean): void {
  for (const el of targets) {
    el.setAttribute('aria-busy', String(busy));
    clearTimeout(dimTimers.get(el));
    if (!busy) el.classList.remove('topic-busy');
    else
      dimTimers.set(
        el,
        setTimeout(() => el.classList.add('topic-busy'), DIM_AFTER_MS),
      );
  }
}

/** Adds (or, with null, removes) a short error line at the top of each target. */
export function setTargetError(targets: readonly HTMLElement[], message: string | null): void {
  for (const el of targets) {
    el.querySelector(':scope > .figure-error')?.remove();
    if (!message) continue;
    const p = el.ownerDocument.createElement('p');
    // Not a live region: the engine status container announces the error once.
    p.className = 'figure-error text-sm';
    p.textContent = message;
    el.prepend(p);
  }
}
