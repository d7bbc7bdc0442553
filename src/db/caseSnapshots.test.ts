/**
 * A case-level export is a snapshot of its scope: a newer export of the same scope replaces the
 * earlier ones whole (a case it no longer lists is no longer open), another scope adds up.
 */
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { readCaseExport, sniffCaseLayout } from '../ingest/caseExport';
import { defaultCaseScope } from '../domain/caseExport';
import { fileReports } from '../metrics/queries';
import type { Database } from './database';
import { readCaseGroups, setCaseScope, storeCaseExport } from './caseStore';
import { backlogSources } from '../metrics/backlog';
import { removeFile } from './store';

async function store(db: Database, name: string, rows: string[]): Promise<number> {
  const bytes = new TextEncoder().encode(['zaak;ontvangen;besluit', ...rows].join('\n') + '\n');
  const layout = sniffCaseLayout(bytes)!;
  return storeCaseExport(db, 'user', readCaseExport({ name, bytes, lastModified: 0 }, layout), null);
}

const groups = (db: Database) => db.query("SELECT received, decided_week, cases FROM case_groups WHERE dataset = 'user' ORDER BY ALL");
/** The open cases as the backlog reads them: case_groups, built first if a change left them to be built. */
async function openCases(db: Database): Promise<number> {
  const [row] = await readCaseGroups(db, 'user', (sql) => sql.run("SELECT CAST(coalesce(sum(cases), 0) AS INTEGER) AS open FROM case_groups WHERE dataset = 'user' AND decided_week IS NULL", []));
  return row.open as number;
}

describe('case-level snapshots', () => {
  it('take the scope from the file name without its date', () => {
    expect(defaultCaseScope('IND_nareis_zaken_regio_zuid_2022-01-10.csv')).toBe('ind_nareis_zaken_regio_zuid');
    expect(defaultCaseScope('zaken 10-01-2022.CSV')).toBe('zaken');
    expect(defaultCaseScope('zaken_20220110.csv')).toBe('zaken');
  });

  it('are grouped for the backlog when it first reads them, not while a file is stored, and again after every change', async () => {
    const db = await openTestDatabase();
    await store(db, 'zaken_zuid_2021-01-10.csv', ['A;2020-11-02;', 'B;2020-12-01;2021-01-05', 'C;2020-12-02;2021-01-06']);
    // Stored: the cases are in, their groups not yet.
    expect(await groups(db)).toEqual([]);
    // The backlog's first query builds them, once.
    expect(await backlogSources(db, 'user')).toEqual(['cases']);
    const built = await groups(db);
    expect(built).toEqual([
      { received: Date.UTC(2020, 10, 2), decided_week: null, cases: 1 },
      { received: Date.UTC(2020, 11, 1), decided_week: Date.UTC(2021, 0, 4), cases: 1 },
      { received: Date.UTC(2020, 11, 2), decided_week: Date.UTC(2021, 0, 4), cases: 1 },
    ]);
    // Read again: not built again, the same groups.
    expect(await readCaseGroups(db, 'user', (sql) => sql.run("SELECT received, decided_week, cases FROM case_groups WHERE dataset = 'user' ORDER BY ALL", []))).toEqual(built);
    // A newer export of the scope: emptied, and built from it when next read.
    const newer = await store(db, 'zaken_zuid_2021-02-10.csv', ['A;2020-11-02;2021-02-01']);
    expect(await groups(db)).toEqual([]);
    expect(await openCases(db)).toBe(0);
    await removeFile(db, newer);
    expect(await openCases(db)).toBe(1);
  }, 60_000);

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
