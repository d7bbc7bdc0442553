/**
 * DuckDB, started before the app's own code has loaded: the page's entry (src/main.tsx) starts its
 * worker (src/db/duckdbWorker.ts) first and imports this module beside the app, so the wasm is
 * fetched and instantiated while the rest of the page loads and draws the shell.
 */
import { openBrowserDatabase } from '../../db/browserDatabase';
import type { Database } from '../../db/database';

export const engine: Promise<Database> = openBrowserDatabase();
// Where start-up's time goes, for the benchmark and the browser's own performance panel.
void engine.then(() => performance.mark('ketenmonitor:engine-ready'), () => undefined);

let release: (() => void) | null = null;
let gate = new Promise<void>((resolve) => {
  release = resolve;
});

/**
 * Resolves when no batch of files is being stored; closed at start-up until the sample is in.
 * Queries wait for it: asked meanwhile, they would queue in DuckDB's worker ahead of the storing
 * (or run between its statements), to be asked again once it is done.
 */
export const whenStored = () => gate;

/** Whether a batch of files is being stored now. */
export const storing = () => release !== null;

export function storingStarts(): void {
  if (release) return; // already closed
  gate = new Promise<void>((resolve) => {
    release = resolve;
  });
}

export function storingEnds(): void {
  release?.();
  release = null;
}
