import Papa from 'papaparse';

/** A CSV syntax problem, at the line (Excel row) where the broken record starts. */
export interface CsvError {
  line: number;
  message: string;
}

/**
 * Reads CSV text record by record, calling `onRecord` with the trimmed cells and
 * the line number as Excel shows it. Excel shows one row per record, so a quoted
 * cell holding newlines is still one line, and blank rows keep their number:
 * line = record index + 1. We count records ourselves because papaparse's error
 * `row` is a 0-based record index, not a file line: a quoted cell with newlines
 * shifts every later line. Blank records (every cell empty) are
 * skipped; records with a quoting error are reported and not passed on.
 */
export function parseCsv(
  text: string,
  onRecord: (cells: string[], line: number) => void,
): CsvError[] {
  const errors: CsvError[] = [];
  let line = 0;
  // Papaparse takes one newline for the whole file: a CRLF file with a few bare
  // LF rows would have those rows merged. Mixed files are normalised first
  // (not all files: copying 90 MB of text costs more than checking it).
  let newline = lineEnding(text);
  let input = text;
  if (newline === null) {
    input = text.replace(/\r\n?/g, '\n');
    newline = '\n';
  }
  Papa.parse<string[]>(input, {
    delimiter: ',',
    newline,
    header: false,
    dynamicTyping: false,
    step: (result) => {
      line += 1;
      if (result.errors.length > 0) {
        errors.push({ line, message: describeQuoteError(result.errors) });
        return;
      }
      const cells = result.data;
      let blank = true;
      for (let i = 0; i < cells.length; i++) {
        // trim() covers ASCII whitespace and the full-width space U+3000.
        const cell = cells[i]!.trim();
        cells[i] = cell;
        if (cell !== '') blank = false;
      }
      if (!blank) onRecord(cells, line);
    },
  });
  return errors;
}

/** The file's line ending, or null when it mixes CRLF, LF and CR. */
function lineEnding(text: string): '\n' | '\r\n' | null {
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) !== 13) return lf === 0 && !text.includes('\r') ? '\n' : null;
    lf += 1;
  }
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr += 1;
  if (cr === 0) return '\n';
  return cr === lf ? '\r\n' : null;
}

function describeQuoteError(errors: readonly Papa.ParseError[]): string {
  if (errors.some((e) => e.code === 'MissingQuotes'))
    return '此行有一个双引号（"）没有闭合，从这里到文件末尾都被读成了一个单元格；请检查此行的引号';
  if (errors.some((e) => e.code === 'InvalidQuotes'))
    return '此行的双引号（"）用法不对：可能有引号没有闭合，或带引号的单元格在结束引号后还有字符；单元格内的引号应写成两个（""）';
  return `CSV 格式错误：${errors.map((e) => e.message).join('；')}`;
}
