/**
 * Benchmark section `lighthouse`: Lighthouse mobile preset (simulated slow 4G
 * and 4× CPU slowdown) on the overview, a topic page and a village page, served
 * precompressed by tools/serve/serve.ts. Targets on the overview: score ≥ 98,
 * LCP ≤ 1.2 s, TBT ≤ 50 ms, CLS 0.
 */
import { fmt, median, type Section } from './lib.ts';
import { lighthouseRun, type LighthouseMetrics } from './lighthouseRun.ts';
import { benchPages } from './pages.ts';
import type { Scale } from './scales.ts';
import { serveStatic } from '../tools/serve/serve.ts';
import { ensureSite } from './sites.ts';

const TARGETS = { score: 98, lcpMs: 1200, tbtMs: 50, cls: 0 };

export async function benchLighthouse(scales: Scale[], repeats: number): Promise<Section> {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const scale of scales) {
    const site = ensureSite(scale);
    const server = await serveStatic(site);
    try {
      for (const page of benchPages(site)) {
        const runs: LighthouseMetrics[] = [];
        for (let i = 0; i < repeats; i++) {
          console.error(`lighthouse ${scale.name} ${page.path}: run ${i + 1}/${repeats}`);
          runs.push(await lighthouseRun(server.url + page.path));
        }
        const m = (k: keyof LighthouseMetrics) => median(runs.map((r) => r[k]));
        const result = {
          score: m('score'),
          fcpMs: m('fcpMs'),
          lcpMs: m('lcpMs'),
          tbtMs: m('tbtMs'),
          cls: m('cls'),
          totalBytes: m('totalBytes'),
          requests: m('requests'),
        };
        json[`${scale.name}/${page.name}`] = { path: page.path, ...result, runs };
        let verdict = '';
        if (page.name === 'overview') {
          const missed = [
            result.score < TARGETS.score && `score ${result.score} < ${TARGETS.score}`,
            result.lcpMs > TARGETS.lcpMs &&
              `LCP ${Math.round(result.lcpMs)} ms > ${TARGETS.lcpMs} ms`,
            result.tbtMs > TARGETS.tbtMs &&
              `TBT ${Math.round(result.tbtMs)} ms > ${TARGETS.tbtMs} ms`,
            result.cls > TARGETS.cls && `CLS ${result.cls} > 0`,
          ].filter((x): x is string => !!x);
          verdict = missed.length ? `✗ ${missed.join('; ')}` : '✓';
          for (const x of missed) failures.push(`lighthouse ${scale.name} overview: ${x}`);
        }
        rows.push([
          scale.name,
          page.path.length > 24 ? `/villages/…${page.path.slice(-7)}` : page.path,
          result.score,
          fmt(result.fcpMs / 1000, 2),
          fmt(result.lcpMs / 1000, 2),
          Math.round(result.tbtMs),
          fmt(result.cls, 3),
          fmt(result.totalBytes / 1024, 1),
          result.requests,
          verdict,
        ]);
      }
    } finally {
      await server.close();
    }
  }
  return {
    title: 'Lighthouse (mobile preset, performance)',
    header: [
      'scale',
      'page',
      'score',
      'FCP s',
      'LCP s',
      'TBT ms',
      'CLS',
      'total KB',
      'requests',
      'target (overview)',
    ],
    rows,
    notes: [
      `median of ${repeats} runs; Lighthouse's simulated throttling (slow 4G, 4× CPU); Debian chromium headless; files served precompressed (brotli) by tools/serve/serve.ts.`,
      'Targets on the overview: score ≥ 98, LCP ≤ 1.2 s, TBT ≤ 50 ms, CLS 0.',
    ],
    failures,
    json,
  };
}
