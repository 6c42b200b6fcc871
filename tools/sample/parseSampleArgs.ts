import { parseArgs } from 'node:util';
import { PRESETS, type PresetName, type SampleOptions } from './presets.ts';

export const SAMPLE_USAGE = `用法 usage: npm run sample -- [选项]
  --out DIR              输出目录（默认 data）
  --preset default|alt   default = 汕尾市红海湾开发区示例；alt = 另一个虚构地区（测试用）
  --seed N               随机种子（同一种子生成完全相同的文件）
  --households N         贫困户数
  --villages N           村（居）数；超过 150 时按"省"生成约 20 个县、每村约 23 个镇街
  --changes N            变动记录数
  --rectifications N     整改问题数
  --projects N           扶贫资金项目数（默认每村 13 个）；0 = projects.csv 只有表头`;

/** What the command line asked for. */
export interface SampleArgs {
  out: string;
  help: boolean;
  options: Partial<SampleOptions>;
}

const COUNTS = ['seed', 'households', 'villages', 'changes', 'rectifications', 'projects'] as const;

/** Parses `npm run sample` arguments; throws an Error with a Chinese message on bad input. */
export function parseSampleArgs(argv: readonly string[]): SampleArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: 'string' },
      preset: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(COUNTS.map((k) => [k, { type: 'string' as const }])),
    },
  });
  const options: Partial<SampleOptions> = {};
  if (values.preset !== undefined) {
    if (!(values.preset in PRESETS))
      throw new Error(
        `--preset 应为 ${Object.keys(PRESETS).join(' 或 ')}，实际为 ${values.preset}`,
      );
    options.preset = values.preset as PresetName;
  }
  for (const key of COUNTS) {
    const raw = (values as Record<string, unknown>)[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw))
      throw new Error(`--${key} 应为非负整数，实际为 ${String(raw)}`);
    options[key] = Number(raw);
  }
  return {
    out: typeof values.out === 'string' ? values.out : 'data',
    help: values.help === true,
    options,
  };
}
