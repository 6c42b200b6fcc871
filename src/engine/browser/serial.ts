/**
 * One task at a time, in call order. A DuckDB connection runs one query at a
 * time: a query sent and polled (browserEngine.ts) spans many worker messages,
 * and any other query started on the connection in between would close it
 * (DuckDB keeps one pending result per connection). The worker runs one
 * message at a time anyway, so queueing costs only overlapping round trips.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function serial(): Serial {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = last.then(task, task);
    last = run.catch(() => {});
    return run;
  };
}
