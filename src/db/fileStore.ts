/**
 * The user's original exports, kept in IndexedDB (through `idb`) so they survive a reload and a
 * browser restart. The files are the source of truth: DuckDB's tables are rebuilt from them at
 * start. Nothing here leaves the browser.
 *
 * One connection per tab, closed as soon as another tab needs a newer version of the database
 * (`blocking`) and reopened on the next use; a refused write says why (the storage is full, or
 * something else), so the page can tell the user the file will not survive a reload.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { sha256Hex } from './sha256';
import type { HashReply, HashRequest } from './hash.worker';

const DATABASE = 'ketenmonitor';
const STORE = 'exports';

export interface StoredFile {
  key: number;
  name: string;
  lastModified: number;
  /** The file as the user gave it: kept as a Blob, so storing a large file copies nothing on the page's thread. */
  content: Blob;
  /**
   * SHA-256 of the content (hex), computed when the file was kept, so start-up need not read and
   * hash every stored file before it can draw; absent in records kept before it was.
   */
  contentHash?: string;
}

export interface RestoredFiles {
  files: StoredFile[];
  /** Records that could not be read back: reported, skipped, never blocking start-up. */
  unreadable: { key: number; name: string }[];
}

interface Schema extends DBSchema {
  exports: { key: number; value: Partial<StoredFile> & { bytes?: unknown } };
}

/** Why a file could not be kept. */
export class StoreRefused extends Error {
  constructor(
    readonly reason: 'full' | 'blocked' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

let connection: Promise<IDBPDatabase<Schema>> | null = null;

function database(): Promise<IDBPDatabase<Schema>> {
  connection ??= openDB<Schema>(DATABASE, 1, {
    upgrade: (db) => void db.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true }),
    // Another tab still has an older version open: this one waits, the user is told if a write fails.
    blocked: () => undefined,
    // Another tab opens a newer version: let it, and reopen on the next use.
    blocking: () => {
      void connection?.then((db) => db.close());
      connection = null;
    },
    terminated: () => {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

function refusal(error: unknown): StoreRefused {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new StoreRefused('full', message);
  return new StoreRefused(name === 'VersionError' || name === 'InvalidStateError' ? 'blocked' : 'failed', message);
}

/** SHA-256 of a file's bytes, hex: the identity of its content in the figures cache's fingerprint. */
export async function contentHashOf(content: Blob): Promise<string> {
  const worker = hashWorker();
  if (worker) {
    try {
      return await hashIn(worker, content);
    } catch {
      // A worker that fails (or never starts) costs the page a pause, never the file its hash.
    }
  }
  return sha256Hex(await content.arrayBuffer());
}

/** The hashing worker, started on first use; null where there are no workers (Node). */
let hasher: Worker | null = null;
let nextHash = 1;
const hashing = new Map<number, { resolve: (hash: string) => void; reject: (error: Error) => void }>();

function hashWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (hasher) return hasher;
  const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    const reply = event.data;
    const request = hashing.get(reply.id);
    hashing.delete(reply.id);
    if ('hash' in reply) request?.resolve(reply.hash);
    else request?.reject(new Error(reply.error));
  };
  worker.onerror = () => {
    // A dead worker fails what it held; the next hash starts a new one.
    if (hasher === worker) hasher = null;
    worker.terminate();
    for (const request of hashing.values()) request.reject(new Error('the hashing worker stopped'));
    hashing.clear();
  };
  return (hasher = worker);
}

function hashIn(worker: Worker, content: Blob): Promise<string> {
  const id = nextHash++;
  return new Promise((resolve, reject) => {
    hashing.set(id, { resolve, reject });
    worker.postMessage({ id, content } satisfies HashRequest);
  });
}

/** Keeps a file with the hash of its content. */
export async function saveFile(name: string, lastModified: number, content: Blob): Promise<number> {
  try {
    const contentHash = await contentHashOf(content);
    const db = await database();
    return await db.add(STORE, { name, lastModified, content, contentHash });
  } catch (error) {
    throw refusal(error);
  }
}

export async function readFile(key: number): Promise<StoredFile | null> {
  const record = await (await database()).get(STORE, key);
  return record ? storedFile(record) : null;
}

function storedFile(record: Schema['exports']['value']): StoredFile | null {
  // Records of the first version kept the bytes themselves.
  const content = record.content instanceof Blob ? record.content : record.bytes instanceof ArrayBuffer ? new Blob([record.bytes]) : null;
  if (typeof record.key !== 'number' || typeof record.name !== 'string' || !content) return null;
  return {
    key: record.key,
    name: record.name,
    lastModified: typeof record.lastModified === 'number' ? record.lastModified : 0,
    content,
    ...(typeof record.contentHash === 'string' ? { contentHash: record.contentHash } : {}),
  };
}

export async function restoreFiles(): Promise<RestoredFiles> {
  const records = await (await database()).getAll(STORE);
  const files: StoredFile[] = [];
  const unreadable: RestoredFiles['unreadable'] = [];
  for (const record of records) {
    const file = storedFile(record);
    if (file) files.push(file);
    else unreadable.push({ key: Number(record.key), name: typeof record.name === 'string' ? record.name : String(record.key ?? '?') });
  }
  return { files, unreadable };
}

/** Deletes the given files only: another tab's files, added since, stay. */
export async function deleteFiles(keys: number[]): Promise<void> {
  if (keys.length === 0) return;
  const transaction = (await database()).transaction(STORE, 'readwrite');
  await Promise.all([...keys.map((key) => transaction.store.delete(key)), transaction.done]);
}

/** How much of the browser's storage this site uses and may use, and whether the browser keeps it under pressure. */
export interface StorageRoom {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function storageRoom(): Promise<StorageRoom | null> {
  if (!navigator.storage?.estimate) return null;
  const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? false]);
  return { usage, quota, persisted };
}

/**
 * Asks the browser not to clear the stored files when space runs low (it may decide without
 * asking the user, or refuse): once, when the user first keeps a file.
 */
export async function askToKeep(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted?.()) || navigator.storage.persist();
}
