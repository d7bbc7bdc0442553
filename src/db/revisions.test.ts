/** Which export is in force never depends on the order the files were loaded or restored in. */
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { parseExport } from '../ingest/parseExport';
import { storeExport } from './store';

const exportOf = (name: string, text: string) => parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 });

async function inForce(order: ReturnType<typeof exportOf>[]): Promise<{ value: number; file_name: string }[]> {
  const db = await openTestDatabase();
  for (const parsed of order) await storeExport(db, 'user', parsed);
  return db.query('SELECT value, file_name FROM current_observations ORDER BY week_start');
}

describe('exports with the same export date', () => {
  it('are ordered by file name, whichever was restored first', async () => {
    const a = exportOf('vertrek_2021-01-11_a.csv', 'week;Aantoonbaar vertrek\n2021-W01;100\n');
    const b = exportOf('vertrek_2021-01-11_b.csv', 'week;Aantoonbaar vertrek\n2021-W01;120\n');
    expect(await inForce([a, b])).toEqual([{ value: 120, file_name: 'vertrek_2021-01-11_b.csv' }]);
    expect(await inForce([b, a])).toEqual([{ value: 120, file_name: 'vertrek_2021-01-11_b.csv' }]);
  }, 30_000);

  it('with the same name too, by their content', async () => {
    const first = exportOf('vertrek_2021-01-11.csv', 'week;Aantoonbaar vertrek\n2021-W01;100\n');
    const second = exportOf('vertrek_2021-01-11.csv', 'week;Aantoonbaar vertrek\n2021-W01;120\n');
    expect(first.contentHash).not.toBe(second.contentHash);
    const [one] = await inForce([first, second]);
    const [other] = await inForce([second, first]);
    expect(one).toEqual(other);
  }, 30_000);
});

describe('the figure in force', () => {
  it('is, in every column, the newest version observation_versions ranks first: the export date before the name, the name before the content', async () => {
    const db = await openTestDatabase();
    const exports = [
      // Older, but later in the alphabet: the date wins.
      exportOf('zvertrek_2021-01-04.csv', 'week;Aantoonbaar vertrek;Dublinoverdrachten\n2020-W52;90;5\n2020-W53;91;6\n'),
      exportOf('vertrek_2021-01-11_a.csv', 'week;Aantoonbaar vertrek;Dublinoverdrachten\n2020-W52;100;5\n2020-W53;101;7\n2021-W01;102;8\n'),
      exportOf('vertrek_2021-01-11_b.csv', 'week;Aantoonbaar vertrek\n2020-W53;110\n2021-W01;102\n'),
      // Same name and date as the last, other content: the content hash decides.
      exportOf('vertrek_2021-01-11_b.csv', 'week;Aantoonbaar vertrek\n2020-W53;111\n'),
    ];
    for (const parsed of exports) await storeExport(db, 'user', parsed);
    const ranked = await db.query(
      `SELECT * EXCLUDE (version_rank) FROM observation_versions WHERE version_rank = 1 ORDER BY dataset, metric, week_start`,
    );
    const current = await db.query<{ value: number; file_name: string; versions: number; revised: boolean }>('SELECT * FROM current_observations ORDER BY dataset, metric, week_start');
    expect(current).toEqual(ranked);
    // Departures in 2020-W52: the newer date over the later name; in 2021-W01: the later name, with the same figure (not revised).
    expect(current.map((row) => [row.value, row.file_name, row.versions, row.revised])).toContainEqual([100, 'vertrek_2021-01-11_a.csv', 2, true]);
    expect(current.map((row) => [row.value, row.file_name, row.versions, row.revised])).toContainEqual([102, 'vertrek_2021-01-11_b.csv', 2, false]);
    expect(current).toHaveLength(6);
  }, 30_000);
});
