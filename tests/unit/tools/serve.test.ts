import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveStatic, type StaticServer } from '../../../tools/serve/serve.ts';

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
