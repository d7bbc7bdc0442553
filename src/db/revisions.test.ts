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
