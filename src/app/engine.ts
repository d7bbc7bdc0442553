/**
 * DuckDB starts as soon as the script loads, while React draws the shell: the wasm takes
 * most of a second to instantiate and nothing should wait for it that does not need to.
 */
import { openBrowserDatabase } from '../data/browserDatabase';
import type { Database } from '../data/database';

export const engine: Promise<Database> = openBrowserDatabase();
