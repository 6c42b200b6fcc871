import { describe, expect, it } from 'vitest';
import { columnLetter, resolveHeaders } from '../../../../src/build/validate/headers.ts';
import { shortcomingsDataset } from '../../../../src/contract/input/shortcomings.ts';
import { villagesDataset } from '../../../../src/contract/input/villages.ts';

const columns = villagesDataset.columns;

describe('resolveHeaders', () => {
  it('matches Chinese headers and English keys, in any order, after trimming, NFKC and BOM stripping', () => {
    const h = resolveHeaders(columns, [
      '\uFEFF街道',
      'VILLAGE_CODE',
      ' 村名称 ',
      'is_poor_village',
      '双到轮次',
    ]);
    expect(h.issues).toEqual([]);
    expect(h.usable).toBe(true);
    expect(h.index).toEqual({
      street: 0,
      village_code: 1,
      village_name: 2,
      is_poor_village: 3,
      shuangdao_round: 4,
    });
    expect(h.written.village_code).toBe('VILLAGE_CODE');
    const s = resolveHeaders(shortcomingsDataset.columns, [
      '村代码',
      '领域',
      '长效机制',
      '短板描述',
      '估算投资(万元)',
      '纳入项目库',
      '责任单位',
    ]);
    expect(s.issues).toEqual([]);
    expect(s.written.estimated_investment_wan).toBe('估算投资(万元)');
  });

  it('lets optional columns be absent (read as empty) and reports missing required ones', () => {
    const h = resolveHeaders(columns, ['村代码', '村名称', '相对贫困村']);
    expect(h.index.shuangdao_round).toBe(-1);
    expect(h.written.shuangdao_round).toBe('双到轮次');
    expect(h.issues).toEqual([
      { code: 'missing-label', column: '街道', message: '缺少必填列 街道（street）' },
    ]);
    expect(h.usable).toBe(false);
  });

  it('reports unknown columns with the allowed list, and duplicates in either spelling', () => {
    const h = resolveHeaders(columns, [
      '村代码',
      '村名称',
      '街道',
      '相对贫困村',
      '联系电话',
      'village_code',
    ]);
    expect(h.issues.map((i) => [i.code, i.column])).toEqual([
      ['extra-label', '联系电话'],
      ['duplicate-label', 'village_code'],
    ]);
    expect(h.issues[0]?.message).toContain(
      '允许的列：村代码（village_code）、村名称（village_name）、街道（street）、双到轮次（shuangdao_round）[可选]、相对贫困村（is_poor_village）',
    );
    expect(h.issues[1]?.message).toContain('A 列 "村代码" 与 F 列 "village_code"');
  });

  it('sets blank headers aside (Excel trailing columns) and only counts cells up to the last real header', () => {
    const h = resolveHeaders(columns, ['村代码', '村名称', '', '街道', '相对贫困村', '', '']);
    expect(h.blank).toEqual([2, 5, 6]);
    expect(h.width).toBe(5);
    expect(h.issues).toEqual([]);
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
