/**
 * Is the page's publication still the site's current one? Each build writes
 * `data/publication.json` beside the database files (src/build/site/retainDatabases.ts):
 * an unhashed, never-cached pointer naming the current database file. A page
 * names its own file (content-hashed) in its HTML; when the two differ, the
 * staff have republished since the page was opened.
 *
 * The build keeps the two previous publications' database files, so an open
 * page usually goes on answering from its own file; the check lets it offer
 * the newer data (数据已更新，刷新查看). When the page's file is gone for good
 * (a 404 from the worker: EngineError 'missing'), the check turns that into
 * EngineError('republished'), which the page shows the same way.
 */
import { EngineError, isEngineError } from './errors.ts';

/** The pointer's file name, in the folder of the database files. */
export const PUBLICATION_POINTER = 'publication.json';

/** What data/publication.json holds (file names relative to its folder). */
export interface PublicationPointer {
  /** The current database file. */
  db: string;
  /** The data's as-of date (campaign.json), YYYY-MM-DD. */
  as_of: string;
  /** Earlier publications' database files still served, newest first. */
  retained: string[];
}

/** The pointer's URL for a page whose database file is at `dbUrl`. */
export function pointerUrl(dbUrl: string, base = location.href): URL {
  return new URL(PUBLICATION_POINTER, new URL(dbUrl, base));
}

/**
 * The newer publication, when the site's current database file is not `dbUrl`;
 * undefined when it is, or when the pointer cannot be read (no answer is no news).
 */
export async function newerPublication(
  dbUrl: string,
  { fetchImpl = fetch, base = location.href }: { fetchImpl?: typeof fetch; base?: string } = {},
): Promise<PublicationPointer | undefined> {
  const url = pointerUrl(dbUrl, base);
  try {
    const res = await fetchImpl(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) return undefined;
    const pointer = (await res.json()) as Partial<PublicationPointer>;
    if (typeof pointer.db !== 'string') return undefined;
    const current = new URL(pointer.db, url).pathname;
    if (current === new URL(dbUrl, base).pathname) return undefined;
    return { db: pointer.db, as_of: pointer.as_of ?? '', retained: pointer.retained ?? [] };
  } catch {
    return undefined;
  }
}

/**
 * `err` as the visitor should read it: a missing database file that a newer
 * publication replaced becomes EngineError('republished'); anything else is returned as is.
 */
export async function explainMissingFile(
  err: unknown,
  dbUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<unknown> {
  if (!(isEngineError(err) && err.kind === 'missing' && err.file === 'data')) return err;
  const newer = await newerPublication(dbUrl, { fetchImpl });
  if (!newer) return err;
  return new EngineError('republished', `${dbUrl} was replaced by ${newer.db}`, {
    cause: err,
    file: 'data',
  });
}
