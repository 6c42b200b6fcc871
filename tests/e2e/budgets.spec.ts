/**
 * Byte budgets of the built site, checked on the files in dist/ (no browser:
 * it lives with the e2e suite because it needs the built site). Deterministic:
 * sizes are gzip -9 of each file, as a host would send them precompressed.
 *
 * - The overview fits in one round trip: HTML ≤ 14 KB gzip, inline CSS and SVG
 *   included (one TCP initial window is 10 × 1460 B).
 * - No page makes the browser wait on a request before the first render: no
 *   external stylesheet or sync script in <head>.
 * - Every page's HTML stays within the budget of its kind (below), set from the
 *   sizes measured on the sample data with headroom for the pages still growing.
 * - No page references any host but the site's own (strict: links in the
 *   footer count too), in attributes, inline CSS or inline scripts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gzipSize } from '../../bench/compressedSizes.ts';
import { htmlTags } from '../../bench/htmlTags.ts';
import { offSiteUrls } from '../../bench/offSiteUrls.ts';
import { renderBlocking } from '../../bench/renderBlocking.ts';

const DIST = path.resolve(process.env.PREVIEW_DIR ?? 'dist');
const KB = 1024;

/**
 * Gzip budget of each kind of page, first match wins. Measured on the sample
 * data (2026-11-25, KB = 1,024 B): overview 9.7 KB, topic pages 9.2–22.7 KB
 * (/rectification/ largest), street pages ≤ 15.3 KB, 双到 street pages ≤ 11.4 KB,
 * rectification list pages ≤ 12.5 KB, village pages ≤ 12.7 KB. The province-scale
 * build (2,300 villages, 2026-12-06) passes the same budgets, at most: overview
 * 11.2 KB, topic pages 32.0 KB (/data/), village pages 18.9 KB, street pages
 * 28.2 KB (about 23 villages each, with their projects), 双到 street pages 15.1 KB,
 * rectification list pages 15.2 KB, /projects/ 50.8 KB.
 */
const BUDGETS: [kind: string, pattern: RegExp, bytes: number][] = [
  ['overview', /^\/$/, 14 * KB],
  ['village page', /^\/villages\/\d{12}\/$/, 20 * KB],
  ['street page', /^\/streets\/[^/]+\/$/, 32 * KB],
  ['双到 street page', /^\/shuangdao\/[^/]+\/$/, 24 * KB],
  ['rectification list page', /^\/rectification\/page\/\d+\/$/, 24 * KB],
  // The funds page holds most per page: funds by street, village, type and source, the 双到
  // matrix, the findings and the first 50 projects in full (41 KB sample, 50.8 KB province).
  ['funds page', /^\/projects\/$/, 56 * KB],
  ['topic page', /^\/[^/]+\/$/, 40 * KB],
  ['other page', /./, 40 * KB],
];

function htmlPages(): { urlPath: string; html: string }[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      urlPath: `/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''),
      html: readFileSync(path.join(DIST, f), 'utf8'),
    }));
}

/** The site's own origin, from the overview's canonical link (none when no site_url is set). */
function ownOrigin(overview: string): string | undefined {
  const canonical = htmlTags(overview).find(
    (t) => t.name === 'link' && t.attrs.get('rel') === 'canonical',
  );
  const href = canonical?.attrs.get('href');
  return href ? new URL(href).origin : undefined;
}

test.describe('byte budgets of the built site', () => {
  test.beforeAll(() => {
    if (!existsSync(path.join(DIST, 'index.html')))
      throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first`);
  });

  test('the overview fits in one round trip: ≤ 14 KB gzip, nothing render-blocking', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const gz = gzipSize(html);
    test.info().annotations.push({ type: 'overview gzip', description: `${gz} B` });
    expect(gz, `overview HTML is ${gz} B gzip`).toBeLessThanOrEqual(14 * KB);
    expect(renderBlocking(html)).toEqual([]);
    // The CSS is inline, so the first response carries everything the first paint needs.
    expect(htmlTags(html).some((t) => t.name === 'style' && t.inHead)).toBe(true);
  });

  test('no page has a render-blocking stylesheet or sync script in <head>', () => {
    const pages = htmlPages();
    const blocking = pages.flatMap(({ urlPath, html }) =>
      renderBlocking(html).map((b) => `${urlPath}: ${b}`),
    );
    expect(blocking).toEqual([]);
  });

  test('every page stays within the gzip budget of its kind', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(1);
    const over: string[] = [];
    const largest = new Map<string, number>();
    for (const { urlPath, html } of pages) {
      const [kind, , budget] = BUDGETS.find(([, re]) => re.test(urlPath)) ?? BUDGETS.at(-1)!;
      const gz = gzipSize(html);
      largest.set(kind, Math.max(largest.get(kind) ?? 0, gz));
      if (gz > budget) over.push(`${urlPath} (${kind}): ${gz} B gzip > ${budget} B`);
    }
    for (const [kind, bytes] of largest)
      test.info().annotations.push({ type: `largest ${kind}`, description: `${bytes} B gzip` });
    expect(over).toEqual([]);
  });

  test('no page references another host', () => {
    const pages = htmlPages();
    const overview = pages.find((p) => p.urlPath === '/');
    const origin = overview && ownOrigin(overview.html);
    const found = pages.flatMap(({ urlPath, html }) =>
      offSiteUrls(html, origin).map((u) => `${urlPath}: ${u}`),
    );
    expect(found).toEqual([]);
  });
});
