/**
 * Builds the site on the hostile data set (tests/e2e/hostileData.ts: markup,
 * attribute breakers, formulas, a 5,000-character word and line breaks in names
 * and free text) into .build/hostile-dist, for tests/e2e/hostile.spec.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { injectHostile, type CsvTable } from './hostileData.ts';

const DATA = '.build/hostile-data';
const FILES = [
  'villages.csv',
  'households.csv',
  'household_changes.csv',
  'shortcomings.csv',
  'rectifications.csv',
  'projects.csv',
];

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['cli/sample.ts', '--out', DATA]);
const tables: Record<string, CsvTable> = {};
for (const f of FILES) {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, f), 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  tables[f] = { fields: parsed.meta.fields ?? [], rows: parsed.data };
}
const plan = injectHostile(tables);
for (const f of FILES) {
  const t = tables[f] as CsvTable;
  // No escapeFormulae: the input holds the raw formula, as a careless export would.
  writeFileSync(
    path.join(DATA, f),
    '\uFEFF' + Papa.unparse({ fields: t.fields, data: t.rows }, { newline: '\r\n' }),
  );
}
writeFileSync('.build/hostile-plan.json', JSON.stringify(plan, null, 2));
run(['cli/build.ts'], { DATA_DIR: DATA, OUT_DIR: '.build/hostile-dist' });
