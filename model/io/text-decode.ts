/**
 * Bytes of a text file (scenario JSON, census or inputs CSV) -> a string, by one rule for the CLI,
 * the Electron main process and the browser:
 *
 *   UTF-8                  decoded strictly; the first invalid byte is refused with its offset and line
 *   UTF-8 with a BOM       the BOM is dropped (Excel's "CSV UTF-8" writes one)
 *   UTF-16 with a BOM      decoded (Excel's "Unicode Text" and some HR systems write it), LE or BE
 *   UTF-16 without a BOM   refused, named: the byte order cannot be known for sure
 *   UTF-32                 refused, named
 *
 * Nothing is ever replaced by U+FFFD: a wrong byte means the file is not what it claims to be,
 * and a silently replaced character in a number or a name is a wrong answer.
 */

export type TextEncodingName = "UTF-8" | "UTF-16LE" | "UTF-16BE";

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; message: string };

const SAVE_AS = "save it as UTF-8 (in Excel: CSV UTF-8)";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Zero bytes at every other position of the first bytes: what UTF-16 text of Latin letters looks like. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros === 0) return "UTF-16LE";
  if (evenZeros >= pairs * 0.4 && oddZeros === 0) return "UTF-16BE";
  return undefined;
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode 15, table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    return { ok: false, message: `is UTF-32 text, which is not read; ${SAVE_AS}` };
  for (const [bom, encoding] of [
    [[0xff, 0xfe], "UTF-16LE"],
    [[0xfe, 0xff], "UTF-16BE"],
  ] as const) {
    if (!startsWith(bytes, bom)) continue;
    if (bytes.length % 2 !== 0) return { ok: false, message: `is ${encoding} text (byte-order mark) cut short: an odd number of bytes` };
    try {
      const text = new TextDecoder(encoding.toLowerCase(), { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text, encoding, bom: true };
    } catch {
      return { ok: false, message: `is ${encoding} text (byte-order mark) with an unpaired surrogate; ${SAVE_AS}` };
    }
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const start = bom ? 3 : 0;
  if (!bom) {
    const utf16 = looksLikeUtf16WithoutBom(bytes);
    if (utf16)
      return {
        ok: false,
        message: `looks like ${utf16} text without a byte-order mark (every other byte is zero), which is not read; ${SAVE_AS}`,
      };
  }
  const bad = firstInvalidUtf8(bytes, start);
  if (bad >= 0) {
    return {
      ok: false,
      message:
        `is not valid UTF-8: byte ${hex(bytes[bad]!)} at offset ${bad.toLocaleString("en-US")} (line ${lineOf(bytes, bad)}) ` +
        `is not part of a UTF-8 character (Latin-1 or Windows-1252 text?); ${SAVE_AS}`,
    };
  }
  return {
    ok: true,
    text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start)),
    encoding: "UTF-8",
    bom,
  };
}
