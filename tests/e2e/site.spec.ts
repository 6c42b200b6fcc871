/**
 * Every page type: 200, no console error, no off-site request (fixtures.ts),
 * no serious/critical axe violation, nothing overflowing at 375 px, and
 * screenshots at phone and desktop widths (test-results/screenshots/) to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

const TOPICS = [
  '/',
  '/registration/',
  '/exit/',
  '/shuangdao/',
  '/rectification/',
  '/projects/',
  '/villages/',
  '/updates/',
  '/explore/',
  '/data/',
];

async function firstLink(page: import('@playwright/test').Page, pattern: RegExp): Promise<string> {
  await page.goto('/villages/');
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on /villages/`);
  return href;
}

async function pageTypes(page: import('@playwright/test').Page): Promise<[string, string][]> {
  return [
    ...TOPICS.map((p): [string, string] => [p === '/' ? 'overview' : p.replace(/\//g, ''), p]),
    ['village', await firstLink(page, /^\/villages\/\d{12}\/$/)],
    ['street', await firstLink(page, /^\/streets\/[^/]+\/$/)],
  ];
}

for (const [width, height, label] of [
  [375, 812, 'phone'],
  [1280, 800, 'desktop'],
] as const) {
  test(`every page type reads well on a ${label} (${width}px)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    for (const [name, path] of await pageTypes(page)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1').first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} overflows horizontally by ${overflow}px`).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${path}: ${v.id} ${v.help} (${v.nodes.length}×) ${v.nodes[0]?.target}`),
      ).toEqual([]);
      await page.screenshot({
        path: `test-results/screenshots/${name}-${label}.png`,
        fullPage: true,
      });
    }
  });
}
