/** Storing a batch: file ids, and a batch staged before DuckDB is there. */
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { parseExport } from '../ingest/parseExport';
import { stageExports, storeExport, storeExports, storeStaged } from './store';
import type { Database } from './database';

const exportOf = (name: string, text: string) => parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 });
const vertrek = (date: string, value: number) => exportOf(`vertrek_${date}.csv`, `week;Aantoonbaar vertrek\n2021-W01;${value}\n2021-W02;${value + 1}\n`);

/** Every stored row's file, with what it says: the same whichever way the batch went in. */
const stored = (db: Database) =>
  db.query(`SELECT f.file_id, f.name, o.week_start::VARCHAR AS week, o.value, c.header
            FROM files f JOIN observations o USING (file_id) JOIN file_columns c ON c.file_id = f.file_id AND c.metric = o.metric
            ORDER BY f.file_id, o.week_start`);

describe('file ids', () => {
  it('are given once, in order, and not again after a store that failed', async () => {
    const db = await openTestDatabase();
    expect(await storeExports(db, 'user', [{ parsed: vertrek('2021-01-11', 1), storeKey: null }, { parsed: vertrek('2021-01-18', 2), storeKey: null }])).toEqual([1, 2]);
    // DuckDB refuses the next batch (a table it writes to is gone): nothing of it is kept, and its id is not given again.
    await db.query('ALTER TABLE file_columns RENAME TO file_columns_away');
    await expect(storeExports(db, 'user', [{ parsed: vertrek('2021-01-25', 3), storeKey: null }])).rejects.toThrow(/file_columns/);
    await db.query('ALTER TABLE file_columns_away RENAME TO file_columns');
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM files')).toEqual([{ n: 2 }]);
    expect(await storeExport(db, 'user', vertrek('2021-02-01', 4))).toBe(4);
    expect((await db.query<{ file_id: number }>('SELECT file_id FROM files ORDER BY file_id')).map((r) => r.file_id)).toEqual([1, 2, 4]);
  }, 30_000);
});

describe('a batch staged before DuckDB is there', () => {
  it('stores every row under its own file, as a batch stored at once does', async () => {
    const batch = () => [
      { parsed: vertrek('2021-01-11', 10), storeKey: 7 },
      { parsed: vertrek('2021-01-18', 20), storeKey: null },
    ];
    const staged = await stageExports('user', batch());
    const later = await openTestDatabase();
    // Another file first: the batch's ids are given when it is stored, not when it was staged.
    await storeExport(later, 'user', vertrek('2021-01-04', 5));
    expect(await storeStaged(later, staged)).toEqual([2, 3]);
    const atOnce = await openTestDatabase();
    await storeExport(atOnce, 'user', vertrek('2021-01-04', 5));
    await storeExports(atOnce, 'user', batch());
    expect(await stored(later)).toEqual(await stored(atOnce));
    expect(await later.query('SELECT file_id, store_key FROM files ORDER BY file_id')).toEqual([
      { file_id: 1, store_key: null },
      { file_id: 2, store_key: 7 },
      { file_id: 3, store_key: null },
    ]);
  }, 30_000);
});
