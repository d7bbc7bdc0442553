/**
 * Looks at a workbook's container before any workbook library touches it: an .xlsx/.xlsm/.ods is
 * a zip, a password-protected .xlsx is an encrypted OLE compound file. A zip is checked entry by
 * entry against the sizes its central directory declares, inflating with a cap, so a zip bomb is
 * refused before it can fill the tab's memory or keep the worker busy.
 */
import type { FileProblem } from '../domain/reasons';

/** Unpacked, a workbook of weekly figures is a few megabytes; 50,000 rows by 20 columns is about 60 MB of XML. */
export const MAX_WORKBOOK_UNPACKED = 200 * 2 ** 20;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Container = 'zip' | 'ole';

/** The container a file's first bytes announce, or null for anything else (text, images). */
export function workbookContainer(bytes: Uint8Array): Container | null {
  if (bytes.length >= 4 && view(bytes).getUint32(0, true) === ZIP_LOCAL) return 'zip';
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'ole';
  return null;
}

/**
 * An OLE compound file is either a legacy .xls or, holding "EncryptionInfo" and "EncryptedPackage"
 * streams, an .xlsx that Excel encrypted with a password. Directory entry names are UTF-16.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = utf16('EncryptedPackage');
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
}

/**
 * Checks a zip and returns the bytes to hand the workbook library: a copy in which every local
 * header states its entry's checked size, so the library's own inflater stops there too. A
 * problem when the zip is damaged, declares more than the limit, or an entry inflates past what
 * it declares.
 */
export async function checkedZip(bytes: Uint8Array, maxUnpacked = MAX_WORKBOOK_UNPACKED): Promise<{ bytes: Uint8Array } | { problem: FileProblem }> {
  const entries = centralDirectory(bytes);
  if (typeof entries === 'string') return { problem: { code: 'workbook_unreadable', message: entries } };
  const declared = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (declared > maxUnpacked) return { problem: { code: 'workbook_too_large_unpacked', bytes: declared, max: maxUnpacked } };
  const out = bytes.slice();
  const data = view(out);
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || data.getUint32(at, true) !== ZIP_LOCAL) return { problem: { code: 'workbook_unreadable', message: `zip: ${entry.name}` } };
    const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
    if (start + entry.compressed > bytes.length) return { problem: { code: 'workbook_unreadable', message: `zip: ${entry.name}` } };
    if (entry.method === 8) {
      const inflated = await inflatedSize(bytes.subarray(start, start + entry.compressed), entry.unpacked);
      if (inflated === 'corrupt') return { problem: { code: 'workbook_unreadable', message: `zip: ${entry.name}` } };
      // An entry that inflates past what it declares is a bomb in disguise: measure how far, up to the limit.
      if (inflated !== entry.unpacked) {
        const actual = inflated > entry.unpacked ? await inflatedSize(bytes.subarray(start, start + entry.compressed), maxUnpacked) : inflated;
        if (actual === 'corrupt' || actual <= entry.unpacked) return { problem: { code: 'workbook_unreadable', message: `zip: ${entry.name}` } };
        return { problem: { code: 'workbook_too_large_unpacked', bytes: declared - entry.unpacked + actual, max: maxUnpacked } };
      }
    } else if (entry.method !== 0) return { problem: { code: 'workbook_unreadable', message: `zip: ${entry.name}` } };
    data.setUint32(at + 18, entry.compressed, true);
    data.setUint32(at + 22, entry.unpacked, true);
  }
  return { bytes: out };
}

/** The central directory's entries, or why it cannot be read. Zip64 is not needed by any workbook of weekly figures. */
function centralDirectory(bytes: Uint8Array): ZipEntry[] | string {
  const data = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (data.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'zip: no central directory (the file is cut short or damaged)';
  const count = data.getUint16(end + 10, true);
  const offset = data.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64';
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== ZIP_CENTRAL) return 'zip: damaged central directory';
    const flags = data.getUint16(at + 8, true);
    const nameLength = data.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      compressed: data.getUint32(at + 20, true),
      unpacked: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
    };
    if (flags & 0x1) return 'zip: encrypted entries';
    if (entry.compressed === 0xffffffff || entry.unpacked === 0xffffffff || entry.localOffset === 0xffffffff) return 'zip64';
    entries.push(entry);
    at += 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
  }
  return entries;
}

/** How many bytes raw deflate data inflates to, stopping once past `cap`; 'corrupt' if it is not valid deflate. */
async function inflatedSize(compressed: Uint8Array, cap: number): Promise<number | 'corrupt'> {
  const stream = new Blob([compressed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.length;
      if (total > cap) {
        await reader.cancel();
        return total;
      }
    }
  } catch {
    return 'corrupt';
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function utf16(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}
