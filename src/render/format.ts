/**
 * zh-CN number and date formatting for pages and charts. Pure, no globals:
 * runs the same at build time (Node, full ICU) and in the browser.
 * Non-finite numbers print as "—" so a missing value never shows as "NaN".
 */

const MISSING = '—';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, f);
  }
  return f;
}

/** `12345.6` → `12,345.6` (zh-CN grouping, at most `maximumFractionDigits` decimals). */
export function formatNumber(n: number, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return MISSING;
  // Avoid "-0" for values that round to zero.
  const s = numberFormat(maximumFractionDigits).format(n);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** `12` → `+12`, `-3` → `−3` (true minus sign), `0` → `0`: for changes. */
export function formatDelta(n: number, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return MISSING;
  const s = formatNumber(Math.abs(n), maximumFractionDigits);
  if (s === '0') return s;
  return (n > 0 ? '+' : '−') + s;
}

/** A fraction as a percentage: `0.1234` → `12.3%`. */
export function formatPercent(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return MISSING;
  return formatNumber(x * 100, digits) + '%';
}

/** `part` as a percentage of `whole`; "—" when there is no whole. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? formatPercent(part / whole) : '—';
}

/** Yuan: `4000` → `4,000元`. */
export function formatYuan(n: number, maximumFractionDigits = 2): string {
  if (!Number.isFinite(n)) return MISSING;
  return formatNumber(n, maximumFractionDigits) + '元';
}

/** Large counts in 万 / 亿: `123456` → `12.3万`; below 10,000 plain: `9,999`. */
export function formatWan(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return MISSING;
  const abs = Math.abs(n);
  if (abs >= 1e8) return formatNumber(n / 1e8, digits) + '亿';
  if (abs >= 1e4) return formatNumber(n / 1e4, digits) + '万';
  return formatNumber(n, digits);
}

/**
 * An amount in 万元 (how funds and investment are kept) as text: `12.3万元`,
 * `2.5亿元`, `5,000元` — formatWan on the yuan, so 1 亿 never reads "1万万元".
 */
export function formatWanYuan(wan: number, digits = 1): string {
  if (!Number.isFinite(wan)) return MISSING;
  return `${formatWan(wan * 1e4, digits)}元`;
}

/** A 万元 amount as a headline number: in 亿元 from 10,000 万元 on, rounded to `digits` decimals. */
export function wanFigure(wan: number, digits = 1): { value: number; unit: '万元' | '亿元' } {
  const v = Number.isFinite(wan) ? wan : 0;
  const p = 10 ** digits;
  return Math.abs(v) >= 1e4
    ? { value: Math.round((v / 1e4) * p) / p, unit: '亿元' }
    : { value: Math.round(v * p) / p, unit: '万元' };
}

/** Which parts of a date to show. */
export type DateStyle = 'full' | 'monthDay' | 'yearMonth' | 'year';

const dateFormats: Record<DateStyle, Intl.DateTimeFormat> = {
  // timeZone UTC: the date is parsed as a UTC midnight, so no local offset can shift the day.
  full: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }),
  monthDay: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', month: 'long', day: 'numeric' }),
  yearMonth: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long' }),
  year: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric' }),
};

/**
 * Milliseconds since the epoch of an ISO `YYYY-MM-DD` date at UTC midnight, or
 * null if it is not a real calendar date. Never `new Date(string)`: `2018/6/5`
 * would parse as local time.
 */
export function parseIsoDate(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null;
  return t;
}

/** `2018-07-20` → `2018年7月20日` (or `7月20日`, `2018年7月`, `2018年`); other input is returned unchanged. */
export function formatDate(iso: string, style: DateStyle = 'full'): string {
  const t = parseIsoDate(iso);
  return t === null ? iso : formatUtcTime(t, style);
}

/** Formats a UTC timestamp (as produced by `parseIsoDate`) in zh-CN. */
export function formatUtcTime(t: number, style: DateStyle = 'full'): string {
  if (!Number.isFinite(t)) return MISSING;
  return dateFormats[style].format(t);
}
