/**
 * Cell validators: each takes the raw, trimmed text of one CSV cell and returns
 * its normalised, typed value, or adds an issue whose message a staff member can
 * act on. Every issue carries a Frictionless error code in `params.code` so the
 * validator can group errors (https://specs.frictionlessdata.io/ → error codes).
 *
 * Runs in Node and in the browser (no Node APIs).
 */
import { z } from 'zod';

/** Frictionless error codes we use. */
export type IssueCode =
  | 'encoding-error'
  | 'source-error'
  | 'missing-label'
  | 'extra-label'
  | 'duplicate-label'
  | 'blank-label'
  | 'extra-cell'
  | 'missing-cell'
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'foreign-key'
  | 'row-constraint'
  | 'personal-data'
  | 'extra-file'
  | 'missing-file';

type Ctx = z.core.$RefinementCtx<string>;

/** Adds an issue to a cell, tagged with its Frictionless code. */
export function fail(ctx: Ctx, code: IssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/** Quotes a value for a message, shortened so one error stays one line. */
export function shown(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ');
  return `"${flat.length > 40 ? `${flat.slice(0, 40)}…` : flat}"`;
}

/**
 * Normalises Excel habits in numbers: full-width digits and signs (NFKC),
 * thousands separators `1,234`, surrounding spaces.
 */
export function normalizeNumberText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
}

/** Required non-empty text, of at most `max` characters when given. */
export const requiredText = (opts: { max?: number } = {}) =>
  z.string().transform((v, ctx) => {
    if (v === '') return fail(ctx, 'constraint-error', '不能为空');
    if (opts.max !== undefined && [...v].length > opts.max)
      return fail(
        ctx,
        'constraint-error',
        `不能超过 ${opts.max} 个字，实际为 ${[...v].length} 个字`,
      );
    return v;
  });

/** Characters a name cannot hold when it is also a page address (Astro's static routes and file names). */
const NOT_IN_PATH = /[/\\?#%]/;
/** Longest name that stays a valid file name (255 bytes) in UTF-8, with room to spare. */
const PATH_NAME_MAX = 60;

/**
 * Required text that also names a page, /streets/<name>/: no `/ \ ? # %`, not
 * only dots, at most 60 characters. Such a name would otherwise stop the build
 * with an error staff cannot act on (Astro cannot route it, or the file system
 * cannot store it) — found by tests/e2e/hostileData.ts.
 */
export const pathName = () =>
  z.string().transform((v, ctx) => {
    if (v === '') return fail(ctx, 'constraint-error', '不能为空');
    if (NOT_IN_PATH.test(v) || /^\.+$/.test(v))
      return fail(
        ctx,
        'constraint-error',
        `用作网页地址，不能含 / \\ ? # % 或只由点组成，实际为 ${shown(v)}`,
      );
    if ([...v].length > PATH_NAME_MAX)
      return fail(
        ctx,
        'constraint-error',
        `用作网页地址，不能超过 ${PATH_NAME_MAX} 个字，实际为 ${[...v].length} 个字`,
      );
    return v;
  });

/** Optional text: empty cells become null. */
export const optionalText = () => z.string().transform((v) => (v === '' ? null : v));

/** A 12-digit administrative division code (村代码), kept as a string. */
export const divisionCode = () =>
  z.string().transform((v, ctx) => {
    const s = v.normalize('NFKC');
    if (s === '') return fail(ctx, 'constraint-error', '不能为空，应为 12 位数字代码');
    if (!/^\d{12}$/.test(s))
      return fail(ctx, 'type-error', `应为 12 位数字代码，实际为 ${shown(v)}`);
    return s;
  });

/** An optional 12-digit code: empty → null. */
export const optionalDivisionCode = () =>
  z.string().transform((v, ctx) => {
    if (v === '') return null;
    const s = v.normalize('NFKC');
    if (!/^\d{12}$/.test(s))
      return fail(ctx, 'type-error', `应为 12 位数字代码或留空，实际为 ${shown(v)}`);
    return s;
  });

/** A code kept as written (leading zeros preserved), required. */
export const codeText = () =>
  z.string().transform((v, ctx) => {
    const s = v.normalize('NFKC');
    if (s === '') return fail(ctx, 'constraint-error', '不能为空');
    if (/[\s,，]/.test(s))
      return fail(ctx, 'type-error', `编号不能含空格或逗号，实际为 ${shown(v)}`);
    return s;
  });

/** One of a fixed list of Chinese values. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((v, ctx): T[number] => {
    if (v === '') return fail(ctx, 'constraint-error', `不能为空，应为 ${values.join(' / ')} 之一`);
    if (!(values as readonly string[]).includes(v))
      return fail(ctx, 'constraint-error', `应为 ${values.join(' / ')} 之一，实际为 ${shown(v)}`);
    return v as T[number];
  });

/** One of a fixed list, or empty (null). */
export const optionalOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((v, ctx): T[number] | null => {
    if (v === '') return null;
    if (!(values as readonly string[]).includes(v))
      return fail(
        ctx,
        'constraint-error',
        `应为 ${values.join(' / ')} 之一或留空，实际为 ${shown(v)}`,
      );
    return v as T[number];
  });

export const YES_NO = ['是', '否'] as const;
export const yesNo = () => oneOf(YES_NO);

function parseNumber(v: string): number | null {
  const s = normalizeNumberText(v);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** An integer within [min, max]; accepts `1,234` and full-width digits. */
export const integer = (opts: { min?: number; max?: number } = {}) =>
  z.string().transform((v, ctx) => {
    if (v === '') return fail(ctx, 'constraint-error', '不能为空，应为整数');
    const n = parseNumber(v);
    if (n === null || !Number.isInteger(n))
      return fail(ctx, 'type-error', `应为整数，实际为 ${shown(v)}`);
    if (opts.min !== undefined && n < opts.min)
      return fail(ctx, 'constraint-error', `应不小于 ${opts.min}，实际为 ${n}`);
    if (opts.max !== undefined && n > opts.max)
      return fail(ctx, 'constraint-error', `应不大于 ${opts.max}，实际为 ${n}`);
    return n;
  });

function decimalCell(opts: { min?: number }, v: string, ctx: Ctx): number {
  const n = parseNumber(v);
  if (n === null) {
    const hint = opts.min !== undefined ? `应为不小于 ${opts.min} 的数字` : '应为数字';
    return fail(ctx, 'type-error', `${hint}，实际为 ${shown(v)}`);
  }
  if (opts.min !== undefined && n < opts.min)
    return fail(ctx, 'constraint-error', `应不小于 ${opts.min}，实际为 ${n}`);
  return n;
}

/** A required decimal number ≥ min; accepts `1,234` and full-width digits. */
export const decimal = (opts: { min?: number } = {}) =>
  z
    .string()
    .transform((v, ctx) =>
      v === '' ? fail(ctx, 'constraint-error', '不能为空，应为数字') : decimalCell(opts, v, ctx),
    );

/** An optional decimal number ≥ min: empty → null. */
export const optionalDecimal = (opts: { min?: number } = {}) =>
  z.string().transform((v, ctx) => (v === '' ? null : decimalCell(opts, v, ctx)));

/** Money units staff write after an amount, and what one of them is in 万元. */
const MONEY_UNITS: Readonly<Record<string, number>> = {
  万元: 1,
  万: 1,
  元: 1e-4,
  亿元: 1e4,
  亿: 1e4,
};
const AMOUNT_WITH_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(万元|万|元|亿元|亿)$/;

/** `x` without float noise or trailing zeros: 12.5, 0.1234, 12000. */
const plainNumber = (x: number) => String(Number(x.toFixed(8)));

/** Decimal places of a normalised number, trailing zeros not counted (12.50 has 1). */
function decimalPlaces(s: string): number {
  const fraction = /\.(\d*)$/.exec(s)?.[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/**
 * An amount in 万元 (ten thousand yuan), as funds are reported: a plain number
 * with at most two decimals (exact to the hundred yuan), > 0 when `positive`,
 * else ≥ 0. Thousands separators and full-width digits are normalised like any
 * number; an amount written with a unit (`12.5万`, `125,000元`) is refused with
 * the number it should have been, because guessing the unit of public money
 * would publish a figure nobody wrote.
 */
export const money = (opts: { positive?: boolean } = {}) =>
  z.string().transform((v, ctx) => {
    if (v === '')
      return fail(
        ctx,
        'constraint-error',
        opts.positive
          ? '不能为空，应为大于 0 的金额（万元）'
          : '不能为空，应为金额（万元）；没有时填 0',
      );
    const s = normalizeNumberText(v);
    const withUnit = AMOUNT_WITH_UNIT.exec(s);
    if (withUnit) {
      const unit = withUnit[2]!;
      const wan = Number(withUnit[1]) * MONEY_UNITS[unit]!;
      const written = plainNumber(wan);
      const should =
        decimalPlaces(written) > 2
          ? `应写作 ${plainNumber(Math.round(wan * 100) / 100)}（最多两位小数）`
          : `应写作 ${written}`;
      const converted = unit.startsWith('万') ? ' ' : ` 即 ${written} 万元，`;
      return fail(
        ctx,
        'type-error',
        `金额以万元为单位填写纯数字：${shown(v)}${converted}${should}`,
      );
    }
    const n = parseNumber(v);
    if (n === null)
      return fail(
        ctx,
        'type-error',
        `应为以万元为单位的金额（纯数字，如 12.5），实际为 ${shown(v)}`,
      );
    if (decimalPlaces(s) > 2)
      return fail(ctx, 'constraint-error', `金额（万元）最多两位小数（精确到百元），实际为 ${s}`);
    if (opts.positive && n <= 0) return fail(ctx, 'constraint-error', `应大于 0，实际为 ${n}`);
    if (n < 0) return fail(ctx, 'constraint-error', `应不小于 0，实际为 ${n}`);
    return n;
  });

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

/**
 * Parses the date spellings the contract accepts into `YYYY-MM-DD`, or null.
 * Never uses `new Date(string)`: `2018/6/5` would be local time.
 */
export function parseDate(value: string): string | null {
  const s = value.normalize('NFKC').replace(/\s/g, '');
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d)
      return null;
    return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

const DATE_HINT = '应为日期，如 2018-06-05（也接受 2018/6/5、2018.6.5、2018年6月5日）';

/** A required date, normalised to `YYYY-MM-DD`. */
export const date = () =>
  z.string().transform((v, ctx) => {
    if (v === '') return fail(ctx, 'constraint-error', `不能为空，${DATE_HINT}`);
    return parseDate(v) ?? fail(ctx, 'type-error', `${DATE_HINT}，实际为 ${shown(v)}`);
  });

/** An optional date: empty → null. */
export const optionalDate = () =>
  z.string().transform((v, ctx) => {
    if (v === '') return null;
    return parseDate(v) ?? fail(ctx, 'type-error', `${DATE_HINT}，实际为 ${shown(v)}`);
  });

/** A list separated by `；` `;` or `、`, each item from a fixed list. */
export const listOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((v, ctx): T[number][] => {
    if (v === '') return [];
    const items = v
      .split(/[；;、]/)
      .map((s) => s.trim().replace(/^\u3000+|\u3000+$/g, ''))
      .filter((s) => s !== '');
    const bad = items.filter((s) => !(values as readonly string[]).includes(s));
    if (bad.length > 0)
      return fail(
        ctx,
        'constraint-error',
        `含有不认识的项 ${bad.map(shown).join('、')}；可选：${values.join('、')}（用 ；或 、分隔）`,
      );
    return [...new Set(items)] as T[number][];
  });
