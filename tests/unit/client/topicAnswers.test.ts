import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageAnswers } from '../../../src/client/topic/topicAnswers.ts';
import {
  ANSWERS_VERSION,
  answerRef,
  packResults,
  STREETS_FILE,
} from '../../../src/views/shared/answers.ts';

const BASE = 'http://site.test/data/answers/abc/exit/';
const street = { filters: { street: '田墘街道' }, list: {} };
const ref = answerRef(street, ['street', 'village']);
const answer = { figures: [{ n: 311 }] };
const packed = packResults(answer);
const file = (states: Record<string, unknown>) =>
  new Response(JSON.stringify({ v: ANSWERS_VERSION, states }), { status: 200 });

/** A fetch that answers `files` by name and fails (as offline) for anything else; logs each call. */
function fakeFetch(files: Record<string, () => Response>) {
  const calls: string[] = [];
  const impl = (async (input: URL | RequestInfo) => {
    const name = String(input).slice(BASE.length);
    calls.push(name);
    const make = files[name];
    if (!make) throw new TypeError('Load failed');
    return make();
  }) as typeof fetch;
  return { impl, calls };
}

beforeEach(() => vi.stubGlobal('location', { href: 'http://site.test/exit/' }));
afterEach(() => vi.unstubAllGlobals());

describe('pageAnswers', () => {
  it('a street tapped before the prefetch, its own file not to be had (offline, never kept), is answered from streets.json', async () => {
    if (!ref) throw new Error('a street has an answer ref');
    expect(ref.files).toEqual([
      expect.stringMatching(/^streets\/[0-9a-f]{8}\.json$/),
      STREETS_FILE,
    ]);
    const { impl, calls } = fakeFetch({ [STREETS_FILE]: () => file({ [ref.state]: packed }) });
    expect(await pageAnswers(BASE, { fetchImpl: impl }).get(ref)).toEqual(answer);
    expect(calls).toEqual([ref.files[0], STREETS_FILE]);
  });

  it("with the street's own file at hand, nothing else is fetched (a visitor who saves data)", async () => {
    if (!ref) throw new Error('a street has an answer ref');
    const { impl, calls } = fakeFetch({ [ref.files[0]]: () => file({ [ref.state]: packed }) });
    expect(await pageAnswers(BASE, { fetchImpl: impl }).get(ref)).toEqual(answer);
    expect(calls).toEqual([ref.files[0]]);
  });

  it('no file has the state: undefined, so the page asks the engine', async () => {
    if (!ref) throw new Error('a street has an answer ref');
    const { impl } = fakeFetch({ [STREETS_FILE]: () => file({}) });
    expect(await pageAnswers(BASE, { fetchImpl: impl }).get(ref)).toBeUndefined();
  });
});
