import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/build/publish/csvOut.ts';
import { publishedTable } from '../../../../src/contract/published.ts';
import { compareTables } from '../../../../tools/attack/compareTables.ts';
import { readCsvDownload } from '../../../../tools/attack/readCsvDownload.ts';
import { table } from './fixtures.ts';

const TYPES = {
  street: 'VARCHAR',
  village_code: 'VARCHAR',
  village_name: 'VARCHAR',
  date: 'DATE',
  change_type: 'VARCHAR',
  persons_delta: 'INTEGER',
  reason: 'VARCHAR',
};
const rows = [
  {
    street: '田墘街道',
    village_code: '991502001001',
    village_name: '甲村',
    date: '2018-06-20',
    change_type: '清退',
    persons_delta: -4,
    reason: '=SUM(A1)',
  },
  {
    street: '田墘街道',
    village_code: '991502001001',
    village_name: '甲村',
    date: '2018-06-21',
    change_type: '脱贫',
    persons_delta: 0,
    reason: "'引号开头",
  },
  {
    street: '田墘街道',
    village_code: '991502001001',
    village_name: '甲村',
    date: '2018-06-22',
    change_type: '脱贫',
    persons_delta: 0,
    reason: '含,逗号与"引号"',
  },
];

describe('readCsvDownload and compareTables: a download holds the database’s rows', () => {
  const csv = toCsv(publishedTable('household_changes'), rows);

  it('reads the project’s own CSV (BOM, Chinese headers, neutralised formulas) back to the same rows', () => {
    const download = readCsvDownload(csv, 'household_changes', TYPES);
    expect(download.columns).toEqual(Object.keys(TYPES));
    expect(download.rows).toEqual(rows);
    expect(
      compareTables(table('household_changes', rows), download, 'downloads/household_changes.csv'),
    ).toBeNull();
  });

  it('ignores row order', () => {
    const download = readCsvDownload(csv, 'household_changes', TYPES);
    const reversed = { ...download, rows: [...download.rows].reverse() };
    expect(compareTables(table('household_changes', rows), reversed, 'x.csv')).toBeNull();
  });

  it('reports a row that is there twice, and one that is missing', () => {
    const download = table('household_changes', [rows[0]!, rows[0]!, rows[1]!]);
    const mismatch = compareTables(table('household_changes', rows), download, 'x.csv');
    expect(mismatch).toMatchObject({ rowsInDatabase: 3, rowsInDownload: 3, differingRows: 2 });
    expect(mismatch!.missingFromDownload).toHaveLength(1);
    expect(mismatch!.extraInDownload).toHaveLength(1);
  });

  it('reports a column the download lacks', () => {
    const download = table(
      'household_changes',
      rows.map(({ reason: _, ...r }) => r),
    );
    expect(
      compareTables(table('household_changes', rows), download, 'x.csv')?.onlyInDatabase,
    ).toEqual(['reason']);
  });
});
