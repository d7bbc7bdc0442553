import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { bindNamed, sqlList, sqlString } from './sql';

describe('bindNamed', () => {
  it('binds by name in any order, a name used twice twice', async () => {
    const db = await openTestDatabase();
    const { sql, params } = bindNamed('SELECT CAST($b AS INTEGER) AS b, CAST($a AS VARCHAR) AS a, CAST($b AS INTEGER) + 1 AS c', { a: 'x', b: 2 });
    expect(params).toEqual([2, 'x', 2]);
    expect(await db.query(sql, params)).toEqual([{ b: 2, a: 'x', c: 3 }]);
  });

  it('throws on a name without a value', () => {
    expect(() => bindNamed('SELECT $missing', {})).toThrow(/\$missing/);
  });
});

describe('quoting', () => {
  it('doubles quotes, so a quote in a value cannot end the literal', async () => {
    const db = await openTestDatabase();
    expect(await db.query(`SELECT ${sqlString("O'Brien")} AS v`)).toEqual([{ v: "O'Brien" }]);
    expect(await db.query(`SELECT count(*) AS n FROM (VALUES ('a'), ('b''c')) t(x) WHERE x IN (${sqlList(['a', "b'c"])})`)).toEqual([{ n: 2 }]);
  });
});
