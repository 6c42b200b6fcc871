/**
 * `npm run test:attack`: the project's own privacy attack (tools/attack/)
 * against the built sites' published files, in every format, as the neighbour
 * of docs/privacy.md would mount it:
 *  - the sample (data → dist/) and the alt set (.build/alt-data →
 *    .build/alt-dist/), as `npm run build` and test:e2e built them (built here
 *    when missing);
 *  - a generated set of 20,000 households in 600 villages (the sample's
 *    ratios), built into .build/attack-20k-dist/;
 *  - two publications of the sample a week apart: the data as it stood on
 *    EARLIER_AS_OF (tools/attack/snapshot.ts) built into
 *    .build/attack-earlier-dist/, then today's — the neighbour keeps both;
 *  - the positive control: the sample's site with single change records and
 *    a 户编号 planted back in (plantLeaks.ts), which the attack must catch.
 * Exits 1 when any set has a problem or the control is missed; prints a short
 * summary, and the full reports into .build/attack-reports/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReport } from '../../tools/attack/formatReport.ts';
import { runAttack, type AttackReport, type SiteInput } from '../../tools/attack/runAttack.ts';
import { PLANTED_CHECKS, plantLeaks } from './plantLeaks.ts';

/** The earlier publication of the pair: a week before the sample's as_of (2018-07-20). */
export const EARLIER_AS_OF = '2018-07-13';
const SAMPLE: SiteInput = { data: 'data', site: 'dist' };
const ALT: SiteInput = { data: '.build/alt-data', site: '.build/alt-dist' };
const LARGE: SiteInput = { data: '.build/attack-20k-data', site: '.build/attack-20k-dist' };
const EARLIER: SiteInput = {
  data: '.build/attack-earlier-data',
  site: '.build/attack-earlier-dist',
};
const LARGE_SET = [
  '--households',
  '20000',
  '--villages',
  '600',
  '--changes',
  '4000',
  '--rectifications',
  '1600',
];
const REPORTS = '.build/attack-reports';

/** Runs a Node script quietly; its output is shown only when it fails. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`node ${args.join(' ')} 失败（退出码 ${r.status}）：\n${r.stdout}${r.stderr}`);
}

/** Builds `input.site` from `input.data` afresh (no earlier publication's files kept in it). */
async function build(input: SiteInput): Promise<void> {
  await rm(input.site, { recursive: true, force: true });
  run(['cli/build.ts'], { DATA_DIR: input.data, OUT_DIR: input.site });
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} 秒`;
const households = (n: number) => `${n.toLocaleString('zh-CN')} 户`;

/** One line per site (labelled in order) and per pair of publications of a report. */
function summary(labels: readonly string[], report: AttackReport): string[] {
  const lines = report.sites.map((s, i) => {
    const problems = s.problems.reduce((n, p) => n + p.count, 0);
    const what = s.problems.map((p) => `${p.check} ${p.count}`).join('；');
    return `  ${problems === 0 ? '✓' : '✗'} ${labels[i] ?? s.site}（${s.site}）：${households(s.tables.households)}，${s.formats.downloads} 个下载文件，共扫描 ${s.files.files} 个文件，问题 ${problems}${what ? `（${what}）` : ''}，${s.seconds.toFixed(1)} 秒`;
  });
  for (const a of report.across)
    lines.push(
      `  ${a.problems === 0 ? '✓' : '✗'} 两次发布比对（${a.before} → ${a.after}）：本村未变而公开形式变了 ${a.unstableGeneralisation.count} 户，相减可确定敏感值的汇总格 ${a.differencing.count}，相减可确定原因类别的变动 ${a.changeTallies.events} 条；已知限制（不计为问题）：${a.reformedInChangedVillages.count} 户因同村有变动而重新分组`,
    );
  return lines;
}

async function main(): Promise<boolean> {
  const started = performance.now();
  await mkdir(REPORTS, { recursive: true });
  const lines: string[] = [];
  const step = (text: string) => console.error(`— ${text}`);

  if (!existsSync(SAMPLE.site)) {
    step('构建示例数据网站（dist/ 不存在）');
    run(['cli/build.ts']);
  }
  if (!existsSync(ALT.site)) {
    step('构建 alt 数据网站');
    run(['tests/e2e/buildAlt.ts']);
  }
  let t = performance.now();
  step('生成并构建 20,000 户数据');
  run(['cli/sample.ts', '--out', LARGE.data, ...LARGE_SET]);
  await build(LARGE);
  lines.push(`  20,000 户数据生成并构建：${seconds(t)}`);
  t = performance.now();
  step(`示例数据截至 ${EARLIER_AS_OF} 的较早发布`);
  run([
    'tools/attack/snapshot.ts',
    '--data',
    SAMPLE.data,
    '--as-of',
    EARLIER_AS_OF,
    '--out',
    EARLIER.data,
  ]);
  await build(EARLIER);
  lines.push(`  示例数据截至 ${EARLIER_AS_OF} 的较早发布生成并构建：${seconds(t)}`);

  let failed = false;
  const attack = async (name: string, labels: string[], inputs: SiteInput[]) => {
    step(`攻击：${labels.join('、')}`);
    const report = await runAttack(inputs);
    await writeFile(path.join(REPORTS, `${name}.txt`), `${formatReport(report)}\n`);
    lines.push(...summary(labels, report));
    if (report.problems > 0) failed = true;
  };
  await attack(
    'sample',
    [`示例数据截至 ${EARLIER_AS_OF}（一周前的发布）`, '示例数据'],
    [EARLIER, SAMPLE],
  );
  await attack('alt', ['alt 数据'], [ALT]);
  await attack('20k', ['20,000 户生成数据'], [LARGE]);

  step('阳性对照');
  const leaky = '.build/attack-leaky-dist';
  const id = await plantLeaks(SAMPLE.site, SAMPLE.data, leaky);
  const control = await runAttack([{ data: SAMPLE.data, site: leaky }]);
  await writeFile(path.join(REPORTS, 'positive-control.txt'), `${formatReport(control)}\n`);
  const caught = control.sites[0]?.problems ?? [];
  const missed = PLANTED_CHECKS.filter((c) => !caught.some((p) => p.check === c));
  if (missed.length > 0) failed = true;
  lines.push(
    `  ${missed.length === 0 ? '✓' : '✗'} 阳性对照（放回单条变动记录和户编号 ${id}）：${
      missed.length === 0 ? '攻击发现了' : `攻击没有发现 ${missed.join('、')}；发现了`
    } ${caught.map((p) => `${p.check} ${p.count}`).join('；') || '无'}`,
  );
  await rm(leaky, { recursive: true, force: true });

  console.log(
    [
      '隐私攻击测试（tools/attack/，k 取自各网站的隐私报告）',
      ...lines,
      `  完整报告：${REPORTS}/；共 ${seconds(started)}`,
      failed ? '结论：失败。' : '结论：未发现问题，阳性对照已被发现。',
    ].join('\n'),
  );
  return !failed;
}

if (import.meta.main) {
  try {
    process.exit((await main()) ? 0 : 1);
  } catch (error) {
    console.error(`隐私攻击测试未能运行：${(error as Error).message}`);
    process.exit(2);
  }
}
