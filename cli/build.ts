/**
 * `npm run build` (validate → publish → prerender → swap into dist/): the
 * steps are in src/build/site/runBuild.ts. DATA_DIR / OUT_DIR pick other folders.
 */
import { runBuild } from '../src/build/site/runBuild.ts';

if (import.meta.main) {
  const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
  const outDir = process.env.OUT_DIR ?? 'dist';
  runBuild({ dataDir, outDir })
    .then((manifest) => process.exit(manifest ? 0 : 1))
    .catch((err: unknown) => {
      console.error('构建失败：', err);
      console.error(`${outDir}/ 保持不变。`);
      process.exit(1);
    });
}
