/**
 * One browser tab driven by tools/browser/otherEngines.ts, whatever the engine
 * behind it: WebKitGTK over W3C WebDriver (webkitSession.ts) or Firefox ESR
 * over WebDriver BiDi (firefoxSession.ts). The checks are written once against
 * this interface.
 */

export type EngineName = 'webkit' | 'firefox';
export type ColorScheme = 'light' | 'dark';

export interface SessionOptions {
  scheme: ColorScheme;
  /** 375 × 812 CSS pixels (WebKitGTK: an iframe of that size, its window cannot be so narrow). */
  phone: boolean;
}

export interface BrowserSession {
  /** Navigates the tab (the phone frame, in WebKitGTK's phone mode) and waits for `load`. */
  goto(url: string): Promise<void>;
  /**
   * Runs `fn(...args)` in the page and returns its (awaited, JSON-serialisable)
   * result. `fn` is sent as source text: it must not use anything from its module.
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** Runs a classic script's source in the page (axe-core), past the page's CSP. */
  inject(source: string): Promise<void>;
  /** Chooses the option with `value` in the `<select>` matching `selector`, as a visitor would. */
  choose(selector: string, value: string): Promise<void>;
  /** A PNG of what the page shows (WebKitGTK in phone mode: the window, the frame at its left). */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** A running browser: opens isolated sessions (no shared cookies, caches or service workers). */
export interface EngineDriver {
  readonly name: EngineName;
  /** What the browser says it is, e.g. `WebKitGTK 2.50.6`. */
  readonly version: string;
  open(options: SessionOptions): Promise<BrowserSession>;
  quit(): Promise<void>;
}

/** Polls `probe` until `done` holds for its result; throws `what` with the last result on timeout. */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > until)
      throw new Error(`${what}（${timeoutMs / 1000} 秒内未出现；最后：${JSON.stringify(last)}）`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
