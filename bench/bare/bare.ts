/**
 * The yardstick: a page that only starts the same DuckDB-WASM bundle the app uses and answers
 * SELECT 1, and can read a CSV with DuckDB's own reader. Built by the benchmark, never shipped.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

declare global {
  interface Window {
    bareReady?: number;
    bareReadCsv?: (url: string) => Promise<number>;
    bareWeeklyQuery?: () => Promise<number>;
  }
}

const duckdb = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
await duckdb.instantiate(wasmUrl);
await duckdb.open({ query: { castBigIntToDouble: true } });
const connection = await duckdb.connect();
await connection.query('SELECT 1');
window.bareReady = performance.now();
document.getElementById('result')!.textContent = 'ready';

/**
 * Fetches the benchmark's case-level CSV, registers its bytes and reads it with read_csv and
 * explicit column types; returns the milliseconds read_csv took.
 */
window.bareReadCsv = async (url: string) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  await duckdb.registerFileBuffer('bench.csv', bytes);
  const start = performance.now();
  await connection.query(
    `CREATE OR REPLACE TABLE bench AS SELECT * FROM read_csv('bench.csv', header = true, delim = ',', auto_detect = false, dateformat = '%Y-%m-%d',
       columns = {'case_id': 'VARCHAR', 'received': 'DATE', 'decided': 'DATE', 'hearing': 'VARCHAR', 'nationality': 'VARCHAR', 'outcome': 'VARCHAR'})`,
  );
  return performance.now() - start;
};

/** The weekly received, decided and open-stock query over the cases read by bareReadCsv; returns its milliseconds. */
window.bareWeeklyQuery = async () => {
  const start = performance.now();
  await connection.query(`
    WITH flows AS (
      SELECT date_trunc('week', received) AS week, count(*) AS n_in, 0 AS n_out FROM bench GROUP BY 1
      UNION ALL SELECT date_trunc('week', decided), 0, count(*) FROM bench WHERE decided IS NOT NULL GROUP BY 1
    )
    SELECT week, sum(n_in) AS received, sum(n_out) AS decided, sum(sum(n_in) - sum(n_out)) OVER (ORDER BY week) AS open FROM flows GROUP BY week ORDER BY week`);
  return performance.now() - start;
};
