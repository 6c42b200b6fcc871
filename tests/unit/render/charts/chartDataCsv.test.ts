import { describe, expect, it } from 'vitest';
import { chartDataCsv } from '../../../../src/render/charts/chartDataCsv.ts';

type Row = { name: string; n: number | null };
const columns = [
  { header: '名称', value: 'name' as const },
  { header: '户数', value: 'n' as const },
];
const body = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);

describe('chartDataCsv', () => {
  it('writes a BOM, a header row and CRLF lines', () => {
    const csv = chartDataCsv<Row>([{ name: '田墘街道', n: 1234 }], columns);
    expect(csv).toBe('\uFEFF名称,户数\r\n田墘街道,1234\r\n');
    expect(chartDataCsv<Row>([], columns, { bom: false })).toBe('名称,户数\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    const rows: Row[] = [
      { name: 'a,b', n: 1 },
      { name: 'say "hi"', n: 2 },
      { name: 'two\nlines', n: 3 },
      { name: ' padded', n: 4 },
    ];
    expect(body(chartDataCsv(rows, columns))).toEqual([
      '"a,b",1',
      '"say ""hi""",2',
      '"two\nlines",3',
      '" padded",4',
    ]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`], // full-width ＝ becomes = under NFKC
    ['＋1', "'＋1"],
    ['a=b', 'a=b'],
    ['田墘街道', '田墘街道'],
  ])('neutralises a string cell %j that a spreadsheet would run as a formula', (cell, expected) => {
    expect(body(chartDataCsv<Row>([{ name: cell, n: 0 }], columns))[0]).toBe(`${expected},0`);
  });

  it('neutralises a carriage return at the start (and quotes it)', () => {
    expect(body(chartDataCsv<Row>([{ name: '\r=1', n: 0 }], columns)).join('\r\n')).toBe(
      `"'\r=1",0`,
    );
  });

  it('leaves numbers alone, negative ones too, and writes missing values as empty', () => {
    const rows: Row[] = [
      { name: 'a', n: -5 },
      { name: 'b', n: null },
      { name: 'c', n: Number.NaN },
      { name: 'd', n: 0.25 },
    ];
    expect(body(chartDataCsv(rows, columns))).toEqual(['a,-5', 'b,', 'c,', 'd,0.25']);
  });

  it('accepts accessor functions', () => {
    const csv = chartDataCsv<Row>(
      [{ name: 'x', n: 2 }],
      [{ header: '双倍', value: (r) => (r.n ?? 0) * 2 }],
    );
    expect(body(csv)).toEqual(['4']);
  });
});
