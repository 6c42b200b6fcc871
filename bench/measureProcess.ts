/**
 * Runs a command and measures its wall time and peak memory. Peak memory is
 * taken two ways and the larger kept: the sum of resident memory of the whole
 * process tree, sampled from /proc every 50 ms (Astro may start helper
 * processes or worker threads; their memory counts too), and the kernel's max
 * RSS of the largest single process (rusage, via /usr/bin/time), which catches
 * peaks shorter than the sampling interval.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  ok: boolean;
  seconds: number;
  /** max(sampled process-tree RSS, largest single-process max RSS), MB (2^20 bytes). */
  peakMb: number;
  treeMb: number;
  processMb: number;
  /** Last lines of stderr, for error messages. */
  tail: string;
}

const PAGE = 4096;
const TIME = '/usr/bin/time';

/** Resident bytes of `root` and all its descendants (Linux /proc; 0 elsewhere). */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  const rss = new Map<number, number>();
  for (const d of pids) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after the command name, which may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
      rss.set(Number(d), Number(rest[21]) * PAGE);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measureProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** Called with each sample of the tree's resident bytes (tests use it to end the command). */
  onSample?: (treeBytes: number) => void,
): Promise<Measured> {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime
    ? [TIME, ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tree = 0;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  const timer = setInterval(() => {
    if (!child.pid) return;
    const now = treeRss(child.pid);
    tree = Math.max(tree, now);
    onSample?.(now);
  }, 50);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      let processKb = 0;
      if (useTime && existsSync(timeFile)) {
        processKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) || 0;
        rmSync(timeFile, { force: true });
      }
      const treeMb = tree / 2 ** 20;
      const processMb = processKb / 1024;
      resolve({
        ok: code === 0,
        seconds,
        peakMb: Math.max(treeMb, processMb),
        treeMb,
        processMb,
        tail: stderr.split('\n').slice(-15).join('\n'),
      });
    });
  });
}
