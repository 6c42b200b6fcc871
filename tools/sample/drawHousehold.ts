import type {
  EDUCATION_VALUES,
  EXIT_CATEGORIES,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_TYPES,
  LABOR_CAPACITIES,
  YES_NO_VALUES,
} from '../../src/contract/index.ts';
import { MEASURES } from '../../src/contract/index.ts';
import type { Rng } from './rng.ts';

/**
 * What happens to a household during the campaign, decided before its
 * attributes so that the change records and the 建档状态 always agree:
 * 清退 / 新增纳入 / 返贫 / 脱贫 get that record; `exited` left poverty before
 * the campaign (已脱贫, no record); `stay` is 在册 without a record.
 */
export const ROLES = ['清退', '新增纳入', '返贫', '脱贫', 'exited', 'stay'] as const;
export type Role = (typeof ROLES)[number];

export interface HouseholdDraw {
  size: number;
  type: (typeof HOUSEHOLD_TYPES)[number];
  labor: (typeof LABOR_CAPACITIES)[number];
  status: (typeof HOUSEHOLD_STATUSES)[number];
  enrolledYear: number;
  /** Yuan per person per year, as written (sometimes with decimals, like the system exports). */
  income: string;
  exitCategory: (typeof EXIT_CATEGORIES)[number] | null;
  education: (typeof EDUCATION_VALUES)[number];
  medical: (typeof YES_NO_VALUES)[number];
  housing: (typeof YES_NO_VALUES)[number];
  measures: string;
}

const TYPES = ['一般贫困户', '低保户', '特困供养户'] as const;
const EXITS = ['巩固提升', '加大帮扶', '重点帮扶'] as const;
/** Household size 1–8, most 2–4 (mean ≈ 3.4 persons). */
const SIZE_WEIGHTS = [10, 22, 26, 21, 11, 6, 2.5, 1.5];
/** 特困供养 is mostly people living alone. */
const SIZE_WEIGHTS_TEKUN = [70, 25, 5];
/** Share with labour capacity, by household type. */
const LABOR_SHARE: Record<(typeof TYPES)[number], number> = {
  一般贫困户: 0.88,
  低保户: 0.4,
  特困供养户: 0.03,
};
/** Income per category: most 重点帮扶 below the 4,000-yuan line, most 巩固提升 well above. */
const INCOME: Record<(typeof EXITS)[number] | '清退', [number, number]> = {
  重点帮扶: [3300, 650],
  加大帮扶: [4700, 800],
  巩固提升: [7000, 1900],
  清退: [9800, 3200],
};

function exitCategory(role: Role, labor: boolean, rng: Rng): (typeof EXITS)[number] | null {
  switch (role) {
    case '清退':
      return null;
    case '新增纳入':
      return EXITS[rng.weighted([0, 35, 65])]!;
    case '返贫':
      return EXITS[rng.weighted([0, 45, 55])]!;
    case '脱贫':
    case 'exited':
      return EXITS[rng.weighted([78, 17, 5])]!;
    case 'stay':
      return EXITS[rng.weighted(labor ? [40, 40, 20] : [25, 40, 35])]!;
  }
}

function formatIncome(yuan: number, rng: Rng): string {
  const cents = rng.chance(0.25) ? Math.round(yuan * 100) : Math.round(yuan) * 100;
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  if (frac === 0) return String(whole);
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${String(frac).padStart(2, '0')}`;
}

function drawMeasures(h: Omit<HouseholdDraw, 'measures'>, rng: Rng): string {
  if (h.status === '清退') return '';
  const able = h.labor === '有劳动能力';
  const w: Record<(typeof MEASURES)[number], number> = {
    产业帮扶: able ? 5 : 1,
    就业帮扶: able ? 5 : 0,
    教育帮扶: h.education === '不适用' ? 0 : 4,
    医疗帮扶: able ? 1 : 3,
    住房改造: h.housing === '否' ? 8 : 0.5,
    社会保障兜底: h.type === '一般贫困户' ? 0.3 : 5,
    资产收益: able ? 2 : 3,
    金融帮扶: able ? 2 : 0.2,
    技能培训: able ? 3 : 0,
    其他: 0.3,
  };
  const count = 1 + rng.weighted([25, 40, 25, 10]);
  const chosen = new Set<string>();
  const weights = MEASURES.map((m) => w[m]);
  while (chosen.size < count && weights.some((x) => x > 0)) {
    const i = rng.weighted(weights);
    chosen.add(MEASURES[i]!);
    weights[i] = 0;
  }
  return MEASURES.filter((m) => chosen.has(m)).join('；');
}

/** Draws one household's attributes, consistent with its role. */
export function drawHousehold(role: Role, rng: Rng): HouseholdDraw {
  const type = TYPES[rng.weighted(role === '清退' ? [85, 12, 3] : [64, 28, 8])]!;
  const size = 1 + rng.weighted(type === '特困供养户' ? SIZE_WEIGHTS_TEKUN : SIZE_WEIGHTS);
  const able = rng.chance(LABOR_SHARE[type]);
  const status =
    role === '清退' ? '清退' : role === '脱贫' || role === 'exited' ? '已脱贫' : '在册';
  const exit = exitCategory(role, able, rng);
  const [mean, sd] = INCOME[exit ?? '清退'];
  const yuan = Math.max(600, rng.normal(mean + (status === '已脱贫' ? 250 : 0), sd));
  const enrolledYear = role === '新增纳入' ? 2018 : 2016 + rng.weighted([72, 20, 8]);
  const schoolAgeless = type === '特困供养户' || size === 1 || rng.chance(size === 2 ? 0.85 : 0.15);
  const gap = status === '已脱贫' ? 0.01 : exit === '重点帮扶' ? 0.05 : 0.025;
  const partial = {
    size,
    type,
    labor: able ? ('有劳动能力' as const) : ('无劳动能力' as const),
    status,
    enrolledYear,
    income: formatIncome(yuan, rng),
    exitCategory: exit,
    education: schoolAgeless
      ? ('不适用' as const)
      : rng.chance(gap)
        ? ('否' as const)
        : ('是' as const),
    medical: rng.chance(gap * 0.8) ? ('否' as const) : ('是' as const),
    housing: rng.chance(gap * 1.2) ? ('否' as const) : ('是' as const),
  } satisfies Omit<HouseholdDraw, 'measures'>;
  return { ...partial, measures: drawMeasures(partial, rng) };
}
