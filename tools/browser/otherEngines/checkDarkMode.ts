/**
 * Every page type at 375 px, in the light and the dark scheme: the body is
 * dark in the dark scheme, axe-core (colour contrast included) finds nothing
 * serious or critical in either, and a screenshot of each is written for a
 * person to look at (`<shots>/<engine>-<scheme>-<page>.png`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bodyLuminance, runAxe, showEverything, type AxeFinding } from './pageProbes.ts';
import type { ColorScheme, EngineDriver } from './browserSession.ts';
import { guarded, verdictOf, type CheckResult } from './checkResult.ts';
import type { SiteServer } from './siteServer.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SEVERE = new Set(['serious', 'critical']);

/** The first sub-page (sorted) of `dir` in the built site, as a path. */
function firstPageIn(site: string, dir: string): string | undefined {
  const root = path.join(site, dir);
  if (!existsSync(root)) return undefined;
  const name = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  return name ? `/${dir}/${name}/` : undefined;
}

/** One page of each type the site has (the types of tests/e2e/darkMode.spec.ts). */
export function pageTypes(site: string): string[] {
  return [
    '/',
    '/registration/',
    '/exit/',
    '/shuangdao/',
    firstPageIn(site, 'shuangdao'),
    '/rectification/',
    existsSync(path.join(site, 'rectification/page/2/index.html'))
      ? '/rectification/page/2/'
      : undefined,
    '/projects/',
    existsSync(path.join(site, 'projects/page/2/index.html')) ? '/projects/page/2/' : undefined,
    firstPageIn(site, 'streets'),
    '/villages/',
    firstPageIn(site, 'villages'),
    '/updates/',
    '/data/',
    '/explore/',
  ].filter((p): p is string => Boolean(p));
}

interface Seen {
  background: number;
  text: number;
  css: string;
  findings: AxeFinding[];
}

const describe = (f: AxeFinding) => `${f.id}（${f.impact}，${f.nodes} 处）${f.target} ${f.summary}`;

export async function checkDarkMode(
  driver: EngineDriver,
  server: SiteServer,
  pages: string[],
  shots: string,
): Promise<CheckResult[]> {
  mkdirSync(shots, { recursive: true });
  const seen = new Map<string, Partial<Record<ColorScheme, Seen | string>>>();
  for (const scheme of ['light', 'dark'] as const) {
    const session = await driver.open({ scheme, phone: true });
    try {
      for (const page of pages) {
        const entry = seen.get(page) ?? {};
        seen.set(page, entry);
        try {
          await session.goto(server.url + encodeURI(page));
          const colours = await session.run(bodyLuminance);
          const slug = page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index';
          writeFileSync(
            path.join(shots, `${driver.name}-${scheme}-${slug}.png`),
            await session.screenshot(),
          );
          await session.inject(AXE_SOURCE);
          await session.run(showEverything);
          entry[scheme] = { ...colours, findings: await session.run(runAxe) };
        } catch (err) {
          entry[scheme] = err instanceof Error ? err.message : String(err);
        }
      }
    } finally {
      await session.close();
    }
  }
  const results: CheckResult[] = [];
  for (const [page, bySchemes] of seen)
    results.push(
      ...(await guarded(`深浅色与 axe ${page}`, driver.name, async () => {
        const problems: string[] = [];
        const notes: string[] = [];
        for (const scheme of ['light', 'dark'] as const) {
          const s = bySchemes[scheme];
          const label = scheme === 'dark' ? '深色' : '浅色';
          if (s === undefined || typeof s === 'string') {
            problems.push(`${label}：${s ?? '没有运行'}`);
            continue;
          }
          for (const f of s.findings)
            (SEVERE.has(f.impact) ? problems : notes).push(`${label} axe：${describe(f)}`);
          if (scheme === 'dark' && !(s.background < 0.02 && s.text > 0.7))
            problems.push(`深色方案下页面不是深底浅字：${s.css}`);
          if (scheme === 'light' && !(s.background > 0.9 && s.text < 0.1))
            problems.push(`浅色方案下页面不是浅底深字：${s.css}`);
        }
        return [verdictOf(`深浅色与 axe ${page}`, driver.name, problems, notes)];
      })),
    );
  return results;
}
