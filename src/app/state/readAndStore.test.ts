import { describe, expect, it } from 'vitest';
import { MAX_CASE_BYTES, MAX_WEEKLY_BYTES, UNDERWAY_BYTES, readExport, sizeProblem, storeParsedExports } from './readAndStore';
import { openTestDatabase } from '../../../tests/support/nodeDuckdb';
import { parseExport } from '../../ingest/parseExport';
import type { Database } from '../../db/database';
import type { CaseExport } from '../../domain/caseExport';
import type { CaseExportUnderway } from '../../db/caseStore';

const head = (text: string) => async () => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('sizeProblem', () => {
  it('lets any file up to the weekly limit through without looking at it', async () => {
    expect(await sizeProblem({ size: MAX_WEEKLY_BYTES })).toBeNull();
  });

  it('refuses a larger file unless its header makes it a case-level export, and those up to their own limit', async () => {
    expect(await sizeProblem({ size: 300 * 2 ** 20, head: head('week;Telehoren\n2020-W01;5\n') })).toEqual({ code: 'too_large', bytes: 300 * 2 ** 20, max: MAX_WEEKLY_BYTES, caseLevel: false });
    const cases = head('zaak;ontvangen;besluit\nA;2020-01-01;\n');
    expect(await sizeProblem({ size: 60 * 2 ** 20, head: cases })).toBeNull();
    expect(await sizeProblem({ size: MAX_CASE_BYTES + 1, head: cases })).toMatchObject({ code: 'too_large', max: MAX_CASE_BYTES, caseLevel: true });
  });
});

describe('readExport', () => {
  const header = 'zaak;ontvangen;besluit\n';
  const source = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return { name: 'zaken_2021-01-31.csv', lastModified: 0, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer, blob: new Blob([bytes]) };
  };
  const caseRows = (n: number) => Array.from({ length: n }, (_, i) => `Z${i};2020-01-06;\n`).join('');

  it('hands a large case-level export whose first lines look plain on at once, the file itself and not its bytes, while the reader checks it all', async () => {
    const text = `Overzicht\n${header}${caseRows(UNDERWAY_BYTES / 10)}`;
    const file = source(text);
    let given: { bytes: Uint8Array; blob?: Blob } | null = null;
    let finish = (_: CaseExport) => {};
    const read = await readExport({ ...file, arrayBuffer: () => Promise.reject(new Error('the page read the whole file')) }, () => {}, (input) => {
      given = input;
      return new Promise((resolve) => (finish = resolve));
    });
    expect(read).toMatchObject({ kind: 'cases', reading: { newLine: '\n', padded: false, markers: false, typedDates: true }, layout: { headerLine: 2 } });
    const underway = read as CaseExportUnderway;
    // DuckDB and the reader read the same File.
    expect(underway.source).toBe(file.blob);
    expect(given!.blob).toBe(file.blob);
    expect(given!.bytes.length).toBe(0);
    const checked = { kind: 'cases' } as CaseExport;
    finish(checked);
    expect(await underway.checked).toBe(checked);
  });

  it('waits for the reader for a small case-level export, and for one whose first lines are not plain', async () => {
    const answer = { kind: 'cases' } as CaseExport;
    const parse = async () => answer;
    expect(await readExport(source(`${header}${caseRows(100)}`), () => {}, parse)).toBe(answer);
    expect(await readExport(source(`${header}Z;2020-01-06;\r\n${caseRows(UNDERWAY_BYTES / 10)}`), () => {}, parse)).toBe(answer);
    // Nor without the file itself (a bundled file): the reader is given its bytes.
    const { blob: _, ...fetched } = source(`${header}${caseRows(UNDERWAY_BYTES / 10)}`);
    expect(await readExport(fetched, () => {}, parse)).toBe(answer);
  });
});

describe('storeParsedExports', () => {
  const vertrek = (date: string, value: number) => parseExport({ name: `vertrek_${date}.csv`, bytes: new TextEncoder().encode(`week;Aantoonbaar vertrek\n2021-W01;${value}\n2021-W02;${value + 1}\n`), lastModified: 0 });

  it('is stored file by file when a file cannot be staged, once DuckDB is there', async () => {
    let start: (db: Database) => void = () => {};
    const engine = new Promise<Database>((resolve) => (start = resolve));
    // A period the app never writes: staging the batch fails on it (as a reader's bug would).
    const odd = { ...vertrek('2021-01-18', 20), periodObservations: [{ line: 9, metric: 'departures', dimensions: [], grain: 'month' as const, period: 'spring', value: 1 }] };
    const storing = storeParsedExports(engine, 'user', [
      { file: vertrek('2021-01-11', 10), storeKey: 1, onProgress: () => {} },
      { file: odd, storeKey: Promise.resolve(2), onProgress: () => {} },
    ]);
    const db = await openTestDatabase();
    start(db);
    await storing;
    // The good file is stored whole; the other is listed, with why, and none of its rows.
    expect(await db.query('SELECT name, store_key, rows_loaded, problem IS NOT NULL AS refused FROM files ORDER BY file_id')).toEqual([
      { name: 'vertrek_2021-01-11.csv', store_key: 1, rows_loaded: 2, refused: false },
      { name: 'vertrek_2021-01-18.csv', store_key: 2, rows_loaded: 0, refused: true },
    ]);
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM observations')).toEqual([{ n: 2 }]);
  }, 30_000);
});
