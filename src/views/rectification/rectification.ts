/**
 * The 问题整改 page's figures (attachment 4), derived from named-query
 * results. Pure: the same functions serve the prerendered pages and the browser.
 */
import { RECTIFICATION_STATUSES } from '../../contract/enums.ts';
import { formatDate, formatNumber, formatPercent, parseIsoDate } from '../../render/format.ts';
import type { Row } from '../../engine/engine.ts';
import { toNumber } from '../shared/numbers.ts';

const DAY = 86_400_000;

/** Items per page of the all-items list (/rectification/, /rectification/page/2/, …). */
export const RECT_PAGE_SIZE = 50;
/** The page's path; its list's pages 2… are under it (listPagePath). */
export const RECT_PATH = '/rectification/';

/** The one-line definition of 逾期 the page prints, at the as-of date. */
export function overdueDefinition(asOf: string): string {
  return `逾期：未完成且已过整改时限，或完成日期晚于整改时限；按数据截止日期 ${formatDate(asOf)} 计算。`;
}

/** The six segments of a status bar: each 整改状态, split into on time and overdue. */
export const STATUS_SERIES = [
  { key: 'done', name: '已完成' },
  { key: 'done_late', name: '逾期完成' },
  { key: 'in_progress', name: '整改中' },
  { key: 'in_progress_overdue', name: '整改中·逾期' },
  { key: 'not_started', name: '未启动' },
  { key: 'not_started_overdue', name: '未启动·逾期' },
] as const;

/**
 * Colours for STATUS_SERIES: one hue per status (green, blue, orange), the
 * overdue part a darker shade of it, so overdue stands out and greyscale
 * prints still separate the parts (numbers print inside the segments too).
 */
export const STATUS_COLORS = [
  'var(--c-fixed, #7fcdb1)',
  'var(--c-fixed-late, #00684b)',
  'var(--c-doing, #9ecae9)',
  'var(--c-doing-late, #0b4f8a)',
  'var(--c-todo, #f3c97a)',
  'var(--c-overdue, #a4262c)',
] as const;

/** One group's items by 整改状态 (and overdue within each). */
export interface StatusStackRow {
  [key: string]: string | number;
  key: string;
  done: number;
  done_late: number;
  in_progress: number;
  in_progress_overdue: number;
  not_started: number;
  not_started_overdue: number;
  total: number;
  /** All overdue items (open or completed late). */
  overdue: number;
  /** Overdue and not yet done. */
  overdue_open: number;
  done_share: number;
}

/** Items by 整改状态, as `rectificationTotals` returns them (the overview's figures). */
export interface RectTotals {
  items: number;
  done: number;
  in_progress: number;
  not_started: number;
  /** All overdue items (open or completed late). */
  overdue: number;
  /** Overdue and not yet done. */
  overdue_open: number;
}

/** The `rectificationBreakdown` rows of dim 'all' (by 整改状态) → the totals `rectificationTotals` gives. */
export function breakdownTotals(rows: readonly Row[]): RectTotals {
  const t = buildStatusStack(rows.filter((r) => r.dim === 'all'))[0];
  return {
    items: t?.total ?? 0,
    done: (t?.done ?? 0) + (t?.done_late ?? 0),
    in_progress: (t?.in_progress ?? 0) + (t?.in_progress_overdue ?? 0),
    not_started: (t?.not_started ?? 0) + (t?.not_started_overdue ?? 0),
    overdue: t?.overdue ?? 0,
    overdue_open: t?.overdue_open ?? 0,
  };
}

/**
 * rectificationBreakdown rows of one dim (key × status: items, overdue) → one row per key.
 * `order` fixes the order (e.g. 省 / 市 / 区); without it, most items first.
 */
export function buildStatusStack(
  rows: readonly Row[],
  order?: readonly string[],
): StatusStackRow[] {
  const byKey = new Map<string, StatusStackRow>();
  for (const r of rows) {
    const key = String(r.key ?? '');
    let s = byKey.get(key);
    if (!s) {
      s = {
        key,
        done: 0,
        done_late: 0,
        in_progress: 0,
        in_progress_overdue: 0,
        not_started: 0,
        not_started_overdue: 0,
        total: 0,
        overdue: 0,
        overdue_open: 0,
        done_share: 0,
      };
      byKey.set(key, s);
    }
    const items = toNumber(r.items);
    const overdue = Math.min(items, toNumber(r.overdue));
    s.total += items;
    s.overdue += overdue;
    if (r.status === '已完成') {
      s.done += items - overdue;
      s.done_late += overdue;
    } else if (r.status === '整改中') {
      s.in_progress += items - overdue;
      s.in_progress_overdue += overdue;
      s.overdue_open += overdue;
    } else {
      s.not_started += items - overdue;
      s.not_started_overdue += overdue;
      s.overdue_open += overdue;
    }
  }
  const out = [...byKey.values()];
  for (const s of out) s.done_share = s.total > 0 ? (s.done + s.done_late) / s.total : 0;
  if (order) {
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    return out.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key, 'zh'));
  }
  return out.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key, 'zh'));
}

/** "X 的问题最多（N 项，完成 p%）；逾期未完成最多的是 Y（k 项）。" — `noun` names the grouping (问题来源). */
export function statusTakeaway(rows: readonly StatusStackRow[], noun: string): string {
  const total = rows.reduce((s, r) => s + r.total, 0);
  if (total === 0) return '暂无发现问题记录。';
  const top = [...rows].sort((a, b) => b.total - a.total)[0]!;
  const head = `按${noun}，${top.key}最多（${formatNumber(top.total)} 项，已完成 ${formatPercent(top.done_share)}）`;
  const late = [...rows].sort((a, b) => b.overdue_open - a.overdue_open)[0]!;
  return late.overdue_open > 0
    ? `${head}；逾期未完成最多的是${late.key}（${formatNumber(late.overdue_open)} 项）。`
    : `${head}；没有逾期未完成的问题。`;
}

/** A point of the cumulative progress line. */
export interface ProgressPoint {
  [key: string]: string | number;
  date: string;
  found: number;
  done: number;
}

/**
 * rectificationProgress rows (cumulative, one per day with events) → at most
 * `maxPoints` points: past that, the last point of each week or month (the
 * counts are cumulative, so the last one of a period is exact), extended to
 * the as-of date so the lines end where the data does.
 */
export function thinProgress(rows: readonly Row[], asOf: string, maxPoints = 60): ProgressPoint[] {
  const points: ProgressPoint[] = rows
    .map((r) => ({ date: String(r.date ?? ''), found: toNumber(r.found), done: toNumber(r.done) }))
    .filter((p) => parseIsoDate(p.date) !== null && p.date <= asOf);
  const keyFns: ((d: string) => string)[] = [
    (d) => d,
    (d) => {
      const t = parseIsoDate(d)!;
      // Monday-based week: days since epoch (a Thursday) shifted by 3.
      return String(Math.floor((t / DAY + 3) / 7));
    },
    (d) => d.slice(0, 7),
    (d) => d.slice(0, 4),
  ];
  let out = points;
  for (const key of keyFns) {
    out = lastPerPeriod(points, key);
    if (out.length <= maxPoints) break;
  }
  const last = out[out.length - 1];
  if (last && last.date < asOf) out = [...out, { date: asOf, found: last.found, done: last.done }];
  return out;
}

function lastPerPeriod(
  points: readonly ProgressPoint[],
  key: (d: string) => string,
): ProgressPoint[] {
  const out: ProgressPoint[] = [];
  let prev: string | null = null;
  for (const p of points) {
    const k = key(p.date);
    if (k === prev) out[out.length - 1] = p;
    else out.push(p);
    prev = k;
  }
  return out;
}

/** "截至 D，累计发现 N 项、完成 M 项（p%），尚有 k 项未完成；近 30 天新发现 a 项、完成 b 项。" */
export function progressTakeaway(points: readonly ProgressPoint[], asOf: string): string {
  const last = points[points.length - 1];
  if (!last || last.found === 0) return '暂无发现问题记录。';
  const open = last.found - last.done;
  const head = `截至${formatDate(asOf)}，累计发现 ${formatNumber(last.found)} 项、完成 ${formatNumber(last.done)} 项（${formatPercent(last.done / last.found)}）`;
  const t = parseIsoDate(asOf);
  const before =
    t === null
      ? undefined
      : points.filter((p) => (parseIsoDate(p.date) ?? 0) <= t - 30 * DAY).pop();
  const recent = before
    ? `；近 30 天新发现 ${formatNumber(last.found - before.found)} 项、完成 ${formatNumber(last.done - before.done)} 项`
    : '';
  return `${head}，尚有 ${formatNumber(open)} 项未完成${recent}。`;
}

/** "逾期未完成 N 项，最多的是 X（k 项）。" */
export function unitTakeaway(rows: readonly Row[]): string {
  const total = rows.reduce((s, r) => s + toNumber(r.items), 0);
  if (total === 0) return '没有逾期未完成的问题。';
  const top = rows[0]!;
  return `逾期未完成 ${formatNumber(total)} 项，涉及 ${formatNumber(rows.length)} 个责任单位，最多的是${String(top.unit)}（${formatNumber(toNumber(top.items))} 项）。`;
}

/** Days late at `asOf`: open and past the deadline, or completed after it; 0 otherwise. */
export function daysOverdue(
  item: { deadline: string | null; status: string; completed_date: string | null },
  asOf: string,
): number {
  const deadline = parseIsoDate(item.deadline ?? '');
  if (deadline === null) return 0;
  const end =
    item.status === '已完成' ? parseIsoDate(item.completed_date ?? '') : parseIsoDate(asOf);
  if (end === null) return 0;
  return Math.max(0, Math.round((end - deadline) / DAY));
}

/** Long free text split for a "展开全文" disclosure: the first `max` characters (by code point) and the rest. */
export function splitLongText(value: string, max = 160): { head: string; rest: string } {
  const chars = Array.from(value);
  if (chars.length <= max + 20) return { head: value, rest: '' };
  return { head: chars.slice(0, max).join(''), rest: chars.slice(max).join('') };
}

/** One item as rectificationItems returns it. */
export interface RectItem {
  [key: string]: string | number | boolean | null;
  issue_id: string;
  source_level: string;
  source_type: string;
  found_date: string;
  street: string;
  village_code: string | null;
  village_name: string | null;
  category: string;
  description: string;
  measures: string | null;
  responsible_unit: string | null;
  deadline: string;
  status: (typeof RECTIFICATION_STATUSES)[number];
  completed_date: string | null;
  overdue: boolean;
}

/** "逾期 12 天" / "逾期完成（晚 3 天）" / "" — the overdue note shown beside an item's status. */
export function overdueNote(item: RectItem, asOf: string): string {
  if (!item.overdue) return '';
  const days = daysOverdue(item, asOf);
  if (item.status === '已完成')
    return days > 0 ? `逾期完成（晚 ${formatNumber(days)} 天）` : '逾期完成';
  return days > 0 ? `逾期 ${formatNumber(days)} 天` : '逾期';
}
