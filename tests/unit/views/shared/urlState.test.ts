import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  hasTopicState,
  parseFilterState,
  parseListState,
  parseTopicUrl,
  topicSearch,
  withFilter,
} from '../../../../src/views/shared/urlState.ts';
import type { FilterKey } from '../../../../src/queries/filters.ts';

const KEYS: FilterKey[] = ['street', 'village', 'exit_category', 'gap'];

describe('parseFilterState', () => {
  it('reads the page’s filters and ignores other keys', () => {
    expect(parseFilterState('?street=田墘街道&exit_category=重点帮扶&overdue=逾期', KEYS)).toEqual({
      street: '田墘街道',
      exit_category: '重点帮扶',
    });
  });

  it('drops values outside a filter’s fixed options and empty values', () => {
    expect(parseFilterState('?exit_category=DROP+TABLE&gap=&street=', KEYS)).toEqual({});
    expect(parseFilterState('?gap=住房安全', KEYS)).toEqual({ gap: '住房安全' });
  });

  it('decodes percent-encoded values as the browser sends them', () => {
    const search = `?street=${encodeURIComponent('东洲街道')}&village=441502100001`;
    expect(parseFilterState(search, KEYS)).toEqual({ street: '东洲街道', village: '441502100001' });
  });
});

describe('parseListState', () => {
  it('reads sort direction, search and page', () => {
    expect(parseListState('?sort=-deadline&q=%20危房%20&page=3', ['deadline'])).toEqual({
      sort: 'deadline',
      dir: 'desc',
      q: '危房',
      page: 3,
    });
  });

  it('ignores unknown sort columns and pages below 2 or not whole', () => {
    expect(parseListState('?sort=password&page=1', ['deadline'])).toEqual({});
    expect(parseListState('?page=2.5', [])).toEqual({});
    expect(parseListState('?page=-4', [])).toEqual({});
  });
});

describe('topicSearch', () => {
  it('writes filters in the page’s key order whatever order they were set in', () => {
    const a = topicSearch({ filters: { gap: '任一项', street: '甲' }, list: {} }, KEYS);
    const b = topicSearch({ filters: { street: '甲', gap: '任一项' }, list: {} }, KEYS);
    expect(a).toBe(b);
    expect(a.indexOf('street')).toBeLessThan(a.indexOf('gap'));
  });

  it('is empty for the unfiltered view and leaves page 1 out', () => {
    expect(topicSearch({ filters: {}, list: { page: 1 } }, KEYS)).toBe('');
  });

  it('round-trips through parseTopicUrl', () => {
    const state = {
      filters: { street: 'A&B=C', village: '123', exit_category: '加大帮扶' },
      list: { sort: 'deadline', dir: 'desc' as const, q: '50% ?#', page: 4 },
    };
    const search = topicSearch(state, KEYS);
    expect(parseTopicUrl(search, KEYS, ['deadline'])).toEqual(state);
    expect(hasTopicState(parseTopicUrl(search, KEYS, ['deadline']))).toBe(true);
    expect(hasTopicState(parseTopicUrl('?unrelated=1', KEYS))).toBe(false);
  });
});

describe('withFilter', () => {
  const streetOf = (code: string) => ({ v1: '甲街道', v2: '乙街道' })[code];

  it('sets and clears a value', () => {
    expect(withFilter({}, 'gap', '任一项')).toEqual({ gap: '任一项' });
    expect(withFilter({ gap: '任一项' }, 'gap', '')).toEqual({});
  });

  it('choosing another street clears a village of the old one', () => {
    expect(withFilter({ street: '甲街道', village: 'v1' }, 'street', '乙街道', streetOf)).toEqual({
      street: '乙街道',
    });
    expect(withFilter({ street: '甲街道', village: 'v1' }, 'street', '甲街道', streetOf)).toEqual({
      street: '甲街道',
      village: 'v1',
    });
  });

  it('choosing a village sets its street', () => {
    expect(withFilter({}, 'village', 'v2', streetOf)).toEqual({ street: '乙街道', village: 'v2' });
  });
});

describe('describeFilters', () => {
  it('names each filter with its label, in page order, villages by name', () => {
    const text = describeFilters(
      { village: '441', gap: '任一项', street: '甲街道' },
      KEYS,
      (k, v) => (k === 'village' ? '乙村' : v),
    );
    expect(text).toBe('已筛选：街道 甲街道；村 乙村；三保障缺口 任一项');
  });

  it('is empty without filters', () => {
    expect(describeFilters({}, KEYS)).toBe('');
  });
});
