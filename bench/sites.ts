/**
 * The built sites the browser sections measure: one per scale, built by
 * `node cli/build.ts` into .build/bench/site-<scale>/ once per benchmark run
 * (the build section's last timed run counts), then given precompressed
 * siblings (precompress.ts) as a production host would serve them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benchPages } from './pages.ts';
import { precompress } from './precompress.ts';
import { dataDir, type Scale } from './scales.ts';

const ready = new Set<string>();

export function siteDir(s: Scale): string {
  return path.resolve('.build/bench', `site-${s.name}`);
}

/**
 * Marks a site as freshly built by the caller (the build section) and
 * precompresses what the browser sections load: every text file but the HTML
 * pages, and of those only the measured ones.
 */
export function siteBuilt(s: Scale): void {
  const dir = siteDir(s);
  const pages = new Set(benchPages(dir).map((p) => path.join(p.path.slice(1), 'index.html')));
  precompress(dir, (rel) => !rel.endsWith('.html') || pages.has(rel));
  ready.add(s.name);
}

/** The site of a scale, built now unless it was already built in this run. */
export function ensureSite(s: Scale): string {
  if (!ready.has(s.name)) {
    console.error(`building the ${s.name} site…`);
    const r = spawnSync(process.execPath, ['cli/build.ts'], {
      env: { ...process.env, DATA_DIR: dataDir(s), OUT_DIR: siteDir(s) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`building the ${s.name} site failed`);
    siteBuilt(s);
  }
  return siteDir(s);
}
