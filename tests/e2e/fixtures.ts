/**
 * Shared e2e fixture: every test fails on a console error, a page error, or any
 * request to a host other than the site's own.
 *
 * A test that breaks the network on purpose (tests/e2e/faultScope.ts) sets
 * `expectedConsoleError` to the messages those failures make the browser and
 * DuckDB-WASM's worker log (failed resources, DuckDB's "FAIL WITH"); any other
 * console error still fails it. (One pattern, not a list: Playwright reads an
 * array given to `test.use` as a value and its options.)
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ siteGuard: void; expectedConsoleError: RegExp | undefined }>({
  expectedConsoleError: [undefined, { option: true }],
  siteGuard: [
    async ({ page, baseURL, expectedConsoleError }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (expectedConsoleError?.test(msg.text())) return;
        problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const u = req.url();
        if (/^(data|blob|about):/.test(u)) return;
        if (new URL(u).origin !== origin) problems.push(`off-site request: ${u}`);
      });
      await use();
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
