/**
 * Turns the bytes of one input file into text. Excel on Chinese Windows saves
 * "CSV" as GB18030/GBK; "CSV UTF-8" adds a BOM; other tools write plain UTF-8.
 * Order matters: most UTF-8 Chinese also decodes as GB18030 (as mojibake), so
 * strict UTF-8 is tried first and GB18030 only when UTF-8 fails. `TextDecoder`
 * decodes both in Node 20 and 24 (`new TextDecoder('gb18030', { fatal: true })`).
 */

/** The encodings we accept, as reported to the user. */
export type TextEncodingName = 'UTF-8' | 'UTF-8 BOM' | 'GB18030';

export type DecodeResult =
  { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 (with or without BOM) or GB18030; anything else is refused with a reason. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(utf8, bytes.subarray(3));
    if (text !== null) return { ok: true, text, encoding: 'UTF-8 BOM' };
    return { ok: false, reason: '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, reason: `文件是 UTF-16 编码（Excel 的"Unicode 文本"）${SAVE_AS}` };
  // Text files never hold NUL; UTF-16 without a BOM has one in every ASCII character.
  if (bytes.includes(0))
    return {
      ok: false,
      reason: `文件含有 NUL 字节，可能是 UTF-16 编码或二进制文件（如 .xlsx）${SAVE_AS}`,
    };
  const text = tryDecode(utf8, bytes);
  if (text !== null) return { ok: true, text, encoding: 'UTF-8' };
  const gbText = tryDecode(gb18030, bytes);
  if (gbText !== null) return { ok: true, text: gbText, encoding: 'GB18030' };
  return { ok: false, reason: `文件既不是有效的 UTF-8，也不是有效的 GB18030/GBK 编码${SAVE_AS}` };
}

const SAVE_AS = '；请在 Excel 中"另存为" → "CSV UTF-8（逗号分隔）"或"CSV（逗号分隔）"';

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
