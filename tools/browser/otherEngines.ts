/**
 * `node tools/browser/otherEngines.ts [--site dist]`: the browser-side features
 * of issue #13 checked in WebKitGTK (the engine of every iPhone browser) and
 * Firefox ESR, from Debian packages only (xvfb, webkit2gtk-driver,
 * firefox-esr) — the Chromium suite (tests/e2e/) covers Chromium:
 *
 * - pre-built answers for a street and a village on each topic page, with the
 *   engine's wasm held back by the server; a combined filter waits for, then
 *   gets, DuckDB-WASM's answer (checkAnswers.ts);
 * - the service worker: a visited page reopens with the server stopped,
 *   answers a single filter, says 需要联网 for the engine (checkOffline.ts);
 * - every page type in the light and dark schemes at 375 px: axe-core, and
 *   screenshots to look at (checkDarkMode.ts).
 *
 * Prints a PASS/FAIL table (a row per check, a column per browser) and what
 * each check saw; exits 1 when a check fails. Not part of `npm test`: it needs
 * the packages above and takes a few minutes. Build first (`npm run build`).
 *
 * Options: --site <dir> (dist) · --engines webkit,firefox · --checks
 * answers,offline,dark · --shots <dir> (.build/other-engines) · --port <n>
 * (0: any free port).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineDriver, EngineName } from './otherEngines/browserSession.ts';
import { checkAnswers } from './otherEngines/checkAnswers.ts';
import { checkDarkMode, pageTypes } from './otherEngines/checkDarkMode.ts';
import { checkOffline } from './otherEngines/checkOffline.ts';
import { formatResults, guarded, type CheckResult } from './otherEngines/checkResult.ts';
import { FIREFOX, startFirefox } from './otherEngines/firefoxSession.ts';
import { startSite } from './otherEngines/siteServer.ts';
import { MINIBROWSER, startWebKit } from './otherEngines/webkitSession.ts';

const ENGINES: Record<
  EngineName,
  { label: string; missing: () => string | undefined; start: () => Promise<EngineDriver> }
> = {
  webkit: {
    label: 'WebKitGTK',
    missing: () =>
      ['/usr/bin/Xvfb', '/usr/bin/WebKitWebDriver', MINIBROWSER].some((p) => !existsSync(p))
        ? 'apt-get install xvfb webkit2gtk-driver libwebkit2gtk-4.1-0'
        : undefined,
    start: startWebKit,
  },
  firefox: {
    label: 'Firefox',
    missing: () => (FIREFOX ? undefined : 'apt-get install firefox-esr'),
    start: startFirefox,
  },
};
const CHECKS = ['answers', 'offline', 'dark'] as const;

function options() {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      engines: { type: 'string', default: 'webkit,firefox' },
      checks: { type: 'string', default: CHECKS.join(',') },
      shots: { type: 'string', default: '.build/other-engines' },
      port: { type: 'string', default: '0' },
    },
  });
  const list = <T extends string>(s: string, allowed: readonly T[], what: string): T[] =>
    s.split(',').map((x) => {
      if (!allowed.includes(x as T))
        throw new Error(`--${what}：未知的 ${x}（可选 ${allowed.join(', ')}）`);
      return x as T;
    });
  return {
    site: values.site,
    engines: list(values.engines, Object.keys(ENGINES) as EngineName[], 'engines'),
    checks: list(values.checks, CHECKS, 'checks'),
    shots: values.shots,
    port: Number(values.port),
  };
}

async function main(): Promise<number> {
  const opts = options();
  if (!existsSync(path.join(opts.site, 'sw.js'))) {
    console.error(`${opts.site}/ 不是构建好的站点：请先运行 npm run build。`);
    return 1;
  }
  const server = await startSite(opts.site, opts.port);
  console.error(`站点：${opts.site}/ 于 ${server.url}（发布 ${server.publication}）`);
  const results: CheckResult[] = [];
  const labels = {} as Record<EngineName, string>;
  let running: EngineDriver | undefined;
  const stop = () => {
    void Promise.allSettled([running?.quit(), server.close()]).then(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (const name of opts.engines) {
      const engine = ENGINES[name];
      labels[name] = engine.label;
      const missing = engine.missing();
      if (missing) {
        results.push({
          check: '启动浏览器',
          engine: name,
          verdict: 'SKIP',
          notes: [`未安装：${missing}`],
        });
        continue;
      }
      const t0 = Date.now();
      let driver: EngineDriver;
      try {
        driver = await engine.start();
      } catch (err) {
        results.push({ check: '启动浏览器', engine: name, verdict: 'FAIL', notes: [String(err)] });
        continue;
      }
      running = driver;
      try {
        if (opts.checks.includes('answers')) results.push(...(await checkAnswers(driver, server)));
        if (opts.checks.includes('offline'))
          results.push(...(await guarded('离线', name, () => checkOffline(driver, server))));
        if (opts.checks.includes('dark'))
          results.push(
            ...(await guarded('深浅色与 axe', name, () =>
              checkDarkMode(driver, server, pageTypes(opts.site), opts.shots),
            )),
          );
        labels[name] = driver.version;
      } finally {
        await driver.quit();
        running = undefined;
      }
      console.error(`${driver.version}：${((Date.now() - t0) / 1000).toFixed(0)} 秒`);
    }
  } finally {
    await server.close();
  }
  console.log(formatResults(results, labels));
  if (opts.checks.includes('dark')) console.log(`\n截图：${opts.shots}/`);
  return results.some((r) => r.verdict === 'FAIL') ? 1 : 0;
}

if (import.meta.main)
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
