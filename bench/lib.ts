/** Shared helpers for the benchmark: medians, child-process runs, machine description. */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs a Node script (Node 24 from node_modules) and parses the last JSON line it prints. */
export function runJson<T>(script: string, args: string[], env: NodeJS.ProcessEnv = {}): T {
  const r = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr}`);
  const line = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  if (!line) throw new Error(`${script} printed no JSON`);
  return JSON.parse(line) as T;
}

export function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export interface Section {
  title: string;
  /** Markdown table header and rows. */
  header: string[];
  rows: (string | number)[][];
  notes?: string[];
  /** Missed targets and failed assertions: printed, and `npm run bench` exits 1. */
  failures?: string[];
  json: unknown;
}
