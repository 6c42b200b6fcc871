/**
 * One publication's privacy cost, in a fresh process (province scale holds
 * ~1 GB): `node bench/privacyRun.ts <dataDir> <outDir>` validates and publishes
 * the data, then prints one JSON line { summary, households, villages } with
 * the same summary `npm run publish` records (collectPrivacySummary).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadDataset } from '../src/build/validate/loadDataset.ts';
import { publish } from '../src/build/publish/publish.ts';
import { collectPrivacySummary } from '../src/build/site/publicationRecord.ts';
import { openNodeEngine } from '../src/engine/node.ts';

const [dataDir, outDir] = process.argv.slice(2) as [string, string];
const result = await loadDataset(dataDir);
if (!result.ok || !result.data) {
  console.error(`invalid data in ${dataDir}: ${result.issues.length} issues`);
  process.exit(1);
}
await rm(outDir, { recursive: true, force: true });
const manifest = await publish(result.data, outDir);
const engine = await openNodeEngine(path.join(outDir, manifest.db.path));
try {
  const summary = await collectPrivacySummary(engine, manifest.privacy);
  console.log(
    JSON.stringify({
      summary,
      households: result.data.households.length,
      villages: result.data.villages.length,
    }),
  );
} finally {
  engine.close();
}
