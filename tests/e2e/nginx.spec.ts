/**
 * The site as deployed: Debian's nginx running deploy/nginx.conf over dist/
 * (tools/nginx/testNginx.ts, `npm run test:nginx`). Headers, caching, MIME types,
 * precompressed files, byte ranges on the database, the Content-Security-Policy
 * (header and per-page meta, nothing blocked, the query engine working under it)
 * and the published checksums, fetched from the server actually serving them.
 * Requests that must control Accept-Encoding go through node:http, which sends
 * only the headers given and never decompresses.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';
import { CSP_HEADER } from '../../src/build/site/contentSecurityPolicy.ts';

test.skip(!process.env.E2E_NGINX, 'runs against nginx only: npm run test:nginx');

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4340';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET (or HEAD) with exactly these request headers; the body as sent on the wire. */
function raw(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(urlPath, BASE), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => statSync(path.join(dir, f)).isFile());
const published = files(DIST).filter((f) => !/\.(br|gz)$/.test(f));
const pages = published
  .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
  .map((f) => `/${f.replace(/index\.html$/, '')}`)
  .map((p) => p.split('/').map(encodeURIComponent).join('/'));
const astro = published.filter((f) => f.startsWith('_astro/'));
const database = published.find((f) => /^data\/huitoukan\.[0-9a-f]+\.duckdb$/.test(f));
const answers = published.find((f) => /^data\/answers\/[0-9a-f]+\/exit\/streets\.json$/.test(f));
const sample = {
  page: '/',
  csv: '/downloads/villages.csv',
  js: astro.find((f) => f.endsWith('.js') && statSync(path.join(DIST, f)).size > 1024),
  wasm: astro.find((f) => f.endsWith('.wasm')),
};

test('every kind of response carries the security headers, the CSP header exactly as specified', async () => {
  const paths = [
    '/',
    '/villages/',
    sample.csv,
    '/downloads/SHA256SUMS',
    '/downloads/datapackage.json',
    '/favicon.svg',
    '/no-such-page/',
    ...(database ? [`/${database}`] : []),
    ...(sample.js ? [`/${sample.js}`] : []),
  ];
  for (const p of paths) {
    const { headers, status } = await raw(p, {}, 'HEAD');
    expect(status, p).toBe(p === '/no-such-page/' ? 404 : 200);
    expect(headers['content-security-policy'], p).toBe(CSP_HEADER);
    expect(headers['x-content-type-options'], p).toBe('nosniff');
    expect(headers['x-frame-options'], p).toBe('DENY');
    expect(headers['referrer-policy'], p).toBe('same-origin');
    expect(headers['permissions-policy'], p).toMatch(/camera=\(\)/);
    expect(headers['server'], p).toBe('nginx'); // no version
  }
  // The header policy also makes the page unframeable, which a <meta> cannot.
  expect(CSP_HEADER).toContain("frame-ancestors 'none'");
});

test('hashed assets are cached for a year; pages and data manifests are revalidated', async () => {
  expect(answers, 'pre-built answers').toBeTruthy();
  for (const f of [...astro, ...(database ? [database] : []), ...(answers ? [answers] : [])]) {
    const { headers } = await raw(`/${f}`, {}, 'HEAD');
    expect(headers['cache-control'], f).toBe(IMMUTABLE);
  }
  for (const p of [
    '/',
    '/exit/',
    sample.csv,
    '/downloads/datapackage.json',
    '/downloads/SHA256SUMS',
  ]) {
    const { headers } = await raw(p, {}, 'HEAD');
    expect(headers['cache-control'], p).toBe('no-cache');
    expect(headers['etag'] ?? headers['last-modified'], p).toBeTruthy();
  }
});

test('MIME types: html, csv and text as UTF-8, wasm, the database as bytes', async () => {
  const type = async (p: string) => (await raw(p, {}, 'HEAD')).headers['content-type'];
  expect(await type('/')).toBe('text/html; charset=utf-8');
  expect(await type(sample.csv)).toBe('text/csv; charset=utf-8');
  expect(await type('/downloads/SHA256SUMS')).toBe('text/plain; charset=utf-8');
  expect(await type('/downloads/datapackage.json')).toBe('application/json; charset=utf-8');
  expect(await type('/favicon.svg')).toMatch(/^image\/svg\+xml/);
  if (sample.js) expect(await type(`/${sample.js}`)).toMatch(/^(application|text)\/javascript/);
  if (sample.wasm) expect(await type(`/${sample.wasm}`)).toBe('application/wasm');
  if (database) expect(await type(`/${database}`)).toBe('application/octet-stream');
});

test('precompressed files: brotli when accepted, else gzip, else as stored — same bytes decoded', async () => {
  const candidates = ['index.html', 'downloads/villages.csv', sample.js, sample.wasm].filter(
    (f): f is string => !!f,
  );
  for (const f of candidates) {
    const original = readFileSync(path.join(DIST, f));
    const br = await raw(`/${f}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding'], f).toBe('br');
    expect(br.headers['vary'], f).toMatch(/Accept-Encoding/i);
    expect(br.body.equals(readFileSync(path.join(DIST, `${f}.br`))), f).toBe(true);
    expect(brotliDecompressSync(br.body).equals(original), f).toBe(true);

    const gz = await raw(`/${f}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding'], f).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original), f).toBe(true);

    const plain = await raw(`/${f}`);
    expect(plain.headers['content-encoding'], f).toBeUndefined();
    expect(plain.body.equals(original), f).toBe(true);
  }
});

test('the database answers byte ranges, uncompressed even when compression is accepted', async () => {
  test.skip(!database, 'no database in dist/data');
  const file = readFileSync(path.join(DIST, database as string));
  const head = await raw(`/${database}`, {}, 'HEAD');
  expect(head.headers['accept-ranges']).toBe('bytes');
  expect(Number(head.headers['content-length'])).toBe(file.length);
  for (const [from, to] of [
    [0, 65_535],
    [65_536, 131_071],
    [file.length - 100, file.length - 1],
  ] as const) {
    const res = await raw(`/${database}`, {
      Range: `bytes=${from}-${to}`,
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-range']).toBe(`bytes ${from}-${to}/${file.length}`);
    expect(res.body.equals(file.subarray(from, to + 1))).toBe(true);
  }
  expect(readdirSync(path.join(DIST, 'data')).filter((f) => /\.duckdb\.(br|gz)$/.test(f))).toEqual(
    [],
  );
});

test('every file listed in SHA256SUMS, fetched from this server, has the listed hash', async () => {
  const sums = (await raw('/downloads/SHA256SUMS')).body.toString('utf8').trim().split('\n');
  expect(sums.length).toBeGreaterThan(5);
  for (const line of sums) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, hash, rel] = m as RegExpExecArray;
    const url = new URL(rel as string, new URL('/downloads/', BASE)).pathname;
    const plain = await raw(url);
    expect(plain.status, url).toBe(200);
    expect(sha256(plain.body), url).toBe(hash);
    // What a browser gets: the precompressed variant where one exists, decoded.
    const br = await raw(url, { 'Accept-Encoding': 'br' });
    const decoded =
      br.headers['content-encoding'] === 'br' ? brotliDecompressSync(br.body) : br.body;
    expect(sha256(decoded), `${url} (brotli)`).toBe(hash);
  }
});

test('every page carries a hashed meta CSP and the browser blocks nothing on it', async ({
  page,
}) => {
  test.setTimeout(30_000 + pages.length * 3_000);
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __csp: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  for (const p of pages) {
    expect((await page.goto(p))?.status(), p).toBe(200);
    const meta = await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute('content');
    expect(meta, p).toMatch(/default-src 'self'/);
    expect(meta, p).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    const inline = await page.locator('script:not([src]):not([type="application/json"])').count();
    if (inline > 0) expect(meta, p).toMatch(/script-src[^;]*'sha256-/);
    // 'unsafe-hashes' admits only the listed style-attribute hashes (the SQL editor's one).
    expect(meta, p).toMatch(/style-src 'self' (?:'unsafe-hashes' )?'sha256-/);
    expect(meta, p).not.toContain('unsafe-inline');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), p).toEqual(
      [],
    );
  }
});

test('chart downloads work under the policy (PNG draws the SVG through a blob: image)', async ({
  page,
}) => {
  await page.goto('/');
  const figure = page.locator('figure[data-chart]').first();
  for (const name of ['下载数据 CSV', '下载图片 SVG', '下载图片 PNG']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name }).click(),
    ]);
    expect(statSync((await download.path()) as string).size, name).toBeGreaterThan(100);
  }
});

test('the query engine loads and answers under the policy', async ({ page }) => {
  const enginePage = pages.find((p) =>
    readFileSync(path.join(DIST, decodeURIComponent(p), 'index.html'), 'utf8').includes(
      'data-engine-status',
    ),
  );
  test.skip(!enginePage, 'no page includes the query engine yet');
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(enginePage as string);
  // The engine starts on the first filter change (src/client/topic/topicPage.ts).
  const select = page.locator('[data-topic-filters] select').first();
  if ((await select.count()) > 0) await select.selectOption({ index: 1 });
  await expect(page.locator('[data-engine-status]').first()).toHaveAttribute(
    'data-engine-state',
    'ready',
    { timeout: 60_000 },
  );
  await expect(page.getByText('未能按筛选更新')).toHaveCount(0);
  expect(violations).toEqual([]);
});
