import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src/build/validate/decode.ts';
import { FIXTURES } from './fixtureDir.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 and says so', () => {
    expect(decodeBytes(utf8('村代码,村名称\n'))).toEqual({
      ok: true,
      text: '村代码,村名称\n',
      encoding: 'UTF-8',
    });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('街道')]))).toEqual({
      ok: true,
      text: '街道',
      encoding: 'UTF-8 BOM',
    });
  });

  it('falls back to GB18030 for what Excel on Chinese Windows writes (bytes made by Python)', () => {
    const file = readFileSync(path.join(FIXTURES, 'variants/excel-encodings/households.csv'));
    const result = decodeBytes(file);
    expect(result.ok && result.encoding).toBe('GB18030');
    expect(result.ok && result.text.split('\r\n')[1]).toBe(
      'HWK-0001,441502100201,4,一般贫困户,有劳动能力,已脱贫,2016,9200,巩固提升,是,是,是,产业帮扶；就业帮扶',
    );
    // "街道" in GBK: BD D6 B5 C0
    expect(decodeBytes(bytes(0xbd, 0xd6, 0xb5, 0xc0))).toEqual({
      ok: true,
      text: '街道',
      encoding: 'GB18030',
    });
  });

  it('tries UTF-8 first: UTF-8 Chinese is never read as GB18030 mojibake', () => {
    const result = decodeBytes(utf8('田墘街道'));
    expect(result.ok && result.encoding).toBe('UTF-8');
  });

  it('refuses UTF-16 with either BOM', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const result = decodeBytes(bytes(...bom, 0x51, 0x67));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain('UTF-16');
    }
  });

  it('refuses UTF-16 without a BOM and binary files by their NUL bytes', () => {
    const result = decodeBytes(bytes(0x61, 0x00, 0x2c, 0x00));
    expect(!result.ok && result.reason).toContain('NUL');
  });

  it('refuses bytes valid in neither UTF-8 nor GB18030', () => {
    const result = decodeBytes(bytes(0x61, 0xff, 0xfe, 0xff, 0x62));
    expect(!result.ok && result.reason).toContain('既不是有效的 UTF-8，也不是有效的 GB18030');
  });
});
