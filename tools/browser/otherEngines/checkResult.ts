/**
 * What a check found in one engine, and the PASS/FAIL table of a run.
 */
import type { EngineName } from './browserSession.ts';

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

export interface CheckResult {
  /** The row: what was checked, e.g. `单项筛选 /exit/`. */
  check: string;
  engine: EngineName;
  verdict: Verdict;
  /** What was seen (a FAIL says why first). */
  notes: string[];
}

/** A result for `check` whose problems decide its verdict; `notes` are kept either way. */
export function verdictOf(
  check: string,
  engine: EngineName,
  problems: string[],
  notes: string[] = [],
): CheckResult {
  return {
    check,
    engine,
    verdict: problems.length ? 'FAIL' : 'PASS',
    notes: [...problems, ...notes],
  };
}

/** Runs a check, turning a thrown error into its FAIL. */
export async function guarded(
  check: string,
  engine: EngineName,
  body: () => Promise<CheckResult[]>,
): Promise<CheckResult[]> {
  try {
    return await body();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [{ check, engine, verdict: 'FAIL', notes: [message.split('\n')[0] ?? message] }];
  }
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The table (a row per check, a column per engine), then the notes of every result. */
export function formatResults(results: CheckResult[], engines: Record<EngineName, string>): string {
  const names = Object.keys(engines) as EngineName[];
  const checks = [...new Set(results.map((r) => r.check))];
  const cell = (check: string, engine: EngineName) =>
    results.find((r) => r.check === check && r.engine === engine)?.verdict ?? '—';
  const first = Math.max(...checks.map(width), 4);
  const cols = names.map((n) => Math.max(width(engines[n]), 4));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, i === 0 ? first : (cols[i - 1] ?? 4)))
      .join('  ')
      .trimEnd();
  const out = [
    line(['检查', ...names.map((n) => engines[n])]),
    line(['-'.repeat(first), ...cols.map((c) => '-'.repeat(c))]),
    ...checks.map((c) => line([c, ...names.map((n) => cell(c, n))])),
    '',
  ];
  for (const r of results)
    if (r.notes.length)
      out.push(
        `[${r.verdict}] ${engines[r.engine]} · ${r.check}`,
        ...r.notes.map((n) => `    ${n}`),
      );
  return out.join('\n');
}
