import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../../src/engine/browser/errors.ts';
import {
  explainMissingFile,
  newerPublication,
} from '../../../../src/engine/browser/publicationCheck.ts';

const base = 'https://example.org/explore/';
const pointing = (db: string, status = 200) =>
  (async (url: URL) => {
    expect(String(url)).toBe('https://example.org/data/publication.json');
    return new Response(JSON.stringify({ db, as_of: '2018-07-27', retained: [] }), { status });
  }) as unknown as typeof fetch;

describe('newerPublication', () => {
  it('is undefined while the page’s database file is the current one', async () => {
    const fetchImpl = pointing('huitoukan.aaa.duckdb');
    expect(
      await newerPublication('/data/huitoukan.aaa.duckdb', { fetchImpl, base }),
    ).toBeUndefined();
  });

  it('names the newer file once the staff have republished', async () => {
    const fetchImpl = pointing('huitoukan.bbb.duckdb');
    expect(await newerPublication('/data/huitoukan.aaa.duckdb', { fetchImpl, base })).toMatchObject(
      {
        db: 'huitoukan.bbb.duckdb',
        as_of: '2018-07-27',
      },
    );
  });

  it('takes no answer (no pointer, offline) as no news', async () => {
    expect(
      await newerPublication('/data/huitoukan.aaa.duckdb', { fetchImpl: pointing('x', 404), base }),
    ).toBeUndefined();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(
      await newerPublication('/data/huitoukan.aaa.duckdb', { fetchImpl: offline, base }),
    ).toBeUndefined();
  });
});

describe('explainMissingFile', () => {
  it('turns a missing database file into "republished" only when a newer publication replaced it', async () => {
    globalThis.location ??= new URL(base) as unknown as Location;
    const missing = new EngineError('missing', 'gone', { file: 'data' });
    const newer = await explainMissingFile(
      missing,
      '/data/huitoukan.aaa.duckdb',
      pointing('huitoukan.bbb.duckdb'),
    );
    expect((newer as EngineError).kind).toBe('republished');
    const same = await explainMissingFile(
      missing,
      '/data/huitoukan.aaa.duckdb',
      pointing('huitoukan.aaa.duckdb'),
    );
    expect(same).toBe(missing);
    const other = new EngineError('timeout', 'x');
    expect(await explainMissingFile(other, '/data/huitoukan.aaa.duckdb', pointing('b'))).toBe(
      other,
    );
  });
});
