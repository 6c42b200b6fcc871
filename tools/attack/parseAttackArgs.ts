import { parseArgs } from 'node:util';
import type { SiteInput } from './runAttack.ts';

export const ATTACK_USAGE = `用法 usage: node tools/attack/attack.ts --data DIR --site DIR [--data DIR2 --site DIR2 …] [选项]
  --data DIR     构建该网站所用的数据文件夹（邻居已知的信息）
  --site DIR     构建好的网站（dist/ 结构）；多组 --data/--site 按发布先后排列
  --json FILE    另存完整报告（JSON）
  --k N          覆盖网站隐私报告中的 k
  --examples N   每项发现列出的例子数（默认 5）`;

/** What the command line asked for; null for --help. */
export interface AttackArgs {
  inputs: SiteInput[];
  json: string | undefined;
  k: number | undefined;
  examples: number | undefined;
}

/** Parses the attack's arguments; throws an Error with a Chinese message on bad input. */
export function parseAttackArgs(argv: readonly string[]): AttackArgs | null {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      data: { type: 'string', multiple: true },
      site: { type: 'string', multiple: true },
      json: { type: 'string' },
      k: { type: 'string' },
      examples: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const data = values.data ?? [];
  const sites = values.site ?? [];
  if (values.help) return null;
  if (data.length === 0 || data.length !== sites.length)
    throw new Error('--data 与 --site 应成对给出，至少一对');
  const count = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!/^[1-9]\d*$/.test(v)) throw new Error(`--${name} 应为正整数，实际为 ${v}`);
    return Number(v);
  };
  return {
    inputs: data.map((d, i) => ({ data: d, site: sites[i] as string })),
    json: values.json,
    k: count(values.k, 'k'),
    examples: count(values.examples, 'examples'),
  };
}
