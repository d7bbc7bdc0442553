import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';

describe('the schema', () => {
  it('gives current_observations the columns of observation_versions without version_rank, which REFRESH_CURRENT copies', async () => {
    const db = await openTestDatabase();
    const columns = (relation: string) => db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${relation}`, []).then((rows) => rows.map((r) => `${r.column_name} ${r.column_type}`));
    const table = await columns('current_observations');
    expect(table).toEqual(await columns('(SELECT * EXCLUDE (version_rank) FROM observation_versions)'));
    expect(table.length).toBe(11);
  }, 30_000);
});
