/**
 * Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver
 * BiDi — Debian has no geckodriver, and BiDi needs none. One headless Firefox
 * per colour scheme; each session is a fresh browser context (its own
 * cookies, caches and service workers).
 *
 * Dark: the pref `ui.systemUsesDarkTheme` = 1 (puppeteer's emulateMediaFeatures
 * needs CDP, which Firefox no longer has). Service workers on
 * http://127.0.0.1 need no pref: loopback is a secure context.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type {
  BrowserSession,
  ColorScheme,
  EngineDriver,
  SessionOptions,
} from './browserSession.ts';

export const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync);

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

function openSession(page: Page, close: () => Promise<void>): BrowserSession {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    },
    run(fn, ...args) {
      // Plain JSON values in and out: puppeteer's element-handle typing does not apply.
      const plain = fn as unknown as (...params: unknown[]) => unknown;
      return page.evaluate(plain, ...args) as never;
    },
    async inject(source) {
      // A function body, so the script's top-level `var`s and `window.x = …` land as in a <script>.
      await page.evaluate(new Function(source) as () => void);
    },
    async choose(selector, value) {
      // Sets the value and fires input and change, as the browser does for a visitor's choice.
      await page.select(selector, value);
    },
    async screenshot() {
      return Buffer.from(await page.screenshot({ type: 'png' }));
    },
    close,
  };
}

/** Launches Firefox once per colour scheme, on first use. */
export async function startFirefox(): Promise<EngineDriver> {
  if (!FIREFOX) throw new Error('找不到 Firefox（apt-get install firefox-esr）');
  const browsers = new Map<ColorScheme, Promise<Browser>>();
  const launch = (scheme: ColorScheme) => {
    let b = browsers.get(scheme);
    if (!b) {
      b = puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        extraPrefsFirefox: { 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 },
      });
      browsers.set(scheme, b);
    }
    return b;
  };
  const name = FIREFOX.endsWith('-esr') ? 'Firefox ESR ' : 'Firefox ';
  const version = (await (await launch('light')).version()).replace(/^firefox\//i, name);
  return {
    name: 'firefox',
    version,
    async open({ scheme, phone }: SessionOptions) {
      const context = await (await launch(scheme)).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(phone ? PHONE : DESKTOP);
      return openSession(page, () => context.close().catch(() => {}));
    },
    async quit() {
      for (const b of browsers.values()) await (await b).close().catch(() => {});
    },
  };
}
