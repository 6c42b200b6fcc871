/**
 * Shared e2e fixture: every test fails on a console error, a page error, or any
 * request to a host other than the site's own.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ siteGuard: void }>({
  siteGuard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
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
