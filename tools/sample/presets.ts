/** The named presets: the sample publication, and a different region for tests. */
export type PresetName = 'default' | 'alt';

/** Everything that shapes one generated data set. */
export interface SampleOptions {
  preset: PresetName;
  seed: number;
  households: number;
  villages: number;
  changes: number;
  rectifications: number;
  /** Projects in projects.csv; by default PROJECTS_PER_VILLAGE for each village. */
  projects: number;
}

/** A street (街道) or town (镇) of a preset's fixed layout. */
export interface StreetSpec {
  name: string;
  /** Relative share of the villages. */
  weight: number;
  /** Whether its villages can have been 双到 villages. */
  shuangdao: boolean;
}

export interface Preset {
  /** Defaults of the counts; `projects` follows the villages (PROJECTS_PER_VILLAGE). */
  defaults: Omit<SampleOptions, 'preset' | 'projects'>;
  region: string;
  title: string;
  /** First six digits of every 村代码: province 99 does not exist, so no code is real. */
  codePrefix: string;
  streets: readonly StreetSpec[];
  /** 双到 villages per village (the plan: 27 of 红海湾's villages). */
  shuangdaoShare: number;
  /** Prefix of district-level units (区扶贫办, 区教育局 …). */
  unitPrefix: string;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  default: {
    defaults: { seed: 20180605, households: 1500, villages: 45, changes: 300, rectifications: 120 },
    region: '汕尾市红海湾开发区',
    title: '精准扶贫"回头看"公开进展',
    codePrefix: '991502',
    streets: [
      { name: '田墘街道', weight: 17, shuangdao: true },
      { name: '东洲街道', weight: 14, shuangdao: true },
      { name: '遮浪街道', weight: 14, shuangdao: true },
    ],
    shuangdaoShare: 27 / 45,
    unitPrefix: '区',
  },
  alt: {
    defaults: { seed: 7, households: 2400, villages: 60, changes: 400, rectifications: 150 },
    region: '岚州市松溪新区（虚构）',
    title: '松溪新区扶贫"回头看"进展公开（测试数据）',
    codePrefix: '991503',
    streets: [
      { name: '松溪街道', weight: 14, shuangdao: true },
      { name: '竹岗街道', weight: 12, shuangdao: true },
      { name: '梧桐镇', weight: 13, shuangdao: true },
      { name: '云台镇', weight: 12, shuangdao: true },
      { name: '汀兰镇', weight: 9, shuangdao: false },
    ],
    shuangdaoShare: 0.5,
    unitPrefix: '区',
  },
};

/** Above this many villages the preset's few streets give way to a province of counties and towns. */
export const PROVINCE_LAYOUT_ABOVE = 150;

/**
 * Funded projects per village when --projects is not given: a dozen or so over
 * 2016–2020 (village, street and district projects together), about 600 for
 * the 45-village sample and 30,000 at the 2,300-village province scale.
 */
export const PROJECTS_PER_VILLAGE = 13;

/** Fills the options a caller left out from the preset's defaults. */
export function resolveSampleOptions(partial: Partial<SampleOptions> = {}): SampleOptions {
  const preset = partial.preset ?? 'default';
  const defaults = PRESETS[preset].defaults;
  const given = dropUndefined(partial);
  const villages = given.villages ?? defaults.villages;
  const options: SampleOptions = {
    ...defaults,
    projects: Math.round(PROJECTS_PER_VILLAGE * villages),
    ...given,
    preset,
  };
  for (const key of [
    'households',
    'villages',
    'changes',
    'rectifications',
    'projects',
    'seed',
  ] as const) {
    const v = options[key];
    if (!Number.isInteger(v) || v < 0) throw new Error(`${key} 应为非负整数，实际为 ${v}`);
  }
  if (options.villages < 1) throw new Error('villages 至少为 1');
  return options;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
