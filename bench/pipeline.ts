/** Benchmark section: validate + publish at sample and province scale, beside DuckDB's read_csv. */
import path from 'node:path';
import { fmt, median, runJson, type Section } from './lib.ts';

interface Run {
  stage: string;
  seconds: number;
  rows: number;
  maxRssMb: number;
}

export function benchPipeline(scales: { name: string; dir: string }[], repeats: number): Section {
  const rows: Section['rows'] = [];
  const json: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const scale of scales) {
    for (const stage of ['validate', 'pipeline', 'read_csv']) {
      const runs: Run[] = [];
      for (let i = 0; i < repeats; i++)
        runs.push(
          runJson<Run>('bench/pipelineRun.ts', [
            stage,
            scale.dir,
            path.resolve('.build/bench/publish'),
          ]),
        );
      const seconds = median(runs.map((r) => r.seconds));
      const rss = median(runs.map((r) => r.maxRssMb));
      const n = runs[0]?.rows ?? 0;
      json[`${scale.name}/${stage}`] = { seconds, maxRssMb: rss, rows: n, runs };
      if (scale.name === 'province' && stage === 'pipeline') {
        if (seconds > 10)
          failures.push(
            `validate + publish at province scale took ${fmt(seconds, 2)} s (budget ≤ 10 s)`,
          );
        if (rss > 1536)
          failures.push(
            `validate + publish at province scale peaked at ${fmt(rss, 0)} MB (budget ≤ 1.5 GB)`,
          );
      }
      const label = {
        validate: 'validate',
        pipeline: 'validate + publish',
        read_csv: 'DuckDB read_csv (reference)',
      }[stage];
      rows.push([
        scale.name,
        label ?? stage,
        n.toLocaleString('en-US'),
        fmt(seconds, 2),
        Math.round(n / seconds).toLocaleString('en-US'),
        fmt(rss, 0),
      ]);
    }
  }
  return {
    title: 'Pipeline: validate + publish',
    header: ['scale', 'stage', 'rows', 'wall s (median)', 'rows/s', 'peak RSS MB'],
    rows,
    notes: [
      `median of ${repeats} runs, each in a fresh process; rows = all CSVs (projects.csv included when present).`,
      'Budget (province scale): validate + publish ≤ 10 s, peak memory ≤ 1.5 GB.',
    ],
    failures,
    json,
  };
}
