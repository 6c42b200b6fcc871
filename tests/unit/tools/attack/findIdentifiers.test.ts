import { describe, expect, it } from 'vitest';
import {
  createIdFinder,
  findPersonalDataInText,
} from '../../../../tools/attack/findIdentifiers.ts';

describe('createIdFinder: input 户编号 anywhere in a text', () => {
  const { find, tooShort } = createIdFinder(['HH-000001', 'HH-000002', 'A1']);

  it('finds an ID standing on its own, in Chinese text, in markup, after a separator', () => {
    expect(find('户HH-000001，变动')).toEqual(['HH-000001']);
    expect(find('<td>HH-000002</td>')).toEqual(['HH-000002']);
    expect(find('x-HH-000001')).toEqual(['HH-000001']);
  });

  it('does not find an ID inside a longer code', () => {
    expect(find('HH-0000012')).toEqual([]);
    expect(find('XHH-000001')).toEqual([]);
  });

  it('does not look for IDs too short to tell from chance', () => {
    expect(tooShort).toBe(1);
    expect(find('A1 A1')).toEqual([]);
  });
});

describe('findPersonalDataInText: the project’s scanner over whole files', () => {
  it('finds a mobile number and a resident ID number', () => {
    const kinds = findPersonalDataInText('联系 13812345678，证件 11010519491231002X').map(
      (f) => f.kind,
    );
    expect(kinds.sort()).toEqual(['mobile', 'resident-id']);
  });

  it('leaves 12-digit village codes alone', () => {
    expect(findPersonalDataInText('/villages/991502001001/ 991502001002')).toEqual([]);
  });

  it('skips the digits of a decimal number (a chart value in a page)', () => {
    expect(findPersonalDataInText('data-v="0.29783393501805056"')).toEqual([]);
    expect(findPersonalDataInText('29783393501805056.5')).toEqual([]);
  });

  it('skips runs of few different digits in a binary file only', () => {
    expect(findPersonalDataInText('\u00006666666666666\u0000', { binary: true })).toEqual([]);
    expect(findPersonalDataInText('6666666666666').map((f) => f.kind)).toEqual(['bank-card']);
  });
});

describe('findPersonalDataInText in hex digests', () => {
  it('skips digits inside a SHA-256 sum, but not the same digits on their own', () => {
    // 2966 0000 0000 6070 passes the Luhn check; inside a digest it is no card number.
    const card = '2966000000006070';
    const digest = `ab${card}${'c'.repeat(46)}`;
    expect(digest).toHaveLength(64);
    expect(findPersonalDataInText(`SHA-256：${digest}`)).toEqual([]);
    expect(findPersonalDataInText(`卡号 ${card}`).map((f) => f.kind)).toEqual(['bank-card']);
  });
});
