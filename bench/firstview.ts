/**
 * Benchmark section `firstview`: for the overview, a topic page and a village
 * page, with JavaScript off and on, everything the first view requests: count,
 * bytes raw / gzip -9 / brotli q11 (compressed here from the files, so the
 * numbers do not depend on a server's settings), render-blocking requests, and
 * whether the page fits in one round trip (HTML ≤ 14 KB gzip, nothing
 * render-blocking). Asserts that no wasm is requested on a first view.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { compressedSizes, type Sizes } from './compressedSizes.ts';
import { recordFirstView } from './recordFirstView.ts';
import { fmt, type Section } from './lib.ts';
import { benchPages } from './pages.ts';
import { renderBlocking } from './renderBlocking.ts';
import type { Scale } from './scales.ts';
import { serveStatic } from '../tools/serve/serve.ts';
import { ensureSite } from './sites.ts';

/** One TCP initial congestion window (10 × 1460 B) rounded down to 14 KiB. */
export const ONE_ROUND_TRIP = 14 * 1024;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
];

const kb = (n: number) => fmt(n / 1024, 1);

export async function benchFirstView(scales: Scale[]): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    for (const scale of scales) {
      const site = ensureSite(scale);
      const server = await serveStatic(site);
      const sizeCache = new Map<string, Sizes>();
      const sizesOf = (file: string) => {
        let s = sizeCache.get(file);
        if (!s) sizeCache.set(file, (s = compressedSizes(readFileSync(file))));
        return s;
      };
      try {
        for (const page of benchPages(site)) {
          const html = readFileSync(path.join(site, page.path, 'index.html'), 'utf8');
          const htmlSizes = compressedSizes(html);
          const staticBlocking = renderBlocking(html);
          for (const js of [false, true]) {
            const view = await recordFirstView(browser, server, page.path, js);
            const ok = view.served.filter((r) => r.status < 400);
            const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
            for (const r of ok.filter((x) => x.status === 200 || x.status === 206)) {
              // Ranged reads cross the network as they are; whole files as compressed here.
              const s = r.range
                ? { raw: r.bytes, gzip: r.bytes, brotli: r.bytes }
                : sizesOf(path.join(site, r.path.endsWith('/') ? `${r.path}index.html` : r.path));
              total.raw += s.raw;
              total.gzip += s.gzip;
              total.brotli += s.brotli;
            }
            const blocking = [...new Set([...staticBlocking, ...view.blocking])];
            const oneTrip = htmlSizes.gzip <= ONE_ROUND_TRIP && blocking.length === 0;
            const wasm = ok.filter((r) => r.path.endsWith('.wasm')).map((r) => r.path);
            const where = `${scale.name} ${page.path} (JS ${js ? 'on' : 'off'})`;
            if (wasm.length)
              failures.push(`${where} requested wasm on first view: ${wasm.join(', ')}`);
            if (view.offSite.length)
              failures.push(`${where} requested other hosts: ${view.offSite.join(', ')}`);
            if (page.name === 'overview' && !oneTrip)
              failures.push(
                `${where}: overview does not fit one round trip (HTML ${htmlSizes.gzip} B gzip, blocking: ${blocking.join(', ') || 'none'})`,
              );
            json[`${scale.name}/${page.name}/js-${js ? 'on' : 'off'}`] = {
              path: page.path,
              html: htmlSizes,
              total,
              requests: ok.map((r) => ({
                path: r.path,
                status: r.status,
                bytes: r.bytes,
                range: r.range,
              })),
              failed: view.served
                .filter((r) => r.status >= 400)
                .map((r) => `${r.status} ${r.path}`),
              renderBlocking: blocking,
              offSite: view.offSite,
              wasm,
              oneRoundTrip: oneTrip,
            };
            rows.push([
              scale.name,
              page.path.length > 24 ? `/villages/…${page.path.slice(-7)}` : page.path,
              js ? 'on' : 'off',
              ok.length,
              kb(total.raw),
              kb(total.gzip),
              kb(total.brotli),
              kb(htmlSizes.gzip),
              blocking.length,
              wasm.length ? '✗ yes' : 'no',
              oneTrip ? '✓' : '✗',
            ]);
          }
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    title: 'First view: every request of the first visit (empty cache)',
    header: [
      'scale',
      'page',
      'JS',
      'requests',
      'raw KB',
      'gzip KB',
      'brotli KB',
      'HTML gzip KB',
      'render-blocking',
      'wasm',
      '1 round trip',
    ],
    rows,
    notes: [
      'Requests as seen by the server (worker requests included), after load and 500 ms of network quiet; sizes compressed from the files at gzip -9 / brotli q11. KB = 1,024 bytes.',
      `1 round trip = HTML ≤ ${ONE_ROUND_TRIP / 1024} KB gzip and no render-blocking request (external stylesheet or sync script in <head>, or Chromium's renderBlockingStatus).`,
      'Headless Debian chromium, no throttling, loopback server (tools/serve/serve.ts).',
    ],
    failures,
    json,
  };
}
