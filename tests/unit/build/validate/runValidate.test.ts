import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runValidate } from '../../../../src/build/validate/runValidate.ts';
import { fixtureDir, VALID_DIR } from './fixtureDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const code = await runValidate({ args, env, print: (line) => out.push(...line.split('\n')) });
  return { code, out };
}

describe('npm run validate', () => {
  it('exits 0 on valid data and prints the summary', async () => {
    const { code, out } = await run([VALID_DIR]);
    expect(code).toBe(0);
    expect(out).toContain(`  ${VALID_DIR}/households.csv：10 行（UTF-8）`);
    expect(out).toContain('结果：通过，可以发布。');
  });

  it('exits 1 and prints every issue, sorted, one per line, before the summary', async () => {
    const { dir, cleanup } = await fixtureDir('violations');
    cleanups.push(cleanup);
    const shown = path.relative(process.cwd(), dir);
    const { code, out } = await run([shown]);
    expect(code).toBe(1);
    const issueLines = out.filter((l) => l.startsWith(`${shown}/`));
    expect(issueLines).toHaveLength(29);
    expect(issueLines[0]).toBe(
      `${shown}/household_changes.csv:3:变动人数: 变动类型为 人口增加 时变动人数应 > 0，实际为 -1 [row-constraint]`,
    );
    expect(issueLines.at(-1)).toBe(
      `${shown}/villages.csv:12:双到轮次: 应为 1 / 2 之一或留空，实际为 "3" [constraint-error]`,
    );
    expect(out.indexOf('读取：')).toBe(29);
  });

  it('reads DATA_DIR when no folder is given, else `data`', async () => {
    const fromEnv = await run([], { DATA_DIR: VALID_DIR });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.out).toContain(`  ${VALID_DIR}/villages.csv：7 行（UTF-8）`);
    const { dir, cleanup } = await fixtureDir();
    cleanups.push(cleanup);
    const cwd = process.cwd();
    process.chdir(path.dirname(dir));
    try {
      const fallback = await run([]);
      expect(fallback.code).toBe(0);
      expect(fallback.out).toContain('  data/villages.csv：7 行（UTF-8）');
    } finally {
      process.chdir(cwd);
    }
  });
});
