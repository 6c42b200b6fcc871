import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDelta,
  formatNumber,
  formatPercent,
  formatUtcTime,
  formatWan,
  formatWanYuan,
  formatYuan,
  parseIsoDate,
  wanFigure,
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

describe('formatWanYuan and wanFigure (amounts kept in 万元)', () => {
  it('prints 万元 amounts in 万元, 亿元 from 10,000 万元 on, and yuan below 1 万元', () => {
    expect(formatWanYuan(12.3)).toBe('12.3万元');
    expect(formatWanYuan(25_000)).toBe('2.5亿元');
    expect(formatWanYuan(0.5)).toBe('5,000元');
    expect(formatWanYuan(Number.NaN)).toBe('—');
  });
  it('keeps money to the fen with two digits', () => {
    expect(formatWanYuan(15_884.44, 2)).toBe('1.59亿元');
    expect(formatWanYuan(19.75, 2)).toBe('19.75万元');
  });
  it('gives headline figures in 亿元 only when the amount reaches 1 亿', () => {
    expect(wanFigure(9_999)).toEqual({ value: 9_999, unit: '万元' });
    expect(wanFigure(12_345)).toEqual({ value: 1.2, unit: '亿元' });
    expect(wanFigure(35_728.2, 2)).toEqual({ value: 3.57, unit: '亿元' });
    expect(wanFigure(Number.NaN)).toEqual({ value: 0, unit: '万元' });
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
