/** `npm run publish [-- DIR]`: build, then record the publication (src/build/site/runPublish.ts). */
import { publicationsDir } from '../src/build/site/publicationHistory.ts';
import { runPublish } from '../src/build/site/runPublish.ts';

if (import.meta.main) {
  const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
  const outDir = process.env.OUT_DIR ?? 'dist';
  runPublish({ dataDir, outDir, recordsDir: publicationsDir() })
    .then((ok) => process.exit(ok ? 0 : 1))
    .catch((err: unknown) => {
      console.error('发布失败：', err);
      process.exit(1);
    });
}
