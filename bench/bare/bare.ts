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
  }
}

const duckdb = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
await duckdb.instantiate(wasmUrl);
await duckdb.open({ query: { castBigIntToDouble: true } });
const connection = await duckdb.connect();
await connection.query('SELECT 1');
window.bareReady = performance.now();
document.getElementById('result')!.textContent = 'ready';

/** Fetches a CSV, registers its bytes and reads it with read_csv; returns the milliseconds read_csv took. */
window.bareReadCsv = async (url: string) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  await duckdb.registerFileBuffer('bench.csv', bytes);
  const start = performance.now();
  await connection.query("CREATE OR REPLACE TABLE bench AS SELECT * FROM read_csv('bench.csv', header = true, delim = ';')");
  return performance.now() - start;
};
