/**
 * A large case-level export goes to DuckDB before the parse worker has checked it (under way):
 * DuckDB reads it as its first lines promise, and the store keeps that reading only when the whole
 * file's scan agrees. Whatever the rest of the file holds, the result must be what the
 * line-by-line reader gives for the same rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { readCaseExport, sniffCaseLayout } from '../ingest/caseExport';
import { scanPlainHead } from '../ingest/casePlain';
import type { CaseExport, PlainReading } from '../domain/caseExport';
import { readCaseGroups, readingFits, storeCaseExport, type CaseExportUnderway } from './caseStore';
import { removeFile } from './store';
import type { Database } from './database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

const NAME = 'nareis_zaken_2020-06-01.csv';
const HEADER = 'Zaaknummer;Id;Datum ontvangst;Besluitdatum;Soort gehoor;Nationaliteit;Uitkomst;Opmerking';
// More than the 64 KB the page looks at: plain, unpadded, real dates, no empty-cell markers.
const FIRST = Array.from({ length: 3000 }, (_, i) => `F${String(i).padStart(5, '0')};${i};2020-01-${String((i % 28) + 1).padStart(2, '0')};2020-02-03;video;Syrië;;`);
// What may come after them.
const LATER = {
  clean: ['Z1;1;2020-03-15;;video;Syrië;;', 'Z2;2;2020-03-16;2020-04-20;fysiek;"Eritrea; Noord";inwilliging;"zei ""ja"""', 'Z3;3;2020-03-17;2020-03-10;;;;', 'Z1;4;2020-03-18;;;;;', 'Z7;9;1920-03-20;;;;;', ';;'],
  'a date that is none': ['Z4;5;2020-02-30;;;;;', 'Z8;10;2020-03-20;2020-13-01;;;;'],
  // Outside the date columns: the dates still read as dates, so only the scan can tell.
  'empty-cell markers': ['Z9;11;2020-03-21;;(leeg);NULL;;'],
  'spaces around a field': ['  Z10 ;14;2020-03-23;2020-03-23;  video  ;;;'],
};

function underway(text: string, checked?: Promise<CaseExport>, lineFeeds = true): CaseExportUnderway {
  const bytes = new TextEncoder().encode(text);
  const layout = sniffCaseLayout(bytes)!;
  const head = scanPlainHead(bytes, layout)!;
  if (lineFeeds) expect(head.reading).toEqual({ newLine: '\n', padded: false, markers: false, typedDates: true });
  const whole = readCaseExport({ name: NAME, bytes: bytes.slice(), lastModified: 0 }, layout);
  return { kind: 'cases', name: NAME, sizeBytes: bytes.length, exportDate: whole.exportDate, layout, source: new Blob([bytes]), reading: head.reading, checked: checked ?? Promise.resolve(whole) };
}

async function stored(file: CaseExport | CaseExportUnderway) {
  const id = await storeCaseExport(db, 'user', file, Promise.resolve(7));
  const [counts] = await db.query('SELECT data_lines, rows_loaded, rows_rejected, rows_skipped, problem, warnings, encoding, store_key FROM files WHERE file_id = ?', [id]);
  const cases = await db.query('SELECT line, case_id, received, decided, hearing, outcome, nationality FROM cases WHERE file_id = ? ORDER BY line', [id]);
  const reports = await db.query('SELECT line, outcome, raw, reason FROM line_reports WHERE file_id = ? ORDER BY line', [id]);
  const groups = await readCaseGroups(db, 'user', (sql) => sql.run("SELECT received, decided_week, cases FROM case_groups WHERE dataset = 'user' ORDER BY ALL", []));
  await removeFile(db, id);
  return { counts, cases, reports, groups };
}

describe('a case-level export under way', () => {
  it.each(Object.entries(LATER))('gives what the line-by-line reader gives when its later lines hold %s', async (_, later) => {
    const text = `${[HEADER, ...FIRST, ...later].join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    const reference = await stored(readCaseExport({ name: NAME, bytes, lastModified: 0 }, sniffCaseLayout(bytes)!, undefined, { lineByLine: true }));
    expect(reference.counts).toMatchObject({ data_lines: FIRST.length + later.length, store_key: 7 });
    expect(await stored(underway(text))).toEqual(reference);
    // As the worker answers when it read the file from its Blob: a plain file's bytes are with DuckDB already.
    const whole = await underway(text).checked;
    expect(await stored(underway(text, Promise.resolve(whole.plain ? { ...whole, rows: new Uint8Array(0) } : whole)))).toEqual(reference);
  }, 60_000);

  it('is read from the whole file, lines before the header skipped, with the lines and rejected text of the line-by-line reader', async () => {
    // DuckDB reads the File from its first line: a BOM, a title and empty lines come before the header.
    for (const text of [`\ufeffOverzicht zaken\n\n\n${[HEADER, ...FIRST, ...LATER.clean].join('\n')}\n`, `Overzicht\r\n\r\n${[HEADER, ...FIRST, ...LATER.clean].join('\r\n')}\r\n`]) {
      const bytes = new TextEncoder().encode(text);
      const file = underway(text, undefined, false);
      expect(file.layout.headerLine).toBeGreaterThan(1);
      const reference = await stored(readCaseExport({ name: NAME, bytes, lastModified: 0 }, sniffCaseLayout(bytes)!, undefined, { lineByLine: true }));
      expect(reference.reports.filter((r) => r.outcome === 'rejected').length).toBeGreaterThan(2);
      expect(await stored(file)).toEqual(reference);
    }
  }, 60_000);

  it('is read line by line when a later line breaks what plain means (a second line-ending style)', async () => {
    const text = `${[HEADER, ...FIRST].join('\n')}\n${LATER.clean.join('\r\n')}\r\n`;
    const file = underway(text);
    expect((await file.checked).plain).toBeUndefined();
    const bytes = new TextEncoder().encode(text);
    expect(await stored(file)).toEqual(await stored(readCaseExport({ name: NAME, bytes, lastModified: 0 }, sniffCaseLayout(bytes)!, undefined, { lineByLine: true })));
  }, 60_000);

  it('leaves nothing behind when the worker fails: no table, no file, no cases', async () => {
    const tables = async () => (await db.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'case_rows_%' ORDER BY 1")).map((t) => t.name);
    const before = { tables: await tables(), files: await db.query('SELECT file_id FROM files') };
    const failed = Promise.reject(new Error('the reader stopped'));
    await expect(storeCaseExport(db, 'user', underway(`${[HEADER, ...FIRST].join('\n')}\n`, failed), null)).rejects.toThrow('the reader stopped');
    expect({ tables: await tables(), files: await db.query('SELECT file_id FROM files') }).toEqual(before);
  }, 60_000);
});

describe('readingFits', () => {
  const reading: PlainReading = { newLine: '\n', padded: false, markers: false, typedDates: true };
  it('keeps a reading that does at least what the whole file needs', () => {
    expect(readingFits(reading, reading)).toBe(true);
    expect(readingFits({ ...reading, padded: true, markers: true, typedDates: false }, reading)).toBe(true);
  });
  it('refuses one that skips trimming, empty-cell markers or dates as text the file needs, or splits lines otherwise', () => {
    expect(readingFits(reading, { ...reading, padded: true })).toBe(false);
    expect(readingFits(reading, { ...reading, markers: true })).toBe(false);
    expect(readingFits(reading, { ...reading, typedDates: false })).toBe(false);
    expect(readingFits(reading, { ...reading, newLine: '\r\n' })).toBe(false);
  });
});
