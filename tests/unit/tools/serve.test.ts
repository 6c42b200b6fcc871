import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveStatic, type StaticServer } from '../../../tools/serve/serve.ts';
import { FAULT_SCOPE_COOKIE, parseRules, type FaultReport } from '../../../tools/serve/faults.ts';

describe('parseRange', () => {
  it('reads start-end, open-ended and suffix ranges, clamped to the file', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual([0, 9]);
    expect(parseRange('bytes=90-', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-10', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=95-200', 100)).toEqual([95, 99]);
  });
  it('serves the whole file for no or unsupported ranges, and refuses unsatisfiable ones', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('bytes=100-', 100)).toBe('invalid');
    expect(parseRange('bytes=9-3', 100)).toBe('invalid');
  });
});

describe('serveStatic', () => {
  let root: string;
  let server: StaticServer;
  const html = '<!doctype html><p>概览</p>'.repeat(50);
  const brotli = brotliCompressSync(Buffer.from(html));
  const db = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
    mkdirSync(path.join(root, 'topic'));
    writeFileSync(path.join(root, 'index.html'), html);
    writeFileSync(path.join(root, 'index.html.br'), brotli);
    writeFileSync(path.join(root, 'topic', 'index.html'), '<p>topic</p>');
    writeFileSync(path.join(root, 'x.duckdb'), db);
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers Range requests with exactly the asked bytes', async () => {
    const res = await fetch(`${server.url}/x.duckdb`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(db.subarray(100, 200));
    const bad = await fetch(`${server.url}/x.duckdb`, { headers: { range: 'bytes=5000-' } });
    expect(bad.status).toBe(416);
  });

  it('sends the precompressed sibling only to clients that accept it', async () => {
    server.reset();
    // undici decompresses br itself, so compare the body it decodes and the bytes the server logged.
    const br = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toBe(html);
    const plain = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(html);
    expect(server.log.map((r) => [r.encoding, r.bytes])).toEqual([
      ['br', brotli.length],
      ['identity', Buffer.byteLength(html)],
    ]);
  });

  it('counts every body byte it sends until reset', async () => {
    server.reset();
    await (
      await fetch(`${server.url}/x.duckdb`, { headers: { range: 'bytes=0-99' } })
    ).arrayBuffer();
    await (await fetch(`${server.url}/x.duckdb`)).arrayBuffer();
    expect(server.bytes()).toBe(100 + 1000);
    server.reset();
    expect(server.bytes()).toBe(0);
    expect(server.log).toEqual([]);
  });

  it('serves folders by their index.html and redirects the bare folder name', async () => {
    expect(await (await fetch(`${server.url}/topic/`)).text()).toBe('<p>topic</p>');
    const res = await fetch(`${server.url}/topic`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/topic/');
  });

  it('answers 304 to revalidation of an unchanged file', async () => {
    const first = await fetch(`${server.url}/topic/`);
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(lastModified).not.toBe('');
    const again = await fetch(`${server.url}/topic/`, {
      headers: { 'if-modified-since': lastModified },
    });
    expect(again.status).toBe(304);
  });

  it('never serves files outside its root', async () => {
    const res = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(res.status).toBe(403);
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });
});

describe('serveStatic with fault injection', () => {
  let root: string;
  let server: StaticServer;
  const db = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
  const scoped = (scope: string) => ({ cookie: `${FAULT_SCOPE_COOKIE}=${scope}` });
  const put = (scope: string, rules: unknown) =>
    fetch(`${server.url}/__faults/${scope}`, { method: 'PUT', body: JSON.stringify({ rules }) });

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'serve-faults-'));
    writeFileSync(path.join(root, 'x.duckdb'), db);
    writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
    server = await serveStatic(root, 0, { faults: true });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('fails a route N times, then serves it; only for requests in the scope', async () => {
    expect((await put('a', [{ path: '\\.duckdb$', fault: 503, times: 2 }])).status).toBe(204);
    const get = (headers: Record<string, string>) =>
      fetch(`${server.url}/x.duckdb`, { headers: { range: 'bytes=0-9', ...headers } });
    expect((await get({})).status).toBe(206); // no scope: untouched
    expect((await get(scoped('b'))).status).toBe(206); // another scope: untouched
    expect((await get(scoped('a'))).status).toBe(503);
    expect((await get(scoped('a'))).status).toBe(503);
    const third = await get(scoped('a'));
    expect(third.status).toBe(206);
    expect(Buffer.from(await third.arrayBuffer())).toEqual(db.subarray(0, 10));
    const report = (await (await fetch(`${server.url}/__faults/a`)).json()) as FaultReport;
    expect(report.rules).toEqual([{ path: '\\.duckdb$', fault: 503, times: 2, failed: 2 }]);
    expect(report.requests.map((r) => r.fault ?? 'ok')).toEqual([503, 503, 'ok']);
    expect(report.requests[0]).toMatchObject({
      method: 'GET',
      path: '/x.duckdb',
      range: 'bytes=0-9',
    });
  });

  it('resets the connection, or cuts a range short: the client sees a network error', async () => {
    await put('c', [
      { path: '^/$', fault: 'reset' },
      { path: '\\.duckdb$', fault: 'truncate', method: 'GET' },
    ]);
    await expect(fetch(`${server.url}/`, { headers: scoped('c') })).rejects.toThrow();
    const cut = await fetch(`${server.url}/x.duckdb`, {
      headers: { range: 'bytes=0-599', ...scoped('c') },
    });
    expect(cut.status).toBe(206);
    await expect(cut.arrayBuffer()).rejects.toThrow();
    // HEAD has no body to cut: the rule is for GET only, so HEAD is served.
    const head = await fetch(`${server.url}/x.duckdb`, { method: 'HEAD', headers: scoped('c') });
    expect(head.status).toBe(200);
    await fetch(`${server.url}/__faults/c`, { method: 'DELETE' });
    expect((await fetch(`${server.url}/`, { headers: scoped('c') })).status).toBe(200);
  });

  it('holds a request until the rules change, then serves it', async () => {
    await put('h', [{ path: '^/$', fault: 'hold' }]);
    let answered = false;
    const held = fetch(`${server.url}/`, { headers: scoped('h') }).then((res) => {
      answered = true;
      return res;
    });
    // The request has reached the server (it is in the scope's log) and waits there.
    for (;;) {
      const report = (await (await fetch(`${server.url}/__faults/h`)).json()) as FaultReport;
      if (report.requests.length > 0) break;
    }
    expect(answered).toBe(false);
    await fetch(`${server.url}/__faults/h`, { method: 'DELETE' });
    expect((await held).status).toBe(200);
  });

  it('refuses malformed rules, and has no control endpoint unless asked', async () => {
    expect((await put('d', [{ path: '(', fault: 503 }])).status).toBe(400);
    expect((await put('d', [{ path: '', fault: 200 }])).status).toBe(400);
    expect(() => parseRules({ rules: [{ path: '', fault: 'reset', times: -1 }] })).toThrow(/times/);
    const plain = await serveStatic(root);
    try {
      expect((await fetch(`${plain.url}/__faults/a`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
