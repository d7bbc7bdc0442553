// @ts-check
/**
 * DuckDB's own worker script, started early and behind a queue.
 *
 * - Its wasm (33 MB) is asked for at once, before DuckDB's 770 KB script has been loaded and run
 *   and before the page asks to instantiate; DuckDB's own fetch of that URL gets this response.
 * - Messages that arrive while the wasm is being instantiated wait here, in order, instead of
 *   being refused ("duckdb is not initialized"). So the page sends instantiate, open and connect
 *   at once (src/db/browserDatabase.ts), and DuckDB goes from one to the next without a round
 *   trip through the page's thread, which is busy drawing the first view at that moment.
 *
 * A classic worker, shipped as it is; the page gives DuckDB's script and wasm as `?script=` and
 * `?wasm=` (src/db/duckdbWorker.ts).
 */
const params = new URL(self.location.href).searchParams;
const wasmUrl = params.get('wasm');
/** The wasm's response, until DuckDB asks for it; a failure reaches DuckDB's own fetch and is reported as its own. */
let earlyWasm = wasmUrl ? fetch(wasmUrl, { credentials: 'same-origin' }) : null;
const fetchAnything = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : new URL(String(input), self.location.href).href;
  if (earlyWasm && url === wasmUrl) {
    const response = earlyWasm;
    earlyWasm = null;
    return response;
  }
  return fetchAnything(input, init);
};

importScripts(params.get('script') ?? '');

const dispatch = /** @type {(event: MessageEvent) => Promise<void>} */ (self.onmessage);
/** The messages being handled one after another, from instantiate on; null once they are done. */
let queue = /** @type {Promise<void> | null} */ (null);

self.onmessage = (event) => {
  if (queue === null && event.data?.type !== 'INSTANTIATE') {
    void dispatch(event);
    return;
  }
  const next = (queue ?? Promise.resolve()).then(() => dispatch(event));
  queue = next;
  void next.finally(() => {
    if (queue === next) queue = null;
  });
};
