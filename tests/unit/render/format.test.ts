import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDelta,
  formatNumber,
  formatPercent,
  formatUtcTime,
  formatWan,
  formatYuan,
  parseIsoDate,
} from '../../../src/render/format.ts';

describe('formatNumber', () => {
  it('groups thousands the zh-CN way', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(1234.5678, 0)).toBe('1,235');
  });
  it('never prints NaN, Infinity or -0', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatNumber(-0.001)).toBe('0');
  });
});

describe('formatDelta', () => {
  it('signs changes with + and a true minus', () => {
    expect(formatDelta(12)).toBe('+12');
    expect(formatDelta(-1234)).toBe('−1,234');
    expect(formatDelta(0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('formats a fraction with the given decimals', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatYuan and formatWan', () => {
  it('prints yuan with grouping', () => {
    expect(formatYuan(4000)).toBe('4,000元');
    expect(formatYuan(3999.5)).toBe('3,999.5元');
  });
  it('switches to 万 and 亿 from 10,000 and 100,000,000', () => {
    expect(formatWan(9999)).toBe('9,999');
    expect(formatWan(10000)).toBe('1万');
    expect(formatWan(123456)).toBe('12.3万');
    expect(formatWan(250_000_000)).toBe('2.5亿');
    expect(formatWan(-123456)).toBe('-12.3万');
  });
});

describe('parseIsoDate and formatDate', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('formats ISO dates in Chinese', () => {
    expect(formatDate('2018-07-20')).toBe('2018年7月20日');
    expect(formatDate('2018-06-05', 'monthDay')).toBe('6月5日');
    expect(formatDate('2018-06-05', 'yearMonth')).toBe('2018年6月');
    expect(formatDate('2018-06-05', 'year')).toBe('2018年');
  });

  it('does not shift the day in a time zone behind UTC', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2018-07-20')).toBe('2018年7月20日');
    expect(new Date(parseIsoDate('2018-07-20')!).toISOString()).toBe('2018-07-20T00:00:00.000Z');
  });

  it('rejects anything but a real YYYY-MM-DD date', () => {
    for (const bad of [
      '2018/6/5',
      '2018-6-5',
      '2018年6月5日',
      '2018-02-30',
      '2018-13-01',
      '',
      '2018-07-20T00:00',
    ]) {
      expect(parseIsoDate(bad)).toBeNull();
    }
    expect(parseIsoDate('2016-02-29')).toBe(Date.UTC(2016, 1, 29));
  });

  it('returns input that is not a date unchanged', () => {
    expect(formatDate('2018/6/5')).toBe('2018/6/5');
    expect(formatUtcTime(Number.NaN)).toBe('—');
  });
});
