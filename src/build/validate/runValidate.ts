/**
 * `npm run validate [-- DIR]`: checks a data folder without publishing anything.
 * DIR defaults to $DATA_DIR, else `data`. Prints every issue compiler-style
 * (file:line:column), then a summary; exits 1 when there is any error.
 */
import { loadDataset, formatSummary } from './loadDataset.ts';
import { formatIssue, sortIssues } from './issues.ts';

export interface ValidateOptions {
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Where output goes (stdout by default); may receive several lines joined by \n. */
  print?: (line: string) => void;
}

/** Runs the validator; resolves to the process exit code. */
export async function runValidate({
  args,
  env,
  print = console.log,
}: ValidateOptions): Promise<number> {
  const dir = args.find((a) => !a.startsWith('-')) ?? env.DATA_DIR ?? 'data';
  const started = performance.now();
  const result = await loadDataset(dir, { displayDir: dir });
  // In batches: one write per line takes most of a minute for a million issues.
  const lines = sortIssues(result.issues).map(formatIssue);
  for (let i = 0; i < lines.length; i += 1000) print(lines.slice(i, i + 1000).join('\n'));
  print(formatSummary(result));
  print(`用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
  return result.ok ? 0 : 1;
}
