/**
 * Turns a file's bytes into text. Dutch Excel writes Windows-1252 for "CSV (gescheiden door
 * lijstscheidingsteken)", UTF-8 with a BOM for "CSV UTF-8", and UTF-16 for "Unicode-tekst".
 * A file is read in the encoding most of it is in: one stray byte does not turn a UTF-8 file
 * into Windows-1252 (which would garble every accent); the stray byte's line is reported.
 */
import type { TextEncodingName } from '../domain/parsedExport';
import type { FileWarning } from '../domain/reasons';

export type Decoded = { ok: true; text: string; encoding: TextEncodingName; warnings?: FileWarning[] } | { ok: false; reason: 'binary_file' };

/** Workbooks, archives, images and PDFs, by their first bytes. */
const MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip (xlsx, docx)
  [0xd0, 0xcf, 0x11, 0xe0], // old Office (xls)
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(bytes.subarray(2), 'utf-16be', 'utf-16be');
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return { ok: false, reason: 'binary_file' };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => b === 0 && (i % 2 === 0 ? evenZeros++ : oddZeros++));
  // UTF-16 without a BOM has a zero in every other byte of ASCII text: after it (little-endian) or before it (big-endian).
  if (oddZeros > sample.length * 0.4 && evenZeros <= oddZeros / 100) return decoded(bytes, 'utf-16le', 'utf-16le');
  if (evenZeros > sample.length * 0.4 && oddZeros <= evenZeros / 100) return decoded(bytes, 'utf-16be', 'utf-16be');
  return utf8(bytes, 'utf-8');
}

function utf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): Decoded {
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding);
  } catch {
    const mixed = utf8WithStrayBytes(bytes);
    if (mixed) return checked(mixed.text, encoding, [{ code: 'encoding_repaired', encoding: 'utf-8', lines: mixed.lines, count: mixed.count }]);
    return checked(decodeWindows1252(bytes), 'windows-1252');
  }
}

/**
 * A file mostly in UTF-8 with a few bytes that are not: each stray byte read as Windows-1252
 * (the likeliest source: one cell pasted from an older file), and the lines they are on. Null
 * when most non-ASCII text is not UTF-8: then the file is Windows-1252.
 */
function utf8WithStrayBytes(bytes: Uint8Array): { text: string; lines: number[]; count: number } | null {
  const decoder = new TextDecoder('utf-8');
  let valid = 0;
  const stray: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      valid++;
      i += length;
    } else {
      stray.push(i);
      i++;
    }
  }
  if (valid < stray.length) return null;
  let text = '';
  let from = 0;
  for (const at of stray) {
    text += decoder.decode(bytes.subarray(from, at)) + decodeWindows1252(bytes.subarray(at, at + 1));
    from = at + 1;
  }
  text += decoder.decode(bytes.subarray(from));
  return { text, lines: [...new Set(stray.map((at) => lineAt(bytes, at)))].slice(0, 100), count: stray.length };
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0. */
export function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [low, high] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The 1-based line of byte `at`: every CRLF, LF or lone CR before it ends a line. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  }
  return line;
}

/** Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, quotes, dashes); Node's TextDecoder treats it as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return text;
}

function decoded(bytes: Uint8Array, label: string, encoding: TextEncodingName): Decoded {
  return checked(new TextDecoder(label).decode(bytes), encoding);
}

/**
 * Control characters other than tab and line ends do not occur in a CSV export: many of them
 * make a binary file; a stray one (a NUL from a faulty export) is kept, and its cell is read,
 * or rejected, like any other, with the line named in a warning.
 */
function checked(text: string, encoding: TextEncodingName, warnings: FileWarning[] = []): Decoded {
  const head = text.slice(0, 4096);
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > Math.max(2, head.length / 100)) return { ok: false, reason: 'binary_file' };
  if (controls > 0) warnings = [...warnings, { code: 'control_characters', lines: controlLines(text) }];
  return warnings.length > 0 ? { ok: true, text, encoding, warnings } : { ok: true, text, encoding };
}

function controlLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => /[\u0000-\u0008\u000e-\u001f]/.test(line) && lines.length < 100 && lines.push(i + 1));
  return lines;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
