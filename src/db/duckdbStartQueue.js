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
 * - An instantiation that fails (the wasm not found, not served as wasm, cut off) is answered as
 *   an error here: DuckDB leaves it unanswered (its instantiateStreaming's rejection is not
 *   caught), and the page would wait for its engine for ever.
 *
 * A classic worker, shipped as it is; the page gives DuckDB's wasm and script as `?wasm=` and
 * `?script=` (src/db/duckdbWorker.ts).
 */
const params = new URL(self.location.href).searchParams;
const wasmUrl = params.get('wasm');
const scriptUrl = params.get('script');
if (!wasmUrl || !scriptUrl) throw new Error('DuckDB start queue: no ?wasm= or ?script= given');

/** The wasm's response, until DuckDB asks for it; a failure reaches DuckDB's own fetch. */
let earlyWasm = /** @type {Promise<Response> | null} */ (fetch(wasmUrl, { credentials: 'same-origin' }));
earlyWasm.catch(() => undefined); // handled where DuckDB fetches it
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

importScripts(scriptUrl);

const dispatch = /** @type {((event: MessageEvent) => Promise<void>) | null} */ (self.onmessage);
if (typeof dispatch !== 'function') throw new Error('DuckDB start queue: DuckDB’s worker script set no message handler');

/** The page's instantiate request while it is being handled. */
let instantiating = /** @type {{ messageId: number } | null} */ (null);
self.addEventListener('unhandledrejection', (event) => {
  if (!instantiating) return;
  const reason = event.reason instanceof Error ? event.reason : new Error(String(event.reason));
  self.postMessage({ messageId: -1, requestId: instantiating.messageId, type: 'ERROR', data: { name: reason.name, message: reason.message } });
  instantiating = null;
});

/** The messages being handled one after another, from instantiate on; null once they are done. */
let queue = /** @type {Promise<void> | null} */ (null);

const handle = (/** @type {MessageEvent} */ event) => {
  if (event.data?.type !== 'INSTANTIATE') return dispatch(event);
  instantiating = event.data;
  return dispatch(event).finally(() => {
    instantiating = null;
  });
};

self.onmessage = (event) => {
  if (queue === null && event.data?.type !== 'INSTANTIATE') {
    void dispatch(event);
    return;
  }
  const next = (queue ?? Promise.resolve()).then(
    () => handle(event),
    () => handle(event),
  );
  queue = next;
  void next.finally(() => {
    if (queue === next) queue = null;
  });
};
