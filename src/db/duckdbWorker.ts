/**
 * DuckDB's worker, started by the page's entry (src/main.tsx) before DuckDB's client and Arrow have
 * arrived: the worker's own 770 KB script, and then the wasm it fetches, are on their way sooner.
 */
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export const duckdbWorker = new Worker(workerUrl);
