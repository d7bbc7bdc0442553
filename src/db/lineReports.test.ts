/** Line reports packed in the worker reach the table exactly as unpacked ones do. */
import { beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { parseExport } from '../ingest/parseExport';
import { packLineReports } from '../ingest/lineReportsCsv';
import { storeExport } from './store';
import type { Database } from './database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

it('stores packed line reports like unpacked ones, quotes, tabs and all', async () => {
  const text = 'Titel "export"\nweek;Telehoren\n2020-W27;12\n2020-W28;"x;\ty"\n\n2020-W29;-4\n';
  const parsed = parseExport({ name: 'tele_2020-09-14.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });
  const packed = packLineReports(parsed);
  expect(packed.rejected).toEqual([]);
  const [plain, viaCsv] = [await storeExport(db, 'user', parsed), await storeExport(db, 'user', packed)];
  const lines = (id: number) => db.query('SELECT line, outcome, raw, reason FROM line_reports WHERE file_id = ? ORDER BY line, outcome', [id]);
  expect(await lines(viaCsv)).toEqual(await lines(plain));
  expect((await lines(plain)).length).toBe(4);
  const counts = (id: number) => db.query('SELECT rows_rejected, rows_skipped FROM files WHERE file_id = ?', [id]);
  expect(await counts(viaCsv)).toEqual(await counts(plain));
}, 30_000);
