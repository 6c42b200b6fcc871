import { describe, expect, it } from 'vitest';
import {
  createPersonalDataScanner,
  findPersonalData,
  isOldResidentId,
  isResidentId,
  maskPersonalData,
  passesLuhn,
} from '../../../../src/build/validate/personalData.ts';

// Made-up numbers with check digits computed independently (tools/fixtures/make_fixtures.py).
const ID = '441502198001011238';
const ID_X = '44150219751224002X';
const CARD19 = '6222020012345678903';
const CARD16 = '6217001234567893';

const kinds = (cell: string) => findPersonalData(cell).map((f) => `${f.kind} ${f.masked}`);

describe('check digits', () => {
  it('GB 11643: accepts valid check characters (digit or X/x), rejects the others', () => {
    expect(isResidentId(ID)).toBe(true);
    expect(isResidentId(ID_X)).toBe(true);
    expect(isResidentId(ID_X.toLowerCase())).toBe(true);
    expect(isResidentId('441502198001011230')).toBe(false);
    expect(isResidentId('44150219751224002')).toBe(false);
  });

  it('15-digit IDs need a real yymmdd birth date', () => {
    expect(isOldResidentId('441502800101123')).toBe(true);
    expect(isOldResidentId('441502800230123')).toBe(false);
    expect(isOldResidentId('441502801301123')).toBe(false);
  });

  it('Luhn', () => {
    expect(passesLuhn(CARD19)).toBe(true);
    expect(passesLuhn(CARD16)).toBe(true);
    expect(passesLuhn('6222020012345678904')).toBe(false);
  });
});

describe('findPersonalData', () => {
  it('finds each kind and masks it', () => {
    expect(kinds(`身份证${ID}`)).toEqual(['resident-id 441502********1238']);
    expect(kinds(`证号 ${ID_X.slice(0, 17)}x。`)).toEqual(['resident-id 441502********002x']);
    expect(kinds('旧证 441502800101123')).toEqual(['old-resident-id 441502*****1123']);
    expect(kinds('电话13812345678')).toEqual(['mobile 138****5678']);
    expect(kinds(`卡号${CARD16}`)).toEqual(['bank-card 6217********7893']);
  });

  it('counts full-width digits (NFKC)', () => {
    expect(kinds('手机１３８１２３４５６７８')).toEqual(['mobile 138****5678']);
  });

  it('finds mobiles and cards written in groups with single spaces or hyphens', () => {
    expect(kinds('138 1234 5678')).toEqual(['mobile 138****5678']);
    expect(kinds('138-1234-5678')).toEqual(['mobile 138****5678']);
    expect(kinds('电话：2018-07-05 138 1234 5678')).toEqual(['mobile 138****5678']);
    expect(kinds('6222-0200-1234-5678-903')).toEqual(['bank-card 6222***********8903']);
    expect(kinds('6217 0012 3456 7893')).toEqual(['bank-card 6217********7893']);
  });

  it('never flags a 12-digit division code, alone or in text', () => {
    expect(kinds('441502100201')).toEqual([]);
    expect(kinds('村代码 441502100201，441502101202')).toEqual([]);
    expect(kinds('４４１５０２１００２０１')).toEqual([]);
  });

  it('only matches bounded digit runs, not digits inside a longer run', () => {
    expect(kinds('138123456789')).toEqual([]); // 12 digits
    expect(kinds(`${ID}0`)).toEqual([]); // 19 digits, fails Luhn
  });

  it('leaves ordinary numbers, dates, amounts and wrong check digits alone', () => {
    for (const cell of [
      '2018-07-05',
      '2018年7月5日 13:30',
      '人均 5,234.5 元',
      '0660-3381234',
      '441502198001011230',
      '1 2 3 4 5 6 7 8 9 10 11 12',
    ])
      expect(kinds(cell)).toEqual([]);
  });

  it('is what 户编号 "must not look like an ID or phone number" means', () => {
    expect(kinds('HWK13812345678')).toEqual(['mobile 138****5678']);
    expect(kinds('HWK-0001')).toEqual([]);
  });
});

describe('createPersonalDataScanner', () => {
  it('gives the same answers with its cache of clean values', () => {
    const scan = createPersonalDataScanner(2);
    for (const cell of [
      '441502100201',
      '441502100201',
      '村民代表评议通过',
      `${ID}`,
      `${ID}`,
      '13812345678',
      '短',
    ])
      expect(scan(cell)).toEqual(findPersonalData(cell));
  });
});

describe('maskPersonalData', () => {
  it('masks flagged numbers in a message and leaves the rest as written', () => {
    expect(maskPersonalData(`应为 12 位数字代码，实际为 "13812345678"（441502100201）`)).toBe(
      '应为 12 位数字代码，实际为 "138****5678"（441502100201）',
    );
    expect(maskPersonalData(`户编号 ${ID} 重复`)).not.toContain(ID);
  });
});
