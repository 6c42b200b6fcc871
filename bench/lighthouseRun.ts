/**
 * One Lighthouse run (mobile preset, performance only) with Debian chromium,
 * (`CHROME_PATH=/usr/bin/chromium`, `--headless=new --no-sandbox --disable-gpu`). Async on purpose: the page is served from this
 * same process (serve.ts), so blocking the event loop would hang the audit.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface LighthouseMetrics {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  requests: number;
}

interface Report {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: unknown[] } }>;
  runtimeError?: { code: string; message: string };
}

const CLI = path.resolve('node_modules/lighthouse/cli/index.js');

export function lighthouseRun(
  url: string,
  chromePath = '/usr/bin/chromium',
): Promise<LighthouseMetrics> {
  const args = [
    CLI,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update',
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        env: { ...process.env, CHROME_PATH: chromePath },
        maxBuffer: 256 * 2 ** 20,
        timeout: 180_000,
      },
      (err, stdout, stderr) => {
        if (err)
          return reject(
            new Error(`lighthouse ${url} failed: ${err.message}\n${stderr.slice(-2000)}`),
          );
        const report = JSON.parse(stdout) as Report;
        if (report.runtimeError)
          return reject(new Error(`lighthouse ${url}: ${report.runtimeError.message}`));
        const n = (id: string) => report.audits[id]?.numericValue ?? NaN;
        resolve({
          score: Math.round((report.categories.performance.score ?? 0) * 100),
          fcpMs: n('first-contentful-paint'),
          lcpMs: n('largest-contentful-paint'),
          tbtMs: n('total-blocking-time'),
          cls: n('cumulative-layout-shift'),
          totalBytes: n('total-byte-weight'),
          requests: report.audits['network-requests']?.details?.items?.length ?? NaN,
        });
      },
    );
  });
}
