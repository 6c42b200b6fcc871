/**
 * `npm run bench`: measures the budgets the issues state and writes
 * bench/results.md and bench/results.json (machine, versions, date, medians).
 * Options: --quick (sample scale only, 1 run), --repeats N, --only SECTION[,SECTION].
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine, type Section } from '../bench/lib.ts';
import { benchPipeline } from '../bench/pipeline.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    repeats: { type: 'string' },
    only: { type: 'string' },
  },
});
const repeats = Number(values.repeats ?? (values.quick ? 1 : 3));
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);

/** Province-scale data, generated once and reused (the generator is deterministic). */
const PROVINCE = ['--households', '700000', '--villages', '2300', '--changes', '300000', '--rectifications', '20000'];
function provinceDir(): string {
  const dir = path.resolve('.build/bench/province');
  if (!existsSync(path.join(dir, 'campaign.json'))) {
    console.error('generating province-scale data…');
    const r = spawnSync(process.execPath, ['scripts/sample.ts', '--out', dir, ...PROVINCE], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('sample generation failed');
  }
  return dir;
}

async function versions(): Promise<Record<string, string>> {
  const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const v = (p: string) => lock.packages[`node_modules/${p}`]?.version ?? '?';
  return Object.fromEntries(
    ['astro', '@duckdb/node-api', '@duckdb/duckdb-wasm', 'zod', 'papaparse', 'd3'].map((p) => [p, v(p)]),
  );
}

function markdown(section: Section): string {
  const lines = [`## ${section.title}`, '', `| ${section.header.join(' | ')} |`, `|${section.header.map(() => '---').join('|')}|`];
  for (const r of section.rows) lines.push(`| ${r.join(' | ')} |`);
  if (section.notes?.length) lines.push('', ...section.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

const scales = [{ name: 'sample', dir: path.resolve('data') }];
if (!values.quick) scales.push({ name: 'province', dir: provinceDir() });

const sections: Section[] = [];
if (want('pipeline')) sections.push(benchPipeline(scales, repeats));

const info = { date: new Date().toISOString(), machine: machine(), versions: await versions(), repeats };
await mkdir('bench', { recursive: true });
const md = [
  '# Benchmark results',
  '',
  `Measured ${info.date.slice(0, 10)} by \`npm run bench${values.quick ? ' -- --quick' : ''}\` on ${info.machine.cpu}, ${info.machine.memory}, ${info.machine.os}, Node ${info.machine.node}.`,
  `Versions: ${Object.entries(info.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  '',
  ...sections.map(markdown),
  '',
].join('\n');
await writeFile('bench/results.md', md);
await writeFile('bench/results.json', JSON.stringify({ ...info, sections: sections.map((s) => ({ title: s.title, data: s.json })) }, null, 2) + '\n');
console.log(md);
