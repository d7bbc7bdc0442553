/**
 * A case-level export is a snapshot of its scope: a newer export of the same scope replaces the
 * earlier ones whole (a case it no longer lists is no longer open), another scope adds up.
 */
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { dataLinesAfter, sniffCaseLayout } from '../ingest/caseExport';
import { exportDateOf } from '../ingest/exportDate';
import { defaultCaseScope } from '../domain/caseExport';
import { fileReports } from '../metrics/queries';
import type { Database } from './database';
import { setCaseScope, storeCaseExport } from './caseStore';
import { removeFile } from './store';

async function store(db: Database, name: string, rows: string[]): Promise<number> {
  const bytes = new TextEncoder().encode(['zaak;ontvangen;besluit', ...rows].join('\n') + '\n');
  const layout = sniffCaseLayout(bytes)!;
  return storeCaseExport(db, 'user', { kind: 'cases', name, sizeBytes: bytes.length, exportDate: exportDateOf(name, 0), bytes, layout, dataLines: dataLinesAfter(bytes, layout.headerLine) }, null);
}

const openCases = async (db: Database) => (await db.query<{ open: number }>("SELECT CAST(coalesce(sum(cases), 0) AS INTEGER) AS open FROM case_groups WHERE dataset = 'user' AND decided_week IS NULL"))[0].open;

describe('case-level snapshots', () => {
  it('take the scope from the file name without its date', () => {
    expect(defaultCaseScope('IND_nareis_zaken_regio_zuid_2022-01-10.csv')).toBe('ind_nareis_zaken_regio_zuid');
    expect(defaultCaseScope('zaken 10-01-2022.CSV')).toBe('zaken');
    expect(defaultCaseScope('zaken_20220110.csv')).toBe('zaken');
  });

  it('let a newer export of the same scope replace the earlier one: a case decided in between is no longer open', async () => {
    const db = await openTestDatabase();
    // January: A and B open. February: an export of open cases; A was decided in between and is not listed.
    await store(db, 'open_zaken_zuid_2021-01-10.csv', ['A;2020-11-02;', 'B;2020-12-01;']);
    expect(await openCases(db)).toBe(2);
    const february = await store(db, 'open_zaken_zuid_2021-02-10.csv', ['B;2020-12-01;', 'C;2021-02-01;']);
    expect(await openCases(db)).toBe(2); // B and C, not A
    // Another region adds its cases.
    const north = await store(db, 'open_zaken_noord_2021-02-10.csv', ['N1;2021-01-05;']);
    expect(await openCases(db)).toBe(3);

    const reports = await fileReports(db, 'user');
    const of = (name: string) => reports.find((r) => r.name === name)!;
    expect(of('open_zaken_zuid_2021-01-10.csv')).toMatchObject({ caseScope: 'open_zaken_zuid', replacedBy: 'open_zaken_zuid_2021-02-10.csv', replaces: [] });
    expect(of('open_zaken_zuid_2021-02-10.csv')).toMatchObject({ replacedBy: null, replaces: ['open_zaken_zuid_2021-01-10.csv'] });
    expect(of('open_zaken_noord_2021-02-10.csv')).toMatchObject({ caseScope: 'open_zaken_noord', replacedBy: null, replaces: [] });

    // The user says north is an export of the same scope as south: on the same export date the
    // name decides (EXPORT_ORDER), so south's February export stays in force and north counts no more.
    await setCaseScope(db, north, 'open_zaken_zuid');
    expect(await openCases(db)).toBe(2);
    expect((await fileReports(db, 'user')).find((r) => r.fileId === north)).toMatchObject({ replacedBy: 'open_zaken_zuid_2021-02-10.csv' });
    // Removing the export in force brings the next newest of the scope back into force.
    await removeFile(db, february);
    expect(await openCases(db)).toBe(1);
    await removeFile(db, north);
    expect(await openCases(db)).toBe(2);
  }, 60_000);
});
