import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvFormatter,
  neutralizeFormula,
  startsFormula,
  toCsv,
} from '../../../../src/build/publish/csvOut.ts';
import type { PublishedColumn, PublishedTable } from '../../../../src/contract/published.ts';

const col = (type: PublishedColumn['type']): PublishedColumn => ({
  name: 'x',
  label: 'x',
  type,
  description: '',
});

const table: PublishedTable = {
  name: 't',
  title: 't',
  description: '',
  sortBy: [],
  download: true,
  columns: [
    { name: 'reason', label: '变动原因', type: 'string', description: '' },
    { name: 'delta', label: '变动人数', type: 'integer', description: '' },
    { name: 'amount', label: '估算投资（万元）', type: 'number', description: '' },
    { name: 'overdue', label: '逾期', type: 'boolean', description: '' },
    { name: 'measures', label: '帮扶措施', type: 'list', description: '' },
    { name: 'day', label: '日期', type: 'date', description: '' },
  ],
};

describe('neutralizeFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 123', "'+86 123"],
    ['-3 人', "'-3 人"],
    ['@所有人', "'@所有人"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    // Full-width forms that NFKC turns into = + - @.
    ['＝HYPERLINK("x")', '\'＝HYPERLINK("x")'],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠a', "'＠a"],
    ['﹦1', "'﹦1"],
    // A leading apostrophe is doubled, so dropping one always restores the value.
    ["'已核实", "''已核实"],
  ])('neutralises %j', (input, output) => expect(neutralizeFormula(input)).toBe(output));

  it.each(['正常文字', '3-4', '5+', '2018-06-05', '', ' =not first', '≠'])('leaves %j alone', (s) =>
    expect(neutralizeFormula(s)).toBe(s),
  );

  it('agrees with testing the NFKC-normalised text, for every BMP code point', () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = `${String.fromCodePoint(cp)}x`;
      expect(startsFormula(s), cp.toString(16)).toBe(/^[=+\-@\t\r]/.test(s.normalize('NFKC')));
    }
  });
});

describe('csvFormatter', () => {
  it('leaves numbers alone, negative ones included', () => {
    expect(csvFormatter(col('integer'))(-3)).toBe('-3');
    expect(csvFormatter(col('number'))(-0.5)).toBe('-0.5');
    expect(csvFormatter(col('number'))(null)).toBe('');
  });
  it('writes booleans as 是/否 and lists joined with ；', () => {
    expect(csvFormatter(col('boolean'))(true)).toBe('是');
    expect(csvFormatter(col('boolean'))(false)).toBe('否');
    expect(csvFormatter(col('list'))(['产业帮扶', '就业帮扶'])).toBe('产业帮扶；就业帮扶');
    expect(csvFormatter(col('list'))([])).toBe('');
  });
  it('quotes per RFC 4180, and an empty string so it is not read as null', () => {
    expect(csvFormatter(col('string'))('a,"b"')).toBe('"a,""b"""');
    expect(csvFormatter(col('string'))('a\nb')).toBe('"a\nb"');
    expect(csvFormatter(col('string'))('')).toBe('""');
    expect(csvFormatter(col('string'))(null)).toBe('');
  });
});

describe('toCsv', () => {
  const rows = [
    {
      reason: '=1+1',
      delta: -3,
      amount: 35.5,
      overdue: true,
      measures: ['产业帮扶', '其他'],
      day: '2018-06-05',
    },
    { reason: '说"不", 好', delta: 0, amount: null, overdue: false, measures: [], day: null },
  ];
  const text = toCsv(table, rows);

  it('starts with a BOM, uses CRLF and Chinese labels', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(
      '变动原因,变动人数,估算投资（万元）,逾期,帮扶措施,日期',
    );
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back cell for cell with a standard CSV parser', () => {
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(1)).toEqual([
      ["'=1+1", '-3', '35.5', '是', '产业帮扶；其他', '2018-06-05'],
      ['说"不", 好', '0', '', '否', '', ''],
    ]);
  });
});
