/**
 * DuckDB starts before the app's own code has loaded: the page's entry (src/main.tsx) imports
 * this module first and the app after it, so the wasm is fetched and instantiated while the rest
 * of the page loads and draws the shell.
 */
import { openBrowserDatabase } from '../data/browserDatabase';
import type { Database } from '../data/database';

export const engine: Promise<Database> = openBrowserDatabase();

let markStartupStored = () => {};

/**
 * Resolves once the first batch of files (the sample, at start-up) is stored. Queries wait for
 * it: asked earlier, they would queue in DuckDB's worker ahead of the storing, to be asked again.
 */
export const startupStored = new Promise<void>((resolve) => {
  markStartupStored = resolve;
});

export const startupStoredNow = () => markStartupStored();
