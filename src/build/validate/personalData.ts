/**
 * The personal-data scan: every cell of every input file is checked for
 * resident ID numbers, mobile numbers and bank-card numbers before anything is
 * published (data contract, "Personal data never passes"). Findings are shown
 * masked, so build logs never repeat the number they warn about.
 */
import { PERSONAL_DATA_LABELS, type PersonalDataKind } from '../../contract/personalData.ts';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The number with its middle digits replaced by `*`, e.g. `138****5678`. */
  masked: string;
}

/**
 * Finds personal data in one cell. Full-width and other compatibility digits
 * count (NFKC). Digit runs are bounded: digits inside a longer run are not a
 * match, so a 12-digit 村代码 matches nothing. Mobile and card numbers are also
 * found when written in groups separated by single spaces or hyphens.
 */
export function findPersonalData(cell: string): PersonalDataFinding[] {
  const text = isAscii(cell) ? cell : cell.normalize('NFKC');
  if (!MAYBE.test(text)) return [];
  const found = new Map<string, PersonalDataFinding>();
  const add = (kind: PersonalDataKind, masked: string) =>
    found.set(`${kind}:${masked}`, { kind, masked });
  for (const m of text.matchAll(/\d+/g)) {
    const run = m[0];
    const next = text[m.index + run.length] ?? '';
    if (run.length === 17 && (next === 'X' || next === 'x')) {
      if (isResidentId(run + 'X')) add('resident-id', mask(run + next, 6, 4));
      continue;
    }
    const kind = classifyRun(run);
    if (kind) add(kind, maskFor(kind, run));
  }
  for (const m of text.matchAll(/\d+(?:[ -]\d+)+/g)) {
    const groups = m[0].split(/[ -]/);
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 19; j++) {
        digits += groups[j];
        if (j === i) continue; // a single group is a plain run, handled above
        if (digits.length === 11 && isMobile(digits)) add('mobile', maskFor('mobile', digits));
        const cardGrouping = groups.slice(i, j).every((g) => g.length >= 4);
        if (digits.length >= 13 && digits.length <= 19 && cardGrouping && passesLuhn(digits))
          add('bank-card', maskFor('bank-card', digits));
      }
    }
  }
  return [...found.values()];
}

/** At least 11 digits, possibly in groups: cheap test that rules out most cells. */
const MAYBE = /\d(?:[ -]?\d){10}/;

function classifyRun(run: string): PersonalDataKind | null {
  if (run.length === 11) return isMobile(run) ? 'mobile' : null;
  if (run.length === 18 && isResidentId(run)) return 'resident-id';
  if (run.length === 15 && isOldResidentId(run)) return 'old-resident-id';
  if (run.length >= 13 && run.length <= 19 && passesLuhn(run)) return 'bank-card';
  return null;
}

const isMobile = (digits: string) => /^1[3-9]\d{9}$/.test(digits);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643-1999: 17 digits and a check character (`0`–`9` or `X`). */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/** The pre-1999 15-digit form: 6-digit area code, birth date yymmdd, 3-digit sequence. */
export function isOldResidentId(id: string): boolean {
  const m = /^[1-9]\d{5}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return false;
  const [y, mo, d] = [1900 + Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The Luhn (mod 10) check every bank card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function maskFor(kind: PersonalDataKind, digits: string): string {
  if (kind === 'mobile') return mask(digits, 3, 4);
  if (kind === 'bank-card') return mask(digits, 4, 4);
  return mask(digits, 6, 4);
}

function mask(digits: string, keepStart: number, keepEnd: number): string {
  return (
    digits.slice(0, keepStart) +
    '*'.repeat(digits.length - keepStart - keepEnd) +
    digits.slice(-keepEnd)
  );
}

/** The message of a `personal-data` issue: what was found, masked, and what to do. */
export function describePersonalData(findings: readonly PersonalDataFinding[]): string {
  const what = findings.map((f) => `${PERSONAL_DATA_LABELS[f.kind]} ${f.masked}`).join('、');
  return `疑似个人信息：${what}；导出数据不得含身份证号、手机号或银行卡号，请删除或改写`;
}

/**
 * A scanner for one column: remembers values already found clean, because most
 * columns repeat a few values (enums, codes) thousands of times.
 */
export function createPersonalDataScanner(
  cacheLimit = 5_000,
): (cell: string) => PersonalDataFinding[] {
  let clean: Set<string> | null = new Set<string>();
  return (cell) => {
    // NFKC turns one character into at most two digits, and ASCII into itself,
    // so short cells cannot hold 11 digits.
    if (cell.length < 6 || (cell.length < 11 && isAscii(cell))) return [];
    if (clean?.has(cell)) return [];
    const findings = findPersonalData(cell);
    if (findings.length === 0 && clean) {
      // Dropped once full: a column of unique values gains nothing from it.
      if (clean.size < cacheLimit) clean.add(cell);
      else clean = null;
    }
    return findings;
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Masks, in a message about to be printed, every number the scan would flag
 * (messages quote cell values, and a log must not repeat an ID number).
 */
export function maskPersonalData(message: string): string {
  const text = isAscii(message) ? message : message.normalize('NFKC');
  if (!MAYBE.test(text)) return message;
  // Replace in the message as written (NFKC would also rewrite its punctuation).
  return message.replace(/[0-9０-９]+(?:[ -][0-9０-９]+)*[Xx]?/g, (token) =>
    findPersonalData(token).length === 0
      ? token
      : token.replace(/[0-9０-９]/g, (d, i: number) => (i < 3 || i >= token.length - 4 ? d : '*')),
  );
}
