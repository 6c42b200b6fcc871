/**
 * `npm run bench`: measures the project's performance budgets and writes
 * bench/results.md and bench/results.json (machine, versions, date, medians).
 * Options: --quick (sample scale only, 1 run), --repeats N,
 * --only SECTION[,SECTION] with SECTION = pipeline | build | firstview | lighthouse | engine | firsttap | privacy
 * (the other sections are kept from the last results, each marked with when it was measured).
 * Exits 1 when a target is missed or an assertion fails (listed at the end of the results).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchBuild } from '../bench/build.ts';
import { benchEngine } from '../bench/engine.ts';
import { benchFirstTap } from '../bench/firstTap.ts';
import { benchFirstView } from '../bench/firstview.ts';
import { machine, median, type Section } from '../bench/lib.ts';
import { benchLighthouse } from '../bench/lighthouse.ts';
import { benchPipeline } from '../bench/pipeline.ts';
import { benchPrivacy } from '../bench/privacy.ts';
import { BUILD_SCALES, dataDir, PROVINCE, SAMPLE } from '../bench/scales.ts';

const SECTIONS = ['pipeline', 'build', 'firstview', 'lighthouse', 'engine', 'firsttap', 'privacy'];
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    repeats: { type: 'string' },
    only: { type: 'string' },
  },
});
const repeats = Number(values.repeats ?? (values.quick ? 1 : 3));
const only = values.only?.split(',');
const unknown = only?.filter((s) => !SECTIONS.includes(s)) ?? [];
if (unknown.length || !(repeats >= 1)) {
  console.error(
    `usage: npm run bench -- [--quick] [--repeats N] [--only ${SECTIONS.join('|')}[,…]]`,
  );
  process.exit(2);
}
const want = (name: string) => !only || only.includes(name);

async function versions(): Promise<Record<string, string>> {
  const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const v = (p: string) => lock.packages[`node_modules/${p}`]?.version ?? '?';
  return Object.fromEntries(
    [
      'astro',
      '@duckdb/node-api',
      '@duckdb/duckdb-wasm',
      'zod',
      'papaparse',
      'd3',
      '@playwright/test',
      'lighthouse',
    ].map((p) => [p, v(p)]),
  );
}

/** A section as results.json keeps it: what it showed, and when and under what load it was measured. */
interface StoredSection extends Section {
  name: string;
  measured: { date: string; repeats: number; quick: boolean; loadAverage: LoadAverage };
}
interface LoadAverage {
  min: number;
  median: number;
  max: number;
}

const loadText = (l: LoadAverage) =>
  `load average (1 min) median ${l.median.toFixed(1)}, min ${l.min.toFixed(1)}, max ${l.max.toFixed(1)}`;

/** Sections of the last results that this run does not measure again (with --only). */
async function keptSections(): Promise<StoredSection[]> {
  if (!only) return [];
  try {
    const last = JSON.parse(await readFile('bench/results.json', 'utf8')) as {
      sections?: (Partial<Omit<StoredSection, 'json'>> & { data?: unknown })[];
    };
    return (last.sections ?? [])
      .filter((s) => typeof s.name === 'string' && !only.includes(s.name) && Array.isArray(s.rows))
      .map(({ data, ...s }) => ({ ...(s as Omit<StoredSection, 'json'>), json: data }));
  } catch {
    return [];
  }
}

function markdown(section: StoredSection, runDate: string): string {
  const m = section.measured;
  const when =
    m.date === runDate
      ? []
      : [
          `Kept from an earlier run: measured ${m.date.slice(0, 16).replace('T', ' ')} UTC (${m.quick ? '--quick, ' : ''}${m.repeats} runs; ${loadText(m.loadAverage)}).`,
          '',
        ];
  const lines = [
    `## ${section.title}`,
    '',
    ...when,
    `| ${section.header.join(' | ')} |`,
    `|${section.header.map(() => '---').join('|')}|`,
  ];
  for (const r of section.rows) lines.push(`| ${r.join(' | ')} |`);
  if (section.notes?.length) lines.push('', ...section.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

/** Runs a section; a crash becomes a failure in the results instead of losing the other sections. */
async function run(
  name: string,
  f: () => Section | Promise<Section>,
): Promise<Section & { name: string }> {
  console.error(`— ${name}`);
  try {
    return { name, ...(await f()) };
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    console.error(message);
    return {
      name,
      title: name,
      header: ['error'],
      rows: [[message.split('\n')[0] ?? '']],
      failures: [`${name}: ${message}`],
      json: { error: message },
    };
  }
}

// The machine's load while measuring: other work on a 2-core machine skews every timing.
const loads = [os.loadavg()[0] as number];
setInterval(() => loads.push(os.loadavg()[0] as number), 10_000).unref();

const scales = values.quick ? [SAMPLE] : [SAMPLE, PROVINCE];
const sections: (Section & { name: string })[] = [];
if (want('pipeline'))
  sections.push(
    await run('pipeline', () =>
      benchPipeline(
        scales.map((s) => ({ name: s.name, dir: dataDir(s) })),
        repeats,
      ),
    ),
  );
if (want('build'))
  sections.push(
    await run('build', () => benchBuild(values.quick ? [SAMPLE] : BUILD_SCALES, repeats)),
  );
if (want('firstview')) sections.push(await run('firstview', () => benchFirstView(scales)));
if (want('lighthouse'))
  sections.push(await run('lighthouse', () => benchLighthouse(scales, repeats)));
if (want('engine')) sections.push(await run('engine', () => benchEngine(scales, repeats)));
if (want('firsttap')) sections.push(await run('firsttap', () => benchFirstTap(scales, repeats)));
if (want('privacy')) sections.push(await run('privacy', () => benchPrivacy(scales)));

loads.push(os.loadavg()[0] as number);
const info = {
  date: new Date().toISOString(),
  machine: machine(),
  versions: await versions(),
  repeats,
  loadAverage: { min: Math.min(...loads), median: median(loads), max: Math.max(...loads) },
};
const measured = {
  date: info.date,
  repeats,
  quick: values.quick ?? false,
  loadAverage: info.loadAverage,
};
const kept = await keptSections();
const stored: StoredSection[] = [...sections.map((s) => ({ ...s, measured })), ...kept].sort(
  (a, b) => SECTIONS.indexOf(a.name) - SECTIONS.indexOf(b.name),
);
const failures = stored.flatMap((s) => s.failures ?? []);
await mkdir('bench', { recursive: true });
const md = [
  '# Benchmark results',
  '',
  `Measured ${info.date.slice(0, 10)} by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${info.machine.cpu}, ${info.machine.memory}, ${info.machine.os}, Node ${info.machine.node}.`,
  `Versions: ${Object.entries(info.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.`,
  `While measuring, ${loadText(info.loadAverage)} on ${os.cpus().length} cores (a busy machine inflates timings).`,
  '',
  stored.map((s) => markdown(s, info.date)).join('\n\n'),
  '',
  '## Missed targets and failed checks',
  '',
  ...(failures.length ? failures.map((f) => `- ✗ ${f}`) : ['None.']),
  '',
].join('\n');
await writeFile('bench/results.md', md);
await writeFile(
  'bench/results.json',
  JSON.stringify(
    {
      ...info,
      failures,
      sections: stored.map(({ json, ...s }) => ({ ...s, data: json })),
    },
    null,
    2,
  ) + '\n',
);
console.log(md);
process.exit(failures.length ? 1 : 0);
