/**
 * A second visit without a network (the service worker, /sw.js), in a fresh
 * session: the worker takes control of a visited page and keeps it with its
 * answers; the server is then stopped (nothing answers, as on a phone with no
 * signal — the browser itself still thinks it is online) and the page
 * reloaded: it shows 离线浏览，数据截止 …, answers a single filter, says
 * 需要联网 for a second one, and a page never opened says 没有网络. The server
 * comes back on the same port afterwards, and the page opens online without
 * the note. Each step is a row; after a failed step the rest are skipped.
 */
import {
  offlineReady,
  offlineView,
  optionValues,
  topicState,
  watchTopicUpdates,
} from './pageProbes.ts';
import { waitFor, type BrowserSession, type EngineDriver } from './browserSession.ts';
import { verdictOf, type CheckResult } from './checkResult.ts';
import type { SiteServer } from './siteServer.ts';

const PAGE = '/exit/';
const NEVER_OPENED = '/shuangdao/';
/** ENGINE_OFFLINE_MESSAGE (src/client/engineStatus.ts) begins so. */
const NEEDS_NETWORK = '需要联网';
const NOTE = '离线浏览，数据截止';

/** A step: its problems (none: PASS) and what it saw; a failed `gate` skips the steps after it. */
type Step = [
  string,
  (s: BrowserSession, server: SiteServer) => Promise<[string[], string[]]>,
  gate?: boolean,
];

const online: Step[] = [
  [
    '离线：服务工作线程接管并保存页面',
    async (s, server) => {
      await s.goto(server.url + PAGE);
      const first = await s.run(offlineView);
      const t0 = Date.now();
      await waitFor(
        () => s.run(offlineReady, `htk-pages-${server.publication}`, [PAGE, `${PAGE}streets.json`]),
        (r) => r.controller && r.missing.length === 0,
        '服务工作线程接管页面并保存它',
      );
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      return [
        first.controller ? ['新会话里已有服务工作线程（会话不是全新的）'] : [],
        [`${seconds} 秒后 navigator.serviceWorker.controller 已设，${PAGE} 及其答案已保存`],
      ];
    },
    true,
  ],
];

const offline: Step[] = [
  [
    '离线：重新打开看过的页面',
    async (s, server) => {
      await s.goto(server.url + PAGE);
      const copy = await s.run(offlineView);
      const problems = [
        ...(copy.note?.includes(NOTE) ? [] : [`没有离线提示（.offline-note）`]),
        ...(copy.copy ? [] : ['不是保存的副本（html 没有 data-offline-copy）']),
      ];
      return [problems, [`提示：${copy.note ?? '（无）'}`]];
    },
    true,
  ],
  [
    '离线：单项筛选',
    async (s) => {
      await s.run(watchTopicUpdates);
      const [street = ''] = await s.run(optionValues, 'select[name="street"]');
      await s.choose('select[name="street"]', street);
      const view = await waitFor(
        () => s.run(topicState),
        (v) => (v.updates.length >= 1 && v.busy === 0) || v.status !== '',
        '离线时单项筛选的视图',
      );
      const ok = view.updates[0] === 'answers' && view.search.includes(`street=${street}`);
      return [
        ok ? [] : [`没有预生成答案的视图：${JSON.stringify(view.updates)}；状态：${view.status}`],
        [`街道 ${street}：${view.figures.slice(0, 90)}`],
      ];
    },
  ],
  [
    '离线：组合筛选说需要联网',
    async (s) => {
      const [value = ''] = await s.run(optionValues, 'select[name="exit_category"]');
      await s.choose('select[name="exit_category"]', value);
      const view = await waitFor(
        () => s.run(topicState),
        (v) => v.status !== '' && !/正在加载查询引擎|等待查询引擎/.test(v.status),
        '离线时组合筛选的提示',
        90_000,
      );
      const ok = view.status.includes(NEEDS_NETWORK);
      return [ok ? [] : [`提示不是“${NEEDS_NETWORK}”`], [`提示：${view.status}`]];
    },
  ],
  [
    '离线：没打开过的页面说没有网络',
    async (s, server) => {
      await s.goto(server.url + NEVER_OPENED);
      const { h1 } = await s.run(offlineView);
      return [h1 === '没有网络' ? [] : [`标题：${h1}`], [`${NEVER_OPENED}：${h1}`]];
    },
  ],
];

const back: Step[] = [
  [
    '离线：联网后不再显示离线提示',
    async (s, server) => {
      await s.goto(server.url + PAGE);
      const v = await s.run(offlineView);
      return [v.note || v.copy ? [`仍显示离线提示：${v.note}`] : [], []];
    },
  ],
];

export async function checkOffline(
  driver: EngineDriver,
  server: SiteServer,
): Promise<CheckResult[]> {
  const session = await driver.open({ scheme: 'light', phone: false });
  const results: CheckResult[] = [];
  let failed = false;
  const run = async (steps: Step[]) => {
    for (const [name, step, gate] of steps) {
      if (failed) {
        results.push({
          check: name,
          engine: driver.name,
          verdict: 'SKIP',
          notes: ['之前的一步失败'],
        });
        continue;
      }
      try {
        const [problems, notes] = await step(session, server);
        results.push(verdictOf(name, driver.name, problems, notes));
      } catch (err) {
        results.push(
          verdictOf(name, driver.name, [err instanceof Error ? err.message : String(err)]),
        );
      }
      failed ||= Boolean(gate) && results.at(-1)?.verdict === 'FAIL';
    }
  };
  try {
    await run(online);
    await server.stop();
    try {
      await run(offline);
    } finally {
      await server.start();
    }
    failed = false;
    await run(back);
    return results;
  } finally {
    await session.close();
  }
}
