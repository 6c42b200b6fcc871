/**
 * Functions the checks run inside the page (BrowserSession.run). Each is sent
 * as source text, so each stands alone: no imports, no outer variables, and a
 * result that survives JSON.
 */

/** What a topic page shows now: where its view came from, its address, key figures, status. */
export interface TopicState {
  /** `data-view-source` of [data-topic-filters]: answers | engine | null (the prerendered view). */
  source: string | null;
  /** Views put in the page since `watchTopicUpdates()` (the `topicupdate` events' sources). */
  updates: string[];
  search: string;
  /** Text of the key figures (`main dl[id]`). */
  figures: string;
  /** Figures still waiting (aria-busy). */
  busy: number;
  /** The engine status line's text, and whether it shows a progress bar. */
  status: string;
  progress: boolean;
  /** Option values of the village select, when it is enabled. */
  villages: string[];
  /** The street select's value. */
  street: string;
}

/** Counts the page's views from here on (the page dispatches `topicupdate` with each). */
export function watchTopicUpdates(): boolean {
  const w = window as unknown as { htkUpdates?: string[] };
  if (w.htkUpdates) return true;
  const updates: string[] = [];
  w.htkUpdates = updates;
  document.addEventListener('topicupdate', (e) =>
    updates.push((e as CustomEvent<{ source: string }>).detail.source),
  );
  return true;
}

export function topicState(): TopicState {
  const root = document.querySelector('[data-topic-filters]');
  const status = document.querySelector<HTMLElement>('[data-engine-status]');
  const village = document.querySelector<HTMLSelectElement>('select[name="village"]');
  return {
    source: root?.getAttribute('data-view-source') ?? null,
    updates: (window as unknown as { htkUpdates?: string[] }).htkUpdates ?? [],
    search: decodeURIComponent(location.search),
    figures: [...document.querySelectorAll<HTMLElement>('main dl[id]')]
      .map((d) => d.textContent?.replace(/\s+/g, ' ').trim())
      .join(' | '),
    busy: document.querySelectorAll('main [aria-busy="true"]').length,
    status: status?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    progress: Boolean(status?.querySelector('progress')),
    villages:
      village && !village.disabled ? [...village.options].map((o) => o.value).filter(Boolean) : [],
    street: document.querySelector<HTMLSelectElement>('select[name="street"]')?.value ?? '',
  };
}

/** The values a `<select>` offers (its empty "all" option left out). */
export function optionValues(selector: string): string[] {
  const select = document.querySelector<HTMLSelectElement>(selector);
  return select ? [...select.options].map((o) => o.value).filter(Boolean) : [];
}

/** The names of the page's filter selects. */
export function filterNames(): string[] {
  return [...document.querySelectorAll<HTMLSelectElement>('[data-topic-filters] select[name]')].map(
    (s) => s.name,
  );
}

/** Sets a cookie for this origin (the fault scope of tools/serve/faults.ts). */
export function setCookie(name: string, value: string): boolean {
  document.cookie = `${name}=${value}; path=/`;
  return document.cookie.includes(`${name}=${value}`);
}

/**
 * Whether a service worker controls the page and has kept `paths` in the publication's
 * cache, and every /_astro/ file the page loaded (scripts, their imports) in its own.
 */
export async function offlineReady(
  cacheName: string,
  paths: string[],
): Promise<{ controller: boolean; missing: string[] }> {
  const controller = Boolean(navigator.serviceWorker?.controller);
  if (!controller || !('caches' in window)) return { controller, missing: paths };
  const keys = (await (await caches.open(cacheName)).keys()).map((r) => new URL(r.url).pathname);
  const missing = paths.filter((p) =>
    p.endsWith('/') ? !keys.includes(p) : !keys.some((k) => k.endsWith(p)),
  );
  const assets = await caches.open('htk-assets');
  for (const e of performance.getEntriesByType('resource'))
    if (new URL(e.name).pathname.includes('/_astro/') && !(await assets.match(e.name)))
      missing.push(new URL(e.name).pathname);
  return { controller, missing };
}

/** The offline note (shown only on a kept copy served without network), and the page's heading. */
export function offlineView(): {
  copy: boolean;
  note: string | null;
  h1: string;
  controller: boolean;
} {
  const note = document.querySelector<HTMLElement>('.offline-note');
  const shown = note && getComputedStyle(note).display !== 'none' && note.offsetHeight > 0;
  return {
    copy: document.documentElement.hasAttribute('data-offline-copy'),
    note: shown ? (note.textContent?.trim() ?? '') : null,
    h1: document.querySelector('h1')?.textContent?.trim() ?? '',
    controller: Boolean(navigator.serviceWorker?.controller),
  };
}

/** The body's colours as relative luminances (0 black – 1 white), with the computed values. */
export function bodyLuminance(): { background: number; text: number; css: string } {
  const lum = (css: string) => {
    const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (v: number) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const s = getComputedStyle(document.body);
  return {
    background: lum(s.backgroundColor),
    text: lum(s.color),
    css: `${s.backgroundColor} / ${s.color}`,
  };
}

/**
 * Everything axe should see: figures below the fold laid out (content-visibility
 * would leave them unpainted, and axe's colour checks need paint) and closed
 * <details> open. Inline styles through the CSSOM, which the page's CSP allows.
 */
export function showEverything(): number {
  let n = 0;
  for (const e of document.querySelectorAll<HTMLElement>('body *'))
    if (getComputedStyle(e).getPropertyValue('content-visibility') === 'auto') {
      e.style.setProperty('content-visibility', 'visible', 'important');
      n++;
    }
  for (const d of document.querySelectorAll('details')) d.open = true;
  return n;
}

/** One axe violation, short. */
export interface AxeFinding {
  id: string;
  impact: string;
  nodes: number;
  target: string;
  summary: string;
}

/** Runs axe-core (injected before) on the document: its violations. */
export async function runAxe(): Promise<AxeFinding[]> {
  type Node = { target: unknown[]; failureSummary?: string };
  type Violation = { id: string; impact?: string; nodes: Node[] };
  const axe = (
    window as unknown as {
      axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> };
    }
  ).axe;
  const { violations } = await axe.run(document, { resultTypes: ['violations'] });
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? '',
    nodes: v.nodes.length,
    target: String(v.nodes[0]?.target ?? ''),
    summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200),
  }));
}
