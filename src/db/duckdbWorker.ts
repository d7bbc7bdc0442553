/**
 * DuckDB's worker, started by the page's entry (src/main.tsx) before DuckDB's client and Arrow have
 * arrived, and told at once to fetch and instantiate the wasm: the worker's own 770 KB script, and
 * then the wasm, are on their way while the app's code loads, not after DuckDB's client has (that
 * cost a first visit some 300 ms). browserDatabase.ts attaches the client once this has resolved.
 */
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

export const duckdbWorker = new Worker(workerUrl);

/**
 * The id of our INSTANTIATE request. DuckDB's client numbers its own requests from 0 and is
 * attached only after this one is answered, so the answer never reaches it.
 */
const INSTANTIATE_ID = -1;

/** Resolves when the worker has instantiated the wasm; rejects with the worker's error. */
export const instantiated: Promise<void> = new Promise<void>((resolve, reject) => {
  const done = () => {
    duckdbWorker.removeEventListener('message', onMessage);
    duckdbWorker.removeEventListener('error', onError);
  };
  // The worker's protocol, as DuckDB's client (AsyncDuckDB.instantiate) speaks it; its enums are
  // these strings, written out so the client (and Arrow) need not arrive first.
  const onMessage = (event: MessageEvent<{ requestId?: number; type?: string; data?: { message?: string } }>) => {
    const { requestId, type, data } = event.data ?? {};
    if (requestId !== INSTANTIATE_ID || type === 'INSTANTIATE_PROGRESS') return;
    done();
    if (type === 'OK') resolve();
    else reject(new Error(`DuckDB could not start: ${data?.message ?? type}`));
  };
  const onError = (event: ErrorEvent) => {
    done();
    reject(new Error(`DuckDB's worker failed to load${event.message ? `: ${event.message}` : ''}`));
  };
  duckdbWorker.addEventListener('message', onMessage);
  duckdbWorker.addEventListener('error', onError);
  duckdbWorker.postMessage({ messageId: INSTANTIATE_ID, type: 'INSTANTIATE', data: [new URL(wasmUrl, location.href).href, null] });
});
// Failure is the engine's to report (openBrowserDatabase awaits this); never an unhandled rejection here.
instantiated.catch(() => undefined);
