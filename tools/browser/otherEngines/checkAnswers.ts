/**
 * Pre-built answers and the engine, on each topic page, in a fresh session:
 *
 * - 单项筛选: a street, then one of its villages, is answered from the
 *   pre-built files (`data-view-source="answers"`), the address carries the
 *   state, the key figures change, and no byte of the engine's wasm has been
 *   served — the server holds it (siteServer.holdEngine), so the answer
 *   cannot have come from the engine, whatever the page started in the background.
 * - 组合筛选: a second filter beside the village says what waits
 *   (等待查询引擎：…) with a progress bar; once the wasm is let through,
 *   DuckDB-WASM answers (`data-view-source="engine"`).
 */
import {
  filterNames,
  optionValues,
  setCookie,
  topicState,
  watchTopicUpdates,
  type TopicState,
} from './pageProbes.ts';
import {
  waitFor,
  type BrowserSession,
  type EngineDriver,
  type EngineName,
} from './browserSession.ts';
import type { ServedRequest } from '../../serve/serve.ts';
import { guarded, verdictOf, type CheckResult } from './checkResult.ts';
import { FAULT_SCOPE_COOKIE, type SiteServer } from './siteServer.ts';

export const TOPIC_PAGES = [
  '/registration/',
  '/exit/',
  '/shuangdao/',
  '/rectification/',
  '/projects/',
];
const ENGINE_TIMEOUT_MS = 180_000;
/** The status line while the engine loads (engineProgressText, engineWaitingText). */
const LOADING = /正在加载查询引擎|等待查询引擎/;

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 90)}…` : s);

/** Waits for the view after `count` changes, settled (nothing busy), or an engine message. */
function nextView(session: BrowserSession, count: number, what: string, timeoutMs?: number) {
  return waitFor(
    () => session.run(topicState),
    (s) =>
      (s.updates.length >= count && s.busy === 0) || (s.status !== '' && !LOADING.test(s.status)),
    what,
    timeoutMs,
  );
}

/** Problems with a single-filter view: not from the answers, address, figures unchanged. */
function singleProblems(view: TopicState, before: TopicState, param: string, index: number) {
  const problems: string[] = [];
  if (view.updates[index] !== 'answers')
    problems.push(`视图来源：${view.updates[index] ?? '无'}（应为 answers）；状态：${view.status}`);
  if (!view.search.includes(param)) problems.push(`地址没有 ${param}：${view.search}`);
  if (view.figures === before.figures) problems.push(`关键数字没有变化：${short(view.figures)}`);
  return problems;
}

/** What the single-filter step leaves for the combined one. */
interface Tapped {
  scope: string;
  village: string;
  served: () => ServedRequest[];
}

async function checkSingle(
  session: BrowserSession,
  server: SiteServer,
  page: string,
  engine: EngineName,
): Promise<[CheckResult, Tapped]> {
  const scope = `${engine}-answers-${page.replace(/\W+/g, '')}`;
  const mark = server.requests().length;
  const served = () => server.requests().slice(mark);
  await session.goto(server.url + page);
  if (!(await session.run(setCookie, FAULT_SCOPE_COOKIE, scope)))
    throw new Error('无法设置 cookie（扣住引擎文件需要它）');
  await server.holdEngine(scope);
  await session.run(watchTopicUpdates);
  const start = await session.run(topicState);

  const [street] = await session.run(optionValues, 'select[name="street"]');
  if (!street) throw new Error('没有街道选项');
  await session.choose('select[name="street"]', street);
  const byStreet = await nextView(session, 1, '选街道后的视图');
  const problems = singleProblems(byStreet, start, `street=${street}`, 0);

  const withVillages = await waitFor(
    () => session.run(topicState),
    (s) => s.villages.length > 0,
    '村的选项',
  );
  const village = withVillages.villages[0] ?? '';
  await session.choose('select[name="village"]', village);
  const byVillage = await nextView(session, 2, '选村后的视图');
  problems.push(...singleProblems(byVillage, byStreet, `village=${village}`, 1));
  const wasm = served().filter((r) => /\.wasm$/.test(r.path));
  if (wasm.length) problems.push(`引擎的 wasm 已经发出：${wasm.map((r) => r.path).join(', ')}`);
  const result = verdictOf(`单项筛选 ${page}`, engine, problems, [
    `街道 ${street}：${short(byStreet.figures)}`,
    `村 ${village}：${short(byVillage.figures)}`,
  ]);
  return [result, { scope, village, served }];
}

async function checkCombined(
  session: BrowserSession,
  server: SiteServer,
  page: string,
  engine: EngineName,
  { scope, village, served }: Tapped,
): Promise<CheckResult> {
  const check = `组合筛选 ${page}`;
  const others = (await session.run(filterNames)).filter((n) => n !== 'street' && n !== 'village');
  const name = others[0];
  if (!name) return { check, engine, verdict: 'SKIP', notes: ['本页只有街道和村：没有组合筛选'] };
  const [value = ''] = await session.run(optionValues, `select[name="${name}"]`);
  await session.choose(`select[name="${name}"]`, value);
  const waiting = await waitFor(
    () => session.run(topicState),
    (s) => s.status.includes('等待查询引擎：'),
    '等待查询引擎的提示',
  );
  const problems: string[] = [];
  if (!waiting.progress) problems.push('等待时没有进度条');
  if (waiting.updates.length !== 2) problems.push(`等待时视图变了：${waiting.updates.join(',')}`);
  const released = Date.now();
  await server.release(scope);
  const byEngine = await nextView(session, 3, '查询引擎的结果', ENGINE_TIMEOUT_MS);
  const seconds = ((Date.now() - released) / 1000).toFixed(1);
  if (byEngine.updates[2] !== 'engine' || byEngine.source !== 'engine')
    problems.push(`没有引擎的结果：来源 ${byEngine.source}；状态：${byEngine.status}`);
  if (!byEngine.search.includes(`${name}=${value}`))
    problems.push(`地址没有 ${name}=${value}：${byEngine.search}`);
  const reads = served().filter((r) => /\.duckdb$/.test(r.path) && r.range).length;
  return verdictOf(check, engine, problems, [
    `村 ${village} + ${name}=${value}`,
    `等待时：${short(waiting.status)}`,
    `放行 wasm 后 ${seconds} 秒引擎给出结果（数据库文件的范围读取 ${reads} 次）：${short(byEngine.figures)}`,
  ]);
}

/** Each topic page in its own fresh session (no engine files cached from the page before). */
export async function checkAnswers(
  driver: EngineDriver,
  server: SiteServer,
  pages = TOPIC_PAGES,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const page of pages) {
    let session: BrowserSession | undefined;
    let tapped: Tapped | undefined;
    results.push(
      ...(await guarded(`单项筛选 ${page}`, driver.name, async () => {
        session = await driver.open({ scheme: 'light', phone: false });
        const [result, left] = await checkSingle(session, server, page, driver.name);
        tapped = left;
        return [result];
      })),
    );
    const combined = `组合筛选 ${page}`;
    if (session && tapped) {
      const [open, left] = [session, tapped];
      results.push(
        ...(await guarded(combined, driver.name, async () => [
          await checkCombined(open, server, page, driver.name, left),
        ])),
      );
      await server.release(left.scope).catch(() => {});
    } else
      results.push({
        check: combined,
        engine: driver.name,
        verdict: 'SKIP',
        notes: ['单项筛选没有完成'],
      });
    await (session as BrowserSession | undefined)?.close();
  }
  return results;
}
