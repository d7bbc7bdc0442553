/**
 * The dashboard before DuckDB is up. The figures a view shows are a pure function of the stored
 * files, the view state and the code, so the last confirmed query results are kept in IndexedDB
 * (TanStack Query's own persistence) under a fingerprint of the files and the build; the sample's
 * first view comes computed with the build (first-view.json, scripts/firstView.ts). On start they
 * are drawn at once, marked unconfirmed, and asked again once DuckDB has rebuilt its tables from
 * the stored files: any difference replaces the shown figure and is logged as an error. Until
 * then the status says the figures are being checked, and copying, exporting and the letter wait.
 */
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { persistQueryClientRestore, persistQueryClientSave, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client';
import { openDB } from 'idb';
import { useSyncExternalStore } from 'react';
import { contentHashOf, restoreFiles, type StoredFile } from '../../db/fileStore';
import type { Dataset } from '../../domain/dataset';
import { exportDateOf } from '../../ingest/exportDate';
import { fileReports } from '../../metrics/queries';
import { engine, storing, whenStored } from './engine';
import { BUILD_ID } from './sampleBuild';

/** What of a stored file decides its figures (with the build): its name, its bytes and the export date the app gives it. */
export interface FileStamp {
  name: string;
  contentHash: string;
  exportDate: string;
}

/** The cache's key: the build and each stored file, in the order they are loaded. */
export function datasetFingerprint(build: string, files: FileStamp[]): string {
  return JSON.stringify({ build, files: files.map((f) => [f.name, f.contentHash, f.exportDate]) });
}

/** Hashes by store key: a stored record never changes (a revised file is a new record). */
const hashes = new Map<number, Promise<string>>();

/** Each file's stamp: the hash kept with it at save time, or (a record kept before hashes were) its bytes hashed now. */
export async function fileStamps(files: StoredFile[]): Promise<FileStamp[]> {
  return Promise.all(
    files.map(async (file) => {
      let hash = hashes.get(file.key);
      if (!hash) {
        hash = file.contentHash !== undefined ? Promise.resolve(file.contentHash) : contentHashOf(file.content);
        hashes.set(file.key, hash);
      }
      return { name: file.name, contentHash: await hash, exportDate: exportDateOf(file.name, file.lastModified).date };
    }),
  );
}

/**
 * Deep equality of query results (plain data: arrays, objects, strings, numbers, null); a key whose
 * value is undefined counts as absent. Loops, not entry arrays: a first visit compares some 40,000
 * values here while the page waits to say its figures are confirmed.
 */
export function sameFigures(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameFigures(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let unmatched = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    if (!(key in y) || !sameFigures(x[key], y[key])) return false;
    unmatched++;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) unmatched--;
  return unmatched === 0;
}

/** One IndexedDB database of its own, so the file store's schema is never touched. */
const figuresDb = () =>
  openDB('ketenmonitor-figures', 1, {
    upgrade: (db) => {
      db.createObjectStore('cache');
    },
  });

export const idbPersister: Persister = {
  persistClient: async (client: PersistedClient) => {
    const db = await figuresDb();
    try {
      await db.put('cache', client, 'last');
    } finally {
      db.close();
    }
  },
  restoreClient: async () => {
    const db = await figuresDb();
    try {
      return (await db.get('cache', 'last')) as PersistedClient | undefined;
    } finally {
      db.close();
    }
  },
  removeClient: async () => {
    const db = await figuresDb();
    try {
      await db.delete('cache', 'last');
    } finally {
      db.close();
    }
  },
};

/** What the build computed for the sample's first view (scripts/firstView.ts). */
export interface FirstViewFigures {
  /** The build that computed them (BUILD_ID): another build's are not drawn. */
  build: string;
  queries: { queryKey: QueryKey; data: unknown }[];
}

// ---- the unconfirmed figures: drawn from a cache, not yet asked of DuckDB ----

let client: QueryClient | null = null;

const unconfirmed = new Set<string>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

let isRebuilt = false;
let confirmedMarked = false;

/**
 * Start-up has put every stored file into DuckDB (or failed): the figures drawn from a cache are
 * asked again now. Called again, it asks only for what is still unconfirmed.
 */
export async function rebuilt(): Promise<void> {
  markRebuilt();
  // Resolves when the shown figures are confirmed (or failed): the sample's case export waits for it.
  await client?.invalidateQueries({ predicate: (query) => unconfirmed.has(query.queryHash) }).catch(() => undefined);
}

/**
 * Start-up has put every stored file into DuckDB: from now on every query asks DuckDB, the figures
 * drawn from a cache too. For a caller that asks again itself (the refresh after a store): one round
 * of queries, not one for what the store changed and another for what the cache drew.
 */
export function markRebuilt(): void {
  if (isRebuilt) return;
  performance.mark('ketenmonitor:rebuilt');
  isRebuilt = true;
  scheduleSave();
}

/**
 * The answer to a query: while start-up is still rebuilding DuckDB's tables, a figure drawn from a
 * cache stays as it is (DuckDB's answer from half-loaded tables would replace it with a partial
 * one); otherwise DuckDB's, confirmed against what is shown.
 */
export async function answer<T>(key: QueryKey, read: () => Promise<T>): Promise<T> {
  const shown = client?.getQueryData<T>(key);
  if (!isRebuilt && shown !== undefined && unconfirmed.has(hashKey(key))) return shown;
  return confirmFigures(key, await read());
}

/**
 * DuckDB's answer to a query, checked against the figure shown from a cache: a difference is an
 * error (the cache was wrong), logged, and the answer replaces the shown figure.
 */
export function confirmFigures<T>(key: QueryKey, fresh: T, queryClient: QueryClient | null = client): T {
  const hash = hashKey(key);
  if (!unconfirmed.has(hash)) return fresh;
  unconfirmed.delete(hash);
  const shown = queryClient?.getQueryData<T>(key);
  if (!confirmedMarked && !checkingFigures()) {
    confirmedMarked = true;
    // Every shown figure drawn from a cache is DuckDB's now: for the benchmark and the browser's performance panel.
    performance.mark('ketenmonitor:confirmed');
  }
  notify();
  // The same figures: the shown object stays, so TanStack Query's own comparison ends at once and nothing redraws.
  if (sameFigures(shown, fresh)) return shown as T;
  console.error(`Ketenmonitor: the figures drawn before DuckDB was ready differ from DuckDB's for ${hash}; DuckDB's replace them.`);
  return fresh;
}

/**
 * Whether a figure on screen is still from a cache, unconfirmed by DuckDB. A query its views keep
 * disabled (a dataset's panels when it holds no weekly figures) is never asked, so never confirmed:
 * it does not hold the status up.
 */
export function checkingFigures(): boolean {
  if (!client || unconfirmed.size === 0) return false;
  const cache = client.getQueryCache();
  for (const hash of unconfirmed) {
    const query = cache.get(hash);
    if (query && query.getObserversCount() > 0 && !query.isDisabled()) return true;
  }
  return false;
}

/** True while a shown figure waits for DuckDB's confirmation: the status says so, copying and exporting wait. */
export function useCheckingFigures(): boolean {
  return useSyncExternalStore(subscribeChecking, checkingFigures);
}

/** Whether a figure is still unconfirmed changes with the cache (a view mounts or drops a query) and with each confirmation. */
function subscribeChecking(listener: () => void): () => void {
  listeners.add(listener);
  const unsubscribe = client?.getQueryCache().subscribe(listener);
  return () => {
    listeners.delete(listener);
    unsubscribe?.();
  };
}

// ---- start and save ----

let startDataset: Dataset = 'sample';
/** The dataset to show first: the user's own files when any are stored. */
export const initialDataset = () => startDataset;

const withinMs = <T>(ms: number, work: Promise<T>, fallback: T): Promise<T> =>
  Promise.race([work, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);

/**
 * Before the app mounts: fills `queryClient` with the last confirmed figures for the stored files
 * and this build (or, with no stored files, the build's own sample figures), every one marked
 * unconfirmed and stale, so the views draw them at once and ask DuckDB again.
 */
export async function drawFromCache(queryClient: QueryClient, firstView: () => Promise<FirstViewFigures | null>): Promise<void> {
  client = queryClient;
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated') scheduleSave();
  });
  // The kept figures are read while the stored files are listed, not after: two databases, one wait.
  const kept = Promise.resolve().then(() => idbPersister.restoreClient()).catch(() => undefined);
  // A store that cannot be read gives no cache; the workspace reports it. Never block the start for long.
  const stored = await withinMs(2000, restoreFiles().catch(() => null), null);
  if (!stored || stored.unreadable.length > 0) return;
  try {
    const fingerprint = datasetFingerprint(BUILD_ID, await fileStamps(stored.files));
    // A cache of another build or other files is removed unread.
    await withinMs(2000, persistQueryClientRestore({ queryClient, persister: { ...idbPersister, restoreClient: () => kept }, buster: fingerprint, maxAge: Infinity }), undefined);
  } catch {
    // No cache: DuckDB answers as before.
  }
  if (stored.files.length === 0) {
    // Asked for as the page started (firstViewFetch.ts): usually here already.
    const figures = await withinMs(2000, firstView().catch(() => null), null);
    for (const { queryKey, data } of figures?.queries ?? []) queryClient.setQueryData(queryKey, data);
  }
  for (const query of queryClient.getQueryCache().getAll()) unconfirmed.add(query.queryHash);
  // With the user's figures at hand their view is drawn at once; without, the sample is shown while their files load.
  if (stored.files.length > 0 && unconfirmed.size > 0) startDataset = 'user';
  // Stale, so every view that shows one asks DuckDB on mount.
  await queryClient.invalidateQueries({ refetchType: 'none' });
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleSave(): void {
  if (!client || !isRebuilt) return;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    if (client) void saveConfirmed(client).catch(() => undefined);
  }, 1000);
}

/**
 * Keeps the confirmed figures under the fingerprint of the files DuckDB holds now: only when
 * nothing is being stored or asked, when DuckDB holds exactly the stored files (another tab may
 * have added one), and only answers DuckDB gave for the current data (not invalidated).
 */
export async function saveConfirmed(queryClient: QueryClient): Promise<boolean> {
  const settled = () => isRebuilt && !storing() && queryClient.isFetching() === 0;
  if (!settled()) return false;
  const gate = whenStored();
  const [loaded, stored] = await Promise.all([engine.then((db) => fileReports(db, 'user')), restoreFiles()]);
  if (stored.unreadable.length > 0) return false;
  const loadedKeys = loaded.map((f) => f.storeKey);
  const storedKeys = new Set(stored.files.map((f) => f.key));
  if (loadedKeys.length !== storedKeys.size || !loadedKeys.every((key) => key !== null && storedKeys.has(key))) return false;
  const fingerprint = datasetFingerprint(BUILD_ID, await fileStamps(stored.files));
  // Anything stored meanwhile opens a new gate: these figures may be of the files before it.
  if (!settled() || whenStored() !== gate) return false;
  await persistQueryClientSave({
    queryClient,
    persister: idbPersister,
    buster: fingerprint,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && !query.state.isInvalidated && query.state.fetchStatus === 'idle' && !unconfirmed.has(query.queryHash),
    },
  });
  return true;
}
