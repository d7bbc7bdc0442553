
export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: 'binary_file' };

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decoded(bytes.subarray(3), 'utf-8', 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(bytes.subarray(2), 'utf-16be', 'utf-16be');
  const sample = bytes.subarray(0, 4096);
  const zeros = sample.filter((b) => b === 0).length;
  if (zeros > 0) {
    // UTF-16 without a BOM has a zero in every other byte of ASCII text; anything else with zeros is binary.
    const oddZeros = sample.filter((b, i) => b === 0 && i % 2 === 1).length;
    if (oddZeros > sample.length * 0.4 && oddZeros === zeros) return decoded(bytes, 'utf-16le', 'utf-16le');
    return { ok: false, reason: 'binary_file' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return checked(decodeWindows1252(bytes), 'windows-1252');
  }
}

/** Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, quotes, dashes); Node's TextDecoder treats it as Latin-1. */
import type { TextEncodingName } from '../domain/parsedExport';
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
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

function checked(text: string, encoding: TextEncodingName): Decoded {
  // Control characters other than tab and line ends do not occur in a CSV export.
  const controls = (text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (controls > 0) return { ok: false, reason: 'binary_file' };
  return { ok: true, text, encoding };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
