/**
 * Browser: a topic page's pre-built answers (src/views/shared/answers.ts) —
 * small static files with every single-filter state's query results, so the
 * first tap is answered without DuckDB-WASM. Files are fetched once each
 * (after first paint for the page's prefetch list, else on the tap that needs
 * them) and kept for the page's life. A file that cannot be had (offline and
 * not cached, a newer publication removed it, another format) answers nothing:
 * the page then asks the engine, as before there were answers.
 */
import {
  ANSWERS_VERSION,
  unpackResults,
  type AnswerFile,
  type AnswerRef,
} from '../../views/shared/answers.ts';
import type { QueryResults } from '../../views/shared/topicSpec.ts';

export interface PageAnswers {
  /**
   * The answer to a state, or undefined when no file has it. Uses a file
   * already here when one holds the state; the state's first file is fetched
   * in any case (a street's file brings its villages for the next tap).
   */
  get(ref: AnswerRef): Promise<QueryResults | undefined>;
  /** Starts fetching files not yet here. */
  prefetch(files: readonly string[]): void;
}

/**
 * The answers under `baseUrl`; `onGone` is told when a file is no longer on
 * the site (404: a newer publication replaced this page's).
 */
export function pageAnswers(
  baseUrl: string,
  { fetchImpl = fetch, onGone }: { fetchImpl?: typeof fetch; onGone?: () => void } = {},
): PageAnswers {
  const base = new URL(baseUrl, location.href);
  const pending = new Map<string, Promise<AnswerFile | undefined>>();
  const here = new Map<string, AnswerFile | undefined>();

  function load(name: string): Promise<AnswerFile | undefined> {
    let p = pending.get(name);
    if (p) return p;
    p = (async () => {
      try {
        const res = await fetchImpl(new URL(name, base), { credentials: 'same-origin' });
        // 404: a newer publication replaced this page's answers (the engine still has its data).
        if (res.status === 404 || res.status === 410) onGone?.();
        if (!res.ok) return undefined;
        const file = (await res.json()) as Partial<AnswerFile>;
        return file.v === ANSWERS_VERSION && file.states ? (file as AnswerFile) : undefined;
      } catch {
        pending.delete(name); // offline or cut: the next tap tries again
        return undefined;
      }
    })();
    pending.set(name, p);
    void p.then((file) => {
      if (pending.get(name) === p) here.set(name, file);
    });
    return p;
  }

  return {
    async get(ref) {
      void load(ref.files[0]);
      for (const name of ref.files) {
        const answer = here.get(name)?.states[ref.state];
        if (answer) return unpackResults(answer);
      }
      // Whichever file arrives first with the state (the prefetch may beat the tap's own).
      const arriving = ref.files.flatMap((name) => pending.get(name) ?? []);
      try {
        return unpackResults(
          await Promise.any(
            arriving.map((p) =>
              p.then((file) => file?.states[ref.state] ?? Promise.reject(new Error('not here'))),
            ),
          ),
        );
      } catch {
        // None of those had it — the first file cannot be had (offline, never kept: a street's
        // own file is fetched only by a tap) and a tap came before the prefetch: the others,
        // in turn. Only now, so a visitor who saves data still fetches one file per tap.
        for (const name of ref.files.slice(1)) {
          const answer = (await load(name))?.states[ref.state];
          if (answer) return unpackResults(answer);
        }
        return undefined;
      }
    },
    prefetch(files) {
      for (const name of files) void load(name);
    },
  };
}

/** The visitor asked to save data, or the connection is 2G: fetch only what a tap needs. */
export function constrainedNetwork(): boolean {
  const c = (
    navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }
  ).connection;
  return Boolean(c?.saveData) || /(^|-)2g$/.test(c?.effectiveType ?? '');
}
