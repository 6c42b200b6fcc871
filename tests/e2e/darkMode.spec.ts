/**
 * Dark mode follows the system (prefers-color-scheme), from CSS alone: every
 * page type renders on a dark ground with no serious or critical axe violation
 * (colour contrast included), charts take their dark colours, and paper stays
 * light. The colour pairs themselves, SVG text included, are checked in
 * tests/unit/styles/colorScheme.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// bypassCSP: only so the test can lift content-visibility (below); the site's
// policy is tested in nginx.spec.ts.
test.use({ colorScheme: 'dark', bypassCSP: true });

/** Relative luminance of a computed `rgb(…)` colour (0 black – 1 white). */
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const bodyColours = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { background: s.backgroundColor, color: s.color };
  });

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  const href = hrefs.find((h) => pattern.test(decodeURIComponent(h)));
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
  return href;
}

async function pageTypes(page: Page): Promise<string[]> {
  return [
    '/',
    '/registration/',
    '/exit/',
    '/shuangdao/',
    await firstLink(page, '/shuangdao/', /^\/shuangdao\/[^/]+\/$/),
    '/rectification/',
    await firstLink(page, '/rectification/', /^\/rectification\/page\/\d+\/$/),
    '/projects/',
    await firstLink(page, '/projects/', /^\/projects\/page\/\d+\/$/),
    await firstLink(page, '/villages/', /^\/streets\/[^/]+\/$/),
    '/villages/',
    await firstLink(page, '/villages/', /^\/villages\/\d{12}\/$/),
    '/updates/',
    '/explore/',
    '/data/',
  ];
}

/**
 * Everything axe should see: off-screen figures are laid out (content-visibility
 * would leave them unpainted) and closed <details> (data tables, full lists) open.
 */
async function showEverything(page: Page): Promise<void> {
  await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

for (const [width, height, label] of [
  [375, 812, 'phone'],
  [1280, 800, 'desktop'],
] as const) {
  test(`every page type is dark and passes axe in the dark scheme on a ${label}`, async ({
    page,
  }) => {
    // Fifteen page types, axe on each (/projects/ alone about 16 s): over 4 minutes on a busy machine.
    test.setTimeout(420_000);
    await page.setViewportSize({ width, height });
    for (const path of await pageTypes(page)) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      const { background, color } = await bodyColours(page);
      expect(luminance(background), `${path} background ${background}`).toBeLessThan(0.02);
      expect(luminance(color), `${path} text ${color}`).toBeGreaterThan(0.7);
      await showEverything(page);
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${path}: ${v.id} ${v.help} (${v.nodes.length}×) ${v.nodes[0]?.target}`),
      ).toEqual([]);
    }
  });
}

test('a chart takes its dark colours: the same bar is filled differently in light and dark', async ({
  browser,
}) => {
  const fills: Record<string, string> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    // The first bar of the overview's first chart (default colour, --c1).
    const bar = page.locator(
      'figure[data-chart] .chart-svg svg rect[height]:not([fill="transparent"])',
    );
    fills[colorScheme] = await bar.first().evaluate((e) => getComputedStyle(e).fill);
    await context.close();
  }
  expect(fills.light).toBe('rgb(0, 114, 178)');
  expect(fills.dark).not.toBe(fills.light);
  expect(luminance(fills.dark ?? '')).toBeGreaterThan(luminance(fills.light ?? ''));
});

test('dark from the first paint with no script: the colours are in the inline CSS', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/exit/');
  expect(luminance((await bodyColours(page)).background)).toBeLessThan(0.02);
  // Form controls and scrollbars follow the scheme too.
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  await context.close();
});

test('paper stays light: printing from the dark scheme uses the light colours', async ({
  page,
}) => {
  const village = await firstLink(page, '/villages/', /^\/villages\/\d{12}\/$/);
  await page.goto(village);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const { background, color } = await bodyColours(page);
  expect(luminance(background)).toBeGreaterThan(0.9);
  expect(luminance(color)).toBeLessThan(0.05);
  const bar = page.locator('#village-measures svg rect[height]:not([fill="transparent"])').first();
  expect(await bar.evaluate((e) => getComputedStyle(e).fill)).toBe('rgb(0, 158, 115)');
});
