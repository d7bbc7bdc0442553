/**
 * DuckDB starts as soon as the script loads, while React draws the shell: the wasm takes
 * most of a second to instantiate and nothing should wait for it that does not need to. Its
 * JavaScript (DuckDB-WASM's client, Apache Arrow) is a chunk of its own, fetched at once.
 */
import type { Database } from '../data/database';

export const engine: Promise<Database> = import('../data/browserDatabase').then((m) => m.openBrowserDatabase());
