import {
  ISSUE_CATEGORIES,
  rectificationsDataset,
  SOURCE_LEVELS,
  SOURCE_TYPES,
} from '../../src/contract/index.ts';
import { AS_OF, PHASES } from './buildCampaign.ts';
import type { VillageRecord } from './buildVillages.ts';
import { csvRow } from './csvRow.ts';
import { fromDay, toDay } from './dates.ts';
import { RECTIFICATION_TEXTS } from './rectificationTexts.ts';
import type { Rng } from './rng.ts';
import type { TextSink } from './textSink.ts';
import { unitName } from './unitName.ts';

const COLUMNS = rectificationsDataset.columns.map((c) => c.key);
/** The plan looks at problems fed back "2016 年以来". */
const FIRST_DAY = toDay('2016-01-01');
const AS_OF_DAY = toDay(AS_OF);
const CAMPAIGN = [toDay(PHASES[1].start), toDay(PHASES[2].end)] as const;
const CHECKS = [toDay(PHASES[2].start), toDay(PHASES[2].end)] as const;

const TYPE_WEIGHTS = [12, 18, 18, 10, 22, 20]; // 纪检 审计 巡查 巡视 督查 自查
/** 来源层级 by 问题来源: 巡视 is mostly provincial, 自查 always the district's own. */
const LEVEL_WEIGHTS: Record<(typeof SOURCE_TYPES)[number], number[]> = {
  纪检: [10, 40, 50],
  审计: [30, 35, 35],
  巡查: [5, 45, 50],
  巡视: [75, 25, 0],
  督查: [30, 40, 30],
  自查: [0, 0, 100],
};
const DEADLINE_DAYS = [15, 30, 30, 45, 60, 90, 90, 180];

interface Draft {
  found: number;
  row: Record<string, string>;
}

/**
 * Writes rectifications.csv: problems found since 2016 by every kind of
 * inspection, many 自查 and 督查 ones during the campaign itself, a mix of
 * done, in progress and not started — some overdue, a few finished late.
 * Rows are numbered ZG-<year>-<n> in order of 发现日期.
 */
export function writeRectifications(
  villages: readonly VillageRecord[],
  count: number,
  rng: Rng,
  sink: TextSink,
): number {
  const streets = [...new Map(villages.map((v) => [v.street.name, v.street])).values()];
  if (streets.length === 0) return 0;
  const byStreet = new Map<string, VillageRecord[]>(streets.map((s) => [s.name, []]));
  for (const v of villages) byStreet.get(v.street.name)!.push(v);
  const categoryWeights = ISSUE_CATEGORIES.map((c) => RECTIFICATION_TEXTS[c].weight);

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const type = SOURCE_TYPES[rng.weighted(TYPE_WEIGHTS)]!;
    let level = SOURCE_LEVELS[rng.weighted(LEVEL_WEIGHTS[type])]!;
    let found: number;
    if (type === '自查' && rng.chance(0.8)) found = rng.int(CAMPAIGN[0], CAMPAIGN[1]);
    else if (type === '督查' && rng.chance(0.3)) {
      found = rng.int(CHECKS[0], CHECKS[1]);
      level = '区';
    } else found = FIRST_DAY + Math.floor(Math.sqrt(rng.next()) * (AS_OF_DAY - FIRST_DAY + 1));
    const inCampaign = found >= CAMPAIGN[0];
    const deadline = found + (inCampaign ? rng.pick([7, 14, 20, 30]) : rng.pick(DEADLINE_DAYS));

    const weights = ISSUE_CATEGORIES.map((c, k) => {
      const w = categoryWeights[k]!;
      if (type === '审计')
        return c === '资金使用不规范' ? w * 3 : c === '项目管理不规范' ? w * 2 : w;
      if (type === '纪检') return c === '作风问题' ? w * 3 : c === '资金使用不规范' ? w * 1.5 : w;
      return w;
    });
    const category = ISSUE_CATEGORIES[rng.weighted(weights)]!;
    const texts = RECTIFICATION_TEXTS[category];

    const street = rng.pick(streets);
    const local = byStreet.get(street.name)!;
    const village = rng.chance(0.8) ? rng.pick(local) : null;
    const place = village?.name ?? street.name;
    const [problem, measure, unit] = rng.pick(texts.items);

    let status: string;
    let completed: number | null = null;
    if (deadline < AS_OF_DAY) {
      if (rng.chance(0.82)) {
        status = '已完成';
        completed = rng.chance(0.15) ? rng.int(deadline + 1, AS_OF_DAY) : rng.int(found, deadline);
      } else status = AS_OF_DAY - found > 180 || rng.chance(0.7) ? '整改中' : '未启动';
    } else {
      const k = rng.weighted([35, 50, 15]);
      status = ['已完成', '整改中', '未启动'][k]!;
      if (status === '已完成') completed = rng.int(found, AS_OF_DAY);
    }
    // A problem not yet taken up has at most a placeholder where the measure will go.
    const measures =
      status === '未启动' ? (rng.chance(0.5) ? '' : '已列入整改清单，待组织实施') : measure;

    drafts.push({
      found,
      row: {
        source_level: level,
        source_type: type,
        found_date: fromDay(found),
        street: street.name,
        village_code: village?.code ?? '',
        category,
        description: problem.replace('{place}', place).replace('{n}', String(rng.int(1, 12))),
        measures,
        responsible_unit: unitName(unit, street),
        deadline: fromDay(deadline),
        status,
        completed_date: completed === null ? '' : fromDay(completed),
      },
    });
  }

  drafts.sort((a, b) => a.found - b.found);
  const perYear = new Map<string, number>();
  for (const d of drafts) {
    const y = d.row.found_date!.slice(0, 4);
    perYear.set(y, (perYear.get(y) ?? 0) + 1);
  }
  const width = Math.max(4, ...[...perYear.values()].map((n) => String(n).length));
  const seq = new Map<string, number>();
  for (const d of drafts) {
    const y = d.row.found_date!.slice(0, 4);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    d.row.issue_id = `ZG-${y}-${String(n).padStart(width, '0')}`;
    sink.write(csvRow(COLUMNS.map((c) => d.row[c] ?? '')));
  }
  return drafts.length;
}
