import {
  FUND_SOURCES,
  projectsDataset,
  type PROJECT_CATEGORIES,
  type PROJECT_STATUSES,
} from '../../src/contract/index.ts';
import { AS_OF } from './buildCampaign.ts';
import type { Street } from './buildRegion.ts';
import type { VillageRecord } from './buildVillages.ts';
import { csvRow } from './csvRow.ts';
import { fromDay, toDay } from './dates.ts';
import {
  CATEGORY_WEIGHTS,
  PROJECT_KINDS,
  type ProjectKind,
  type ProjectScope,
} from './projectTexts.ts';
import type { Rng } from './rng.ts';
import type { TextSink } from './textSink.ts';
import { unitName } from './unitName.ts';
import type { ShortcomingRecord } from './writeShortcomings.ts';

type Category = (typeof PROJECT_CATEGORIES)[number];
type Status = (typeof PROJECT_STATUSES)[number];

const COLUMNS = projectsDataset.columns.map((c) => c.key);
const AS_OF_DAY = toDay(AS_OF);
const AS_OF_YEAR = Number(AS_OF.slice(0, 4));

/** Plan years of projects outside the 2018—2020 library: funds since 2016, most in 2017–2018. */
const YEARS = [2016, 2017, 2018, 2019, 2020];
const YEAR_WEIGHTS = [14, 24, 34, 16, 12];
/** Status by plan year (未开工 在建 已完工 已验收), as it stood on as_of. */
const STATUS_WEIGHTS: Record<number, readonly number[]> = {
  2016: [0, 4, 22, 74],
  2017: [0, 22, 30, 48],
  2018: [42, 46, 10, 2],
  2019: [100, 0, 0, 0],
  2020: [100, 0, 0, 0],
};
const STATUSES: readonly Status[] = ['未开工', '在建', '已完工', '已验收'];
/** 中央 省级 市级 区级 帮扶单位 社会资金 其他; a 双到 village's paired unit pays more of its projects. */
const SOURCE_WEIGHTS = [20, 25, 10, 25, 10, 6, 2];
const SOURCE_WEIGHTS_SHUANGDAO = [14, 18, 8, 18, 34, 6, 2];
/** Scope of the projects not drawn from a shortcoming. */
const SCOPE_WEIGHTS = [87.5, 10, 2.5];
/** Projects whose disbursement lags far behind their finished works: a finding the site shows. */
const FAR_BEHIND = 2;

/** What a project is held to: how many 建档立卡 households its place has. */
export interface Registered {
  byVillage: ReadonlyMap<string, number>;
  byStreet: ReadonlyMap<string, number>;
  all: number;
}

interface Draft {
  year: number;
  order: number;
  status: Status;
  row: Record<string, string | number>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Writes projects.csv: `count` projects over the region. First the 双到
 * shortcomings most villages answered — most of those in the 2018—2020 library,
 * fewer without a 长效机制 or outside it — so that some shortcomings (长效机制 否,
 * or 纳入项目库 是) are left without a project on purpose; then village, street
 * and district projects of every type. Status, dates and disbursement agree
 * with the plan year and as_of; two finished projects are left far behind in
 * disbursement. Rows are numbered XM-<plan year>-<n> in plan-year order.
 */
export function writeProjects(
  villages: readonly VillageRecord[],
  shortcomings: readonly ShortcomingRecord[],
  registered: Registered,
  count: number,
  rng: Rng,
  sink: TextSink,
): number {
  const streets = [...new Map(villages.map((v) => [v.street.name, v.street])).values()];
  if (count === 0 || streets.length === 0) return 0;
  const prefixes = new Set(streets.map((s) => s.unitPrefix));
  const districtPrefix = prefixes.size === 1 ? streets[0]!.unitPrefix : '省';
  const drafts: Draft[] = [];

  const add = (
    scope: ProjectScope,
    category: Category,
    kind: ProjectKind,
    where: { street: Street | null; village: VillageRecord | null },
    extra: { year?: number; dimension?: string; name?: string; task?: string; wan?: number } = {},
  ) => {
    const { street, village } = where;
    const year = extra.year ?? YEARS[rng.weighted(YEAR_WEIGHTS)]!;
    let status = STATUSES[rng.weighted(STATUS_WEIGHTS[year]!)]!;
    const dates = projectDates(year, status, rng);
    status = dates.status;
    const budget = round2(Math.max(0.5, extra.wan ?? kind.wan(rng)));
    const limit =
      scope === 'village'
        ? (registered.byVillage.get(village!.code) ?? 0)
        : scope === 'street'
          ? (registered.byStreet.get(street!.name) ?? 0)
          : registered.all;
    const [low, high] = kind.reach;
    // Party-building projects often count no household of their own: the few zeros the site flags.
    const beneficiaries =
      category === '基层党建' && rng.chance(0.5)
        ? 0
        : Math.min(limit, Math.max(1, Math.round(limit * (low + rng.next() * (high - low)))));
    const place = village?.name ?? street?.name ?? '';
    const unitOf = (suffix: string) => {
      if (village && suffix === '村')
        return `${village.name}${village.community ? '居委会' : '委会'}`;
      if (village && suffix === '社')
        return `${village.name}${rng.pick(['种养', '水产养殖', '果蔬', '农机'])}专业合作社`;
      if (street) return unitName(suffix, street);
      return `${districtPrefix}${suffix}`;
    };
    const sources = village?.round ? SOURCE_WEIGHTS_SHUANGDAO : SOURCE_WEIGHTS;
    drafts.push({
      year,
      order: drafts.length,
      status,
      row: {
        project_name: `${place}${extra.name ?? kind.name}`,
        plan_year: year,
        street: street?.name ?? '',
        village_code: village?.code ?? '',
        category,
        task: extra.task ?? kind.task(rng),
        fund_source: FUND_SOURCES[rng.weighted(sources)]!,
        budget_wan: budget,
        disbursed_wan: disbursed(budget, status, year, rng),
        implementer: unitOf(rng.pick(kind.unit)),
        start_date: dates.start,
        end_date: dates.end,
        status,
        beneficiary_households: beneficiaries,
        benefit_mechanism:
          kind.mechanism.length > 0 && rng.chance(0.85) ? rng.pick(kind.mechanism) : '',
        shortcoming_dimension: extra.dimension ?? '',
        performance_goal: rng.chance(0.8) ? kind.goal(rng) : '',
      },
    });
  };

  // Shortcomings with a costed project: answered most often when in the library.
  for (const s of shortcomings) {
    if (drafts.length >= count) break;
    if (s.project === null || s.project.wan === null) continue;
    const p = s.mechanismInPlace ? 0.35 : s.inProjectLibrary ? 0.72 : 0.3;
    if (!rng.chance(p)) continue;
    const kind = rng.pick(PROJECT_KINDS.village[s.dimension] ?? []);
    add(
      'village',
      s.dimension,
      kind,
      { street: s.village.street, village: s.village },
      {
        year: s.inProjectLibrary ? rng.pick([2018, 2018, 2019, 2020]) : rng.pick([2017, 2018]),
        dimension: s.dimension,
        name: projectName(s.project.text),
        task: s.project.text,
        // The funds match the estimate, give or take what the tender came to.
        wan: s.project.wan * (0.85 + rng.next() * 0.3),
      },
    );
  }

  const cumulative: number[] = [];
  let total = 0;
  for (const v of villages) cumulative.push((total += v.weight));
  const pickVillage = () => villages[bisect(cumulative, rng.next() * total)]!;
  const scopes: ProjectScope[] = ['village', 'street', 'district'];
  while (drafts.length < count) {
    const scope = scopes[rng.weighted(SCOPE_WEIGHTS)]!;
    const weights = CATEGORY_WEIGHTS[scope];
    const categories = Object.keys(weights) as Category[];
    const category = categories[rng.weighted(categories.map((c) => weights[c]!))]!;
    const kind = rng.pick(PROJECT_KINDS[scope][category]!);
    const village = scope === 'village' ? pickVillage() : null;
    const street = village?.street ?? (scope === 'street' ? pickVillage().street : null);
    add(scope, category, kind, { street, village });
  }

  // Finished and accepted, yet hardly paid: the lag the site should bring out.
  const finished = drafts.filter((d) => d.status === '已验收' && d.row.village_code !== '');
  for (const d of rng.shuffle(finished).slice(0, FAR_BEHIND)) {
    const budget = d.row.budget_wan as number;
    d.row.disbursed_wan = round2(budget * (0.05 + rng.next() * 0.1));
  }

  drafts.sort((a, b) => a.year - b.year || a.order - b.order);
  const perYear = new Map<number, number>();
  for (const d of drafts) perYear.set(d.year, (perYear.get(d.year) ?? 0) + 1);
  const width = Math.max(3, ...[...perYear.values()].map((n) => String(n).length));
  const seq = new Map<number, number>();
  for (const d of drafts) {
    const n = (seq.get(d.year) ?? 0) + 1;
    seq.set(d.year, n);
    d.row.project_id = `XM-${d.year}-${String(n).padStart(width, '0')}`;
    sink.write(csvRow(COLUMNS.map((c) => d.row[c] ?? '')));
  }
  return drafts.length;
}

/** A project's name from a proposed project: its words without the quantity (`村道硬底化 1.2 公里` → 村道硬底化项目). */
function projectName(proposed: string): string {
  const words = proposed.split(/\s|\d/)[0] ?? proposed;
  return words.endsWith('项目') ? words : `${words}项目`;
}

/**
 * 开工日期 and 完工日期 for a plan year and status: works start in the plan year
 * (never after as_of) and take two to ten months; a project whose works could
 * not have finished by as_of is still 在建, one not started has no dates.
 */
function projectDates(
  year: number,
  status: Status,
  rng: Rng,
): { start: string; end: string; status: Status } {
  if (status === '未开工' || year > AS_OF_YEAR) return { start: '', end: '', status: '未开工' };
  const first = toDay(`${year}-02-15`);
  const last = Math.min(toDay(`${year}-10-31`), AS_OF_DAY - 20);
  const start = rng.int(first, Math.max(first, last));
  // A few projects under way were entered without their start date.
  if (status === '在建') return { start: rng.chance(0.04) ? '' : fromDay(start), end: '', status };
  const end = start + rng.int(60, 300);
  if (end > AS_OF_DAY) return { start: fromDay(start), end: '', status: '在建' };
  return { start: fromDay(start), end: fromDay(end), status };
}

/**
 * 已拨付 as the works stand: nothing for later years' plans, now and then an
 * advance before works start, most when finished, all (or all but the
 * retention) once accepted.
 */
function disbursed(budget: number, status: Status, year: number, rng: Rng): number {
  if (year > AS_OF_YEAR) return 0;
  const share =
    status === '未开工'
      ? rng.chance(0.15)
        ? 0.1 + rng.next() * 0.2
        : 0
      : status === '在建'
        ? 0.2 + rng.next() * 0.6
        : status === '已完工'
          ? 0.7 + rng.next() * 0.3
          : rng.chance(0.9)
            ? 1
            : 0.9 + rng.next() * 0.09;
  return Math.min(budget, round2(budget * share));
}

/** Index of the first cumulative weight above `x`. */
function bisect(cumulative: readonly number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
