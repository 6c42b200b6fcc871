/**
 * Builds the site on a different data set (the generator's `alt` preset: other
 * region and street names, more villages, a street with no 双到 village) into
 * .build/alt-dist, for tests/e2e/alt.spec.ts — without the optional
 * projects.csv, as a district without a project ledger publishes.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['cli/sample.ts', '--preset', 'alt', '--out', '.build/alt-data']);
rmSync('.build/alt-data/projects.csv');
run(['cli/build.ts'], { DATA_DIR: '.build/alt-data', OUT_DIR: '.build/alt-dist' });
