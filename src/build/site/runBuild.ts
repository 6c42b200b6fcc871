/**
 * The build (`npm run build`, cli/build.ts): validate → publish (with the
 * pre-built answers) → prerender → swap into dist/.
 *
 * Invalid data fails here with the same lines as `npm run validate`, before
 * Astro runs. Everything is built in .build/run-<pid>-<time>/ and renamed into
 * dist/ only when every step succeeded, so a failed build leaves the previous
 * dist/ as it was (Astro empties its outDir before it builds: building into
 * dist/ directly would leave it empty or partial on failure). Staging
 * folders of killed builds are removed by the next build (stagingFolders.ts).
 * The previous publications' database files are carried over (retainDatabases.ts).
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import { loadDataset, formatSummary } from '../validate/loadDataset.ts';
import { formatIssue, sortIssues } from '../validate/issues.ts';
import { publishForSite } from './publication.ts';
import { precompressDir } from './precompress.ts';
import { retainDatabases, RETAINED_PUBLICATIONS } from './retainDatabases.ts';
import { createStagingFolder, removeStaleStagingFolders } from './stagingFolders.ts';
import { swapInto } from './swapInto.ts';
import type { PublishManifest } from '../../contract/manifest.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  log?: (line: string) => void;
}

/**
 * Runs the whole build; returns what was published (its manifest), or null
 * (having printed why) when the data is invalid.
 */
export async function runBuild({
  dataDir,
  outDir,
  log = console.error,
}: BuildOptions): Promise<PublishManifest | null> {
  const started = performance.now();
  const result = await loadDataset(dataDir, { displayDir: dataDir });
  for (const issue of sortIssues(result.issues)) log(formatIssue(issue));
  if (!result.ok || !result.data) {
    log(formatSummary(result));
    log(`构建已停止：数据有错误，未发布任何内容；${outDir}/ 保持不变。`);
    return null;
  }
  const staging = path.resolve('.build');
  const stale = await removeStaleStagingFolders(staging);
  if (stale.length > 0) log(`已清理 ${stale.length} 个中断的构建留下的临时文件夹。`);
  const work = await createStagingFolder(staging);
  const stage = path.join(work, 'publish');
  const site = path.join(work, 'site');
  try {
    const { manifest, answers } = await publishForSite(result.data, stage);
    log(
      `已发布数据：${Object.entries(manifest.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(
          '，',
        )}${manifest.projects_provided ? '' : '（未提供 projects.csv：本次发布没有项目数据）'}`,
    );
    log(
      `已预先算好各专题页单项筛选的结果：${answers.states} 种筛选，${answers.files} 个文件，` +
        `${(answers.bytes / 2 ** 20).toFixed(1)} MB（${answers.seconds.toFixed(1)} 秒）`,
    );
    process.env.HTK_PUBLISH_DIR = stage;
    if (result.data.campaign.site_url) process.env.SITE_URL = result.data.campaign.site_url;
    await build({ root: process.cwd(), outDir: site, logLevel: process.env.CI ? 'warn' : 'info' });
    for (const dir of ['data', 'downloads'])
      await cp(path.join(stage, dir), path.join(site, dir), { recursive: true });
    // Pages opened before this build name an earlier database file: keep the last ones.
    const pointer = await retainDatabases({
      previousDataDir: path.resolve(outDir, 'data'),
      dataDir: path.join(site, 'data'),
      db: path.basename(manifest.db.path),
      asOf: manifest.as_of,
    });
    log(
      `保留前 ${RETAINED_PUBLICATIONS} 次发布的数据库文件，供发布前打开的页面继续查询：` +
        (pointer.retained.join('，') || '（无）'),
    );
    // .br/.gz beside each text file and wasm, for nginx's brotli_static/gzip_static (deploy/nginx.conf).
    const packed = await precompressDir(site, {
      cacheDir: path.resolve('.build', 'compress-cache'),
    });
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    log(
      `已预压缩 ${packed.files} 个文件：${mb(packed.rawBytes)} MB → brotli ${mb(packed.brBytes)} MB，gzip ${mb(packed.gzBytes)} MB` +
        `（其中 ${packed.cached} 个取自缓存，${packed.seconds.toFixed(1)} 秒）`,
    );
    await swapInto(site, path.resolve(outDir));
    log(`构建完成：${outDir}/（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
