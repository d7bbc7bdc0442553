/**
 * DuckDB's worker, started by the page's entry (src/main.tsx) before DuckDB's client and Arrow have
 * arrived. It runs DuckDB's script behind a start queue (duckdbStartQueue.js) that asks for the
 * wasm at once and holds messages until the wasm is instantiated.
 */
import duckdbScriptUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import startQueueUrl from './duckdbStartQueue.js?url&no-inline';

/** The wasm DuckDB instantiates (src/db/browserDatabase.ts), as an absolute URL: the start queue fetches it early. */
export const duckdbWasmUrl = new URL(wasmUrl, location.href).href;

const workerUrl = new URL(startQueueUrl, location.href);
// The script last: the worker's URL ends in ".js", not in ".wasm" (a route or filter for the wasm must not take the worker for it).
workerUrl.searchParams.set('wasm', duckdbWasmUrl);
workerUrl.searchParams.set('script', new URL(duckdbScriptUrl, location.href).href);

export const duckdbWorker = new Worker(workerUrl);
