/**
 * DuckDB starts before the app's own code has loaded: the page's entry (src/main.tsx) imports
 * this module first and the app after it, so the wasm is fetched and instantiated while the rest
 * of the page loads and draws the shell.
 */
import { openBrowserDatabase } from '../data/browserDatabase';
import type { Database } from '../data/database';

export const engine: Promise<Database> = openBrowserDatabase();
