/**
 * Attack 6, identifiers anywhere: in any text (a page, a script, a download,
 * a value of a table, the bytes of a binary file read as Latin-1), no 户编号
 * of the input and nothing the project's personal-data scanner flags.
 */
import {
  findPersonalData,
  type PersonalDataFinding,
} from '../../src/build/validate/personalData.ts';

/** IDs shorter than this are not looked for: "H1" occurs by chance in any script. */
export const MIN_ID_LENGTH = 6;

const escapeClass = (ch: string) => (/[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch);
/** Letters and digits that continue a code ("XHH-000001" is not "HH-000001"); Chinese text does not. */
const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/**
 * A finder of household IDs in text. An ID counts where it stands as a whole:
 * "HH-000001" is found in "户HH-000001，" and "x-HH-000001", not in
 * "HH-0000012" or "XHH-000001". Returns the IDs found (each once) and how many were too short
 * to look for.
 */
export function createIdFinder(ids: Iterable<string>): {
  find: (text: string) => string[];
  tooShort: number;
} {
  const set = new Set<string>();
  let tooShort = 0;
  for (const id of ids) {
    if (id.length < MIN_ID_LENGTH) tooShort++;
    else set.add(id);
  }
  if (set.size === 0) return { find: () => [], tooShort };
  const chars = new Set<string>();
  const lengths = new Set<number>();
  for (const id of set) {
    for (const ch of id) chars.add(ch);
    lengths.add(id.length);
  }
  const min = Math.min(...lengths);
  // The unicode flag only when an ID needs it: it makes the scan of a 35 MB wasm slower.
  const astral = [...chars].some((ch) => ch.length > 1);
  const runs = new RegExp(
    `[${[...chars].map(escapeClass).join('')}]{${min},}`,
    astral ? 'gu' : 'g',
  );
  const find = (text: string): string[] => {
    const found = new Set<string>();
    for (const m of text.matchAll(runs)) {
      const run = m[0];
      // The characters around the run, for runs cut short by a letter that no ID has.
      const before = text[m.index - 1];
      const after = text[m.index + run.length];
      // An ID starts after a separator (or where the run starts, not inside a longer code)…
      for (let start = 0; start <= run.length - min; start++) {
        if (isWordChar(start > 0 ? run[start - 1] : before)) continue;
        for (const length of lengths) {
          const end = start + length;
          // …and ends before one.
          if (end > run.length || isWordChar(end < run.length ? run[end] : after)) continue;
          const candidate = run.slice(start, end);
          if (set.has(candidate)) found.add(candidate);
        }
      }
    }
    return [...found];
  };
  return { find, tooShort };
}

/** Runs of at least 11 digits, maybe grouped by single spaces or hyphens (full-width too). */
const DIGIT_RUNS = /[0-9０-９](?:[ -]?[0-9０-９]){10,}[Xx]?/g;
const DIGIT = /[0-9０-９]/;

/**
 * The project's personal-data scan over a whole text, one digit run at a time
 * (the scanner is meant for cells; runs are bounded the same way there).
 *
 * Two kinds of run are not numbers someone wrote, so they are skipped: the
 * digits of a decimal number (`data-v="0.29783393501805056"` in a page: one
 * such fraction in ten passes the bank-card check), and, in a binary file,
 * runs of fewer than four different digits (`0000000000000000` in a wasm
 * table; no resident ID, mobile or card number looks like that).
 */
export function findPersonalDataInText(
  text: string,
  { binary = false }: { binary?: boolean } = {},
): PersonalDataFinding[] {
  const found = new Map<string, PersonalDataFinding>();
  for (const m of text.matchAll(DIGIT_RUNS)) {
    const run = m[0];
    const end = m.index + run.length;
    const isDot = (i: number) => text[i] === '.' || text[i] === '．';
    const isDigit = (i: number) => i >= 0 && DIGIT.test(text[i] ?? '');
    if (isDot(m.index - 1) && isDigit(m.index - 2)) continue;
    if (isDot(end) && isDigit(end + 1)) continue;
    if (binary && new Set(run.replace(/[^0-9０-９]/g, '')).size < 4) continue;
    // Digits inside a hex digest (SHA-256 sums, hashed file names) are not a number anyone has.
    const isHex = (i: number) => /[0-9a-f]/.test(text[i] ?? '');
    let lo = m.index;
    let hi = end;
    while (lo > 0 && isHex(lo - 1)) lo--;
    while (hi < text.length && isHex(hi)) hi++;
    if (hi - lo >= 32 && /[a-f]/.test(text.slice(lo, hi))) continue;
    for (const f of findPersonalData(run)) found.set(`${f.kind}:${f.masked}`, f);
  }
  return [...found.values()];
}
