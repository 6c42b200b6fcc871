import { describe, expect, it } from 'vitest';
import { resultCsv, resultCsvName } from '../../../../src/views/explore/exploreCsv.ts';

describe('resultCsv', () => {
  it('writes every row with a BOM, neutralised formulas, lists and yes/no as the downloads do', () => {
    const csv = resultCsv(
      [
        { key: 'c0', label: '村' },
        { key: 'c1', label: '户数', format: 'number' },
        { key: 'c2', label: '措施' },
        { key: 'c3', label: '逾期' },
      ],
      [
        { c0: '=HYPERLINK("http://x")', c1: -3, c2: ['产业帮扶', '就业帮扶'], c3: true },
        { c0: '＋1', c1: null, c2: [], c3: false },
      ],
    );
    expect(csv).toBe(
      '\uFEFF村,户数,措施,逾期\r\n' +
        '"\'=HYPERLINK(""http://x"")",-3,产业帮扶；就业帮扶,是\r\n' +
        "'＋1,,,否\r\n",
    );
  });

  it('names the file after the local time', () => {
    expect(resultCsvName(new Date(2018, 6, 20, 9, 5))).toBe('查询结果-20180720-0905.csv');
  });
});
