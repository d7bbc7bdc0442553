/**
 * Small SQL helpers shared by the code that writes tables and the read queries: one way to quote
 * a text literal, one way to write a week or a day, and named parameters for long queries.
 */

/** A text value as a SQL string literal (single quotes doubled). */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A list of text values for `IN (...)`. */
export const sqlList = (values: readonly string[]) => (values.length ? values.map(sqlString).join(', ') : 'NULL');

/** A DATE column as its ISO week label, "2020-W27". */
export const ISO_WEEK = (column: string) => `strftime(${column}, '%G-W%V')`;
/** A DATE column as "YYYY-MM-DD". */
export const DAY = (column: string) => `strftime(${column}, '%Y-%m-%d')`;

/**
 * Turns `$name` placeholders into positional `?` and gives the values in their order, so a long
 * query's parameters are bound by name: reordering the SQL can never shift a value. A name used
 * twice is bound twice; a name without a value throws.
 */
export function bindNamed(sql: string, values: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const positional = sql.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`SQL parameter $${name} has no value`);
    params.push(values[name]);
    return '?';
  });
  return { sql: positional, params };
}
