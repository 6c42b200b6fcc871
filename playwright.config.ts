import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './tools/browser/ensureBrowser.ts';

const port = Number(process.env.E2E_PORT ?? 4329);
/** Where the suite runs: the built site served by `astro preview`, or E2E_BASE_URL (e.g. nginx). */
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const altPort = port + 1;
/** Base URL of the alternative-data build, for tests/e2e/alt.spec.ts. */
export const altBaseURL = process.env.E2E_ALT_BASE_URL ?? `http://127.0.0.1:${altPort}`;
const hostilePort = port + 2;
/** Base URL of the hostile-data build, for tests/e2e/hostile.spec.ts. */
export const hostileBaseURL = process.env.E2E_HOSTILE_BASE_URL ?? `http://127.0.0.1:${hostilePort}`;
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The site's service worker would answer requests before page.route() sees them:
    // off, except in tests/e2e/offline.spec.ts, which is about it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        {
          // A plain static server (Range requests, precompressed files, extensionless
          // files such as SHA256SUMS, which `astro preview` answers with its 404 page),
          // failing requests on a test's demand (tools/serve/faults.ts, tests/e2e/faultScope.ts).
          command: `node tools/serve/serve.ts dist ${port} --faults`,
          url: baseURL,
          reuseExistingServer: false,
          timeout: 60_000,
        },
        {
          // The same site built on another data set (tests/e2e/buildAlt.ts).
          command: `node tools/serve/serve.ts .build/alt-dist ${altPort}`,
          url: altBaseURL,
          reuseExistingServer: false,
          timeout: 60_000,
        },
        {
          // The site built on hostile text: markup, formulas, long words (tests/e2e/buildHostile.ts).
          command: `node tools/serve/serve.ts .build/hostile-dist ${hostilePort}`,
          url: hostileBaseURL,
          reuseExistingServer: false,
          timeout: 60_000,
        },
      ],
});
