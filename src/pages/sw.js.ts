/**
 * /sw.js: the service worker (src/client/offline/serviceWorker.js) with the
 * publication's name in front. A new publication changes this file, so the
 * browser installs the new worker on the next online visit and it replaces
 * the previous publication's kept pages and answers.
 */
import source from '../client/offline/serviceWorker.js?raw';
import { getPublication } from '../build/site/publication.ts';

export async function GET(): Promise<Response> {
  const { manifest, answers } = await getPublication();
  // The database file and the answers folder are both named by content.
  const name = `${manifest.db.path.replace(/^.*\/huitoukan\.|\.duckdb$/g, '')}-${answers.dir.split('/').at(-2) ?? ''}`;
  return new Response(`self.HTK_PUBLICATION = ${JSON.stringify(name)};\n${source}`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
