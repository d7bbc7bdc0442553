import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';

describe('Database.transaction', () => {
  it('rolls a failed transaction back and rethrows its error', async () => {
    const db = await openTestDatabase();
    await db.query('CREATE TABLE t (x INTEGER)');
    await expect(
      db.transaction(async (sql) => {
        await sql.run('INSERT INTO t VALUES (1)', []);
        await sql.run('SELECT * FROM no_such_table', []);
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('keeps the original error when the ROLLBACK fails too, and the next work still runs', async () => {
    const db = await openTestDatabase();
    // The transaction is already over when the work fails, so DuckDB refuses the ROLLBACK.
    const failure = db.transaction(async (sql) => {
      await sql.run('COMMIT', []);
      throw new Error('the original failure');
    });
    await expect(failure).rejects.toThrow(/^the original failure \(ROLLBACK failed too: .*transaction/);
    expect(await db.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
  });
});
