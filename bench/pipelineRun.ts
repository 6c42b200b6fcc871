/**
 * One measured run of a pipeline stage, in a fresh process so peak memory is
 * its own: `node bench/pipelineRun.ts <stage> <dataDir> <outDir>` prints one JSON line
 * { stage, seconds, rows, maxRssMb }.
 *   stage = pipeline  → loadDataset + publish (what `npm run build` does before Astro)
 *   stage = validate  → loadDataset only
 *   stage = read_csv  → DuckDB's own read_csv of the same CSV files (speed-of-light reference)
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadDataset } from '../src/build/validate/loadDataset.ts';
import { publish } from '../src/build/publish/publish.ts';
import { DATASETS } from '../src/contract/input/datasets.ts';

const [stage, dataDir, outDir] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
let rows = 0;
if (stage === 'read_csv') {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const d of DATASETS) {
    if (d.optional && !existsSync(path.join(dataDir, d.file))) continue;
    const file = path.join(dataDir, d.file).replace(/'/g, "''");
    const r = await conn.runAndReadAll(
      `CREATE TABLE "${d.name}" AS SELECT * FROM read_csv('${file}', all_varchar = true); SELECT count(*)::INTEGER AS n FROM "${d.name}"`,
    );
    rows += Number(r.getRowObjectsJS()[0]?.n ?? 0);
  }
} else {
  const result = await loadDataset(dataDir);
  if (!result.ok || !result.data) {
    console.error(`invalid data in ${dataDir}: ${result.issues.length} issues`);
    process.exit(1);
  }
  rows = result.stats.reduce((n, s) => n + s.rows, 0);
  if (stage === 'pipeline') {
    await rm(outDir, { recursive: true, force: true });
    await publish(result.data, outDir);
  }
}
const seconds = (performance.now() - t0) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ stage, seconds, rows, maxRssMb }));
