/**
 * The data sets the benchmark builds: the bundled sample (45 villages) and
 * generated ones at 500 and 2,300 villages. Households are scaled like the
 * sample (about 33 per village) up to the province figure, 700,000 households
 * at 2,300 villages; changes and rectifications follow the same ratios, and
 * projects the generator's own default (13 per village: ~30,000). The
 * generator is deterministic, so a data set is generated once and cached in
 * .build/bench/ (written to a temporary folder and renamed, so an interrupted
 * run never leaves a half-written set behind).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface Scale {
  /** `sample`, `v500`, `province`: names folders and JSON keys. */
  name: string;
  villages: number;
  households: number;
  changes: number;
  rectifications: number;
}

export const SAMPLE: Scale = {
  name: 'sample',
  villages: 45,
  households: 1500,
  changes: 300,
  rectifications: 120,
};
export const PROVINCE: Scale = {
  name: 'province',
  villages: 2300,
  households: 700_000,
  changes: 300_000,
  rectifications: 20_000,
};

/** A generated scale between the sample and the province, at the sample's ratios. */
export function scaleAt(villages: number): Scale {
  const per = (n: number) => Math.round((n / SAMPLE.villages) * villages);
  return {
    name: `v${villages}`,
    villages,
    households: per(SAMPLE.households),
    changes: per(SAMPLE.changes),
    rectifications: per(SAMPLE.rectifications),
  };
}

export const BUILD_SCALES: Scale[] = [SAMPLE, scaleAt(500), PROVINCE];

/** Command-line options for cli/sample.ts. */
export function sampleArgs(s: Scale): string[] {
  return [
    '--households',
    String(s.households),
    '--villages',
    String(s.villages),
    '--changes',
    String(s.changes),
    '--rectifications',
    String(s.rectifications),
  ];
}

/** The data folder of a scale: data/ for the sample, else generated (once) under .build/bench/. */
export function dataDir(s: Scale): string {
  if (s === SAMPLE) return path.resolve('data');
  const dir = path.resolve('.build/bench', s.name);
  // projects.csv came later: a set cached before it is generated again.
  if (existsSync(path.join(dir, 'projects.csv'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  console.error(`generating ${s.name} data (${s.villages} villages, ${s.households} households)…`);
  const r = spawnSync(process.execPath, ['cli/sample.ts', '--out', tmp, ...sampleArgs(s)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`generating ${s.name} data failed`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}
