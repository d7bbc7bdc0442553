import { describe, expect, it } from 'vitest';
import { decodeBytes } from './encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1252 bytes for the Latin-1 range, as Dutch Excel writes them. */
function cp1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
}

describe('encoding detection', () => {
  it('reads plain UTF-8', () => {
    expect(decodeBytes(utf8('week;Gehoren fysiek\n'))).toEqual({ ok: true, text: 'week;Gehoren fysiek\n', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('week;Telehoren')]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: 'week;Telehoren', encoding: 'utf-8-bom' });
  });

  it('recognises Windows-1252 by its accented letters and euro sign', () => {
    const decoded = decodeBytes(cp1252('Categorie;Aantal\nPrioriteit één;12\nKosten € ‘–’;3\n'));
    expect(decoded).toEqual({ ok: true, text: 'Categorie;Aantal\nPrioriteit één;12\nKosten € ‘–’;3\n', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with and without a byte order mark', () => {
    const text = 'week\tTelehoren\r\n2020-W27\t240\r\n';
    const le = new Uint8Array(text.length * 2);
    [...text].forEach((c, i) => (le[i * 2] = c.charCodeAt(0)));
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeBytes(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses a PNG renamed to .csv', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(decodeBytes(png)).toEqual({ ok: false, reason: 'binary_file' });
  });
});

describe('files that are not quite one encoding', () => {
  it('reads a UTF-8 file with one stray Windows-1252 byte as UTF-8, naming the line', () => {
    const bytes = new Uint8Array([...utf8('Categorie;Aantal\nPrioriteit één – hoog;12\nCaf'), 0xe9, ...utf8(';3\nKosten € ‘x’;4\n')]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', warnings: [{ code: 'encoding_repaired', lines: [3], count: 1 }] });
    if (decoded.ok) expect(decoded.text).toBe('Categorie;Aantal\nPrioriteit één – hoog;12\nCafé;3\nKosten € ‘x’;4\n');
  });

  it('reads UTF-16 big-endian without a byte order mark', () => {
    const text = 'week\tTelehoren\r\n2020-W27\t240\r\n';
    const be = new Uint8Array(text.length * 2);
    [...text].forEach((c, i) => (be[i * 2 + 1] = c.charCodeAt(0)));
    expect(decodeBytes(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('keeps a file with one NUL byte, naming its line', () => {
    const decoded = decodeBytes(utf8('week;Telehoren\n2020-W27;24\u00000\n2020-W28;31\n'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', warnings: [{ code: 'control_characters', lines: [2] }] });
  });

  it('refuses a workbook renamed to .csv', () => {
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))).toEqual({ ok: false, reason: 'binary_file' });
  });
});
