/**
 * Prepared statements kept per engine session (src/engine/browser/browserEngine.ts). A filter
 * change sends the same SQL texts as the last one with other values: each
 * text is prepared once (a round trip to the worker, and a parse and bind
 * there) and kept, the least recently used closed first beyond `size`.
 * Prepared statements also refuse several statements in one text, which the
 * explore page relies on as one more wall. Independent of DuckDB so it can
 * be tested with a fake connection (tests/unit/engine/browser/statements.test.ts).
 */

/** The parts of a DuckDB-WASM connection and its prepared statements used here. */
export interface PreparingConnection<R> {
  prepare(text: string): Promise<PreparedLike<R>>;
}
export interface PreparedLike<R> {
  query(...params: unknown[]): Promise<R>;
  close(): Promise<void>;
}

/** Statements a session keeps: every page's queries (≤ 12) several times over. */
export const STATEMENT_CACHE_SIZE = 64;

/** `run(text, params)`: the statement for `text` (prepared now or kept), run with `params`. */
export function statementRunner<R>(
  conn: PreparingConnection<R>,
  size = STATEMENT_CACHE_SIZE,
): (text: string, params: readonly unknown[]) => Promise<R> {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  const kept = new Map<string, Promise<PreparedLike<R>>>();
  return async (text, params) => {
    let stmt = kept.get(text);
    if (stmt) kept.delete(text);
    else {
      const prepared = conn.prepare(text);
      // A text that does not prepare (an SQL error) is not kept: the next try prepares again.
      prepared.catch(() => {
        if (kept.get(text) === prepared) kept.delete(text);
      });
      stmt = prepared;
      for (const [old, evicted] of kept) {
        if (kept.size < size) break;
        kept.delete(old);
        // Not awaited: after a crash, close() would never answer.
        evicted.then((s) => s.close()).catch(() => {});
      }
    }
    kept.set(text, stmt);
    return (await stmt).query(...params);
  };
}
