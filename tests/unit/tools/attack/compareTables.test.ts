import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/build/publish/csvOut.ts';
import { publishedTable } from '../../../../src/contract/published.ts';
import { compareTables } from '../../../../tools/attack/compareTables.ts';
import { readCsvDownload } from '../../../../tools/attack/readCsvDownload.ts';
import { table } from './fixtures.ts';

const TYPES = {
  period: 'VARCHAR',
  street: 'VARCHAR',
  change_type: 'VARCHAR',
  reason_category: 'VARCHAR',
  records: 'INTEGER',
};
// Text cells a spreadsheet would run or mangle: a formula, a leading quote, a comma and quotes.
const rows = [
  {
    period: '2018-06',
    street: '田墘街道',
    change_type: '清退',
    reason_category: '=SUM(A1)',
    records: 4,
  },
  {
    period: '2018-06',
    street: '田墘街道',
    change_type: '脱贫',
    reason_category: "'引号开头",
    records: 3,
  },
  {
    period: '2018-06',
    street: '田墘街道',
    change_type: '脱贫',
    reason_category: '含,逗号与"引号"',
    records: 5,
  },
];

describe('readCsvDownload and compareTables: a download holds the database’s rows', () => {
  const csv = toCsv(publishedTable('change_reasons'), rows);

  it('reads the project’s own CSV (BOM, Chinese headers, neutralised formulas) back to the same rows', () => {
    const download = readCsvDownload(csv, 'change_reasons', TYPES);
    expect(download.columns).toEqual(Object.keys(TYPES));
    expect(download.rows).toEqual(rows);
    expect(
      compareTables(table('change_reasons', rows), download, 'downloads/change_reasons.csv'),
    ).toBeNull();
  });

  it('ignores row order', () => {
    const download = readCsvDownload(csv, 'change_reasons', TYPES);
    const reversed = { ...download, rows: [...download.rows].reverse() };
    expect(compareTables(table('change_reasons', rows), reversed, 'x.csv')).toBeNull();
  });

  it('reports a row that is there twice, and one that is missing', () => {
    const download = table('change_reasons', [rows[0]!, rows[0]!, rows[1]!]);
    const mismatch = compareTables(table('change_reasons', rows), download, 'x.csv');
    expect(mismatch).toMatchObject({ rowsInDatabase: 3, rowsInDownload: 3, differingRows: 2 });
    expect(mismatch!.missingFromDownload).toHaveLength(1);
    expect(mismatch!.extraInDownload).toHaveLength(1);
  });

  it('reports a column the download lacks', () => {
    const download = table(
      'change_reasons',
      rows.map(({ reason_category: _, ...r }) => r),
    );
    expect(compareTables(table('change_reasons', rows), download, 'x.csv')?.onlyInDatabase).toEqual(
      ['reason_category'],
    );
  });
});
