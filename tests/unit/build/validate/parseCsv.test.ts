import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/build/validate/parseCsv.ts';

function parse(text: string) {
  const records: [number, string[]][] = [];
  const errors = parseCsv(text, (cells, line) => records.push([line, [...cells]]));
  return { records, errors };
}

describe('parseCsv', () => {
  it('numbers lines as Excel rows: a quoted newline stays in one row, blank rows keep their number', () => {
    expect(parse('a,b\n1,"x\ny\nz"\n\n2,3\n').records).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny\nz']],
      [4, ['2', '3']],
    ]);
  });

  it('reads CRLF, LF, old-Mac CR and files that mix them', () => {
    const expected = [
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ];
    for (const text of [
      'a,b\r\n1,2\r\n3,4\r\n',
      'a,b\n1,2\n3,4',
      'a,b\r1,2\r3,4\r',
      'a,b\r\n1,2\n3,4\r\n',
    ])
      expect(parse(text).records).toEqual(expected);
  });

  it('keeps CRLF inside a quoted cell of a CRLF file as one row', () => {
    expect(parse('a,b\r\n1,"x\r\ny"\r\n2,3\r\n').records.map(([line]) => line)).toEqual([1, 2, 3]);
  });

  it('trims ASCII and full-width spaces; whitespace-only cells are empty; blank rows are skipped', () => {
    expect(parse('a,b\n  x\u3000, \u3000 \n , \n\u3000,\t\nc,"  d  "\n').records).toEqual([
      [1, ['a', 'b']],
      [2, ['x', '']],
      [5, ['c', 'd']],
    ]);
  });

  it('never types values: codes keep leading zeros', () => {
    expect(parse('a,b\n012345,441502100201\n').records[1]).toEqual([2, ['012345', '441502100201']]);
  });

  it('reports an unterminated quote at the line where it opens, and drops the broken record', () => {
    const { records, errors } = parse('a,b\n1,2\n3,"oops\n4,5\n');
    expect(records.map(([line]) => line)).toEqual([1, 2]);
    expect(errors).toEqual([{ line: 3, message: expect.stringContaining('没有闭合') }]);
  });

  it('reports a quoted cell with text after its closing quote', () => {
    const { errors } = parse('a,b\n"x"y,2\n');
    expect(errors.map((e) => e.line)).toEqual([2]);
  });
});
