/**
 * Text measurement without a DOM: an estimate, on the generous side, so labels
 * never overlap. CJK and full-width characters count 1em; Latin letters and
 * digits about 0.6em; narrow punctuation less.
 */

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
// Digits are tabular (as wide as "0") in the fonts phones use, so "1" is not narrow.
const NARROW = /[\s.,:;'"!|()[\]{}ilI·]/u;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code > 0xffff) return 1; // supplementary-plane CJK (ext. B+) and emoji
  if (WIDE.test(ch)) return 1;
  if (NARROW.test(ch)) return 0.35;
  if (/[A-Z@%&mwMW—–]/.test(ch)) return 0.75;
  // DejaVu/Noto digits measure ~0.64em: round up so labels are never clipped.
  return 0.65;
}

/** Estimated width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

/** `text` shortened with "…" so it fits `maxWidth`; unchanged if it already fits. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ellipsis = fontSize; // "…" is full-width in CJK fonts
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch) * fontSize;
    if (w + cw + ellipsis > maxWidth) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * Breaks `text` into at most `maxLines` lines of `maxWidth`. Chinese may break
 * between any two characters; Latin text breaks at spaces where it can. The
 * last line is truncated with "…" if the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const tokens = text.match(/[A-Za-z0-9.,%+\-_/]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line === '' || textWidth(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines.map((l) => truncateText(l, maxWidth, fontSize));
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join('');
  kept[maxLines - 1] = truncateText(rest, maxWidth, fontSize);
  return kept;
}
