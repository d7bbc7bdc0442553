/**
 * The user's original exports, kept in IndexedDB so they survive a reload and a browser
 * restart. The files are the source of truth: DuckDB's tables are rebuilt from them at start.
 * Nothing here leaves the browser.
 */
const DATABASE = 'ketenmonitor';
const STORE = 'exports';

export interface StoredFile {
  key: number;
  name: string;
  lastModified: number;
  /** The file as the user gave it: kept as a Blob, so storing a large file copies nothing on the page's thread. */
  content: Blob;
}

export interface RestoredFiles {
  files: StoredFile[];
  /** Records that could not be read back: reported, skipped, never blocking start-up. */
  unreadable: string[];
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function saveFile(name: string, lastModified: number, content: Blob): Promise<number> {
  return Number(await transact('readwrite', (store) => store.add({ name, lastModified, content })));
}

export async function restoreFiles(): Promise<RestoredFiles> {
  const records = await transact<unknown[]>('readonly', (store) => store.getAll());
  const files: StoredFile[] = [];
  const unreadable: string[] = [];
  for (const record of records) {
    // Records of the first version kept the bytes themselves.
    const r = record as Partial<StoredFile> & { bytes?: unknown };
    const content = r.content instanceof Blob ? r.content : r.bytes instanceof ArrayBuffer ? new Blob([r.bytes]) : null;
    if (typeof r.key === 'number' && typeof r.name === 'string' && content) {
      files.push({ key: r.key, name: r.name, lastModified: typeof r.lastModified === 'number' ? r.lastModified : 0, content });
    } else {
      unreadable.push(typeof r.name === 'string' ? r.name : String(r.key ?? '?'));
    }
  }
  return { files, unreadable };
}

export async function deleteFile(key: number): Promise<void> {
  await transact('readwrite', (store) => store.delete(key));
}

export async function clearFiles(): Promise<void> {
  await transact('readwrite', (store) => store.clear());
}
