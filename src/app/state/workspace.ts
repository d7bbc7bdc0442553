/**
 * The loaded data as the user sees it: the bundled sample or the user's own files (never
 * both in one view), the files being read, and the actions on them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { askToKeep, deleteFiles, readFile, restoreFiles, saveFile, storageRoom, StoreRefused, type StorageRoom, type StoredFile } from '../../db/fileStore';
import type { SourceFile } from './readAndStore';
import type { Dataset } from '../../domain/dataset';
import type { FileReport } from '../../metrics/queries';
import type { ParsedExport } from '../../domain/parsedExport';
import type { CaseExport } from '../../domain/caseExport';
import { EngineStartError } from '../../db/database';
import { engine, storingEnds, storingStarts } from './engine';
import { initialDataset, markRebuilt, rebuilt } from './queryCache';
import { rememberCountry } from './fileChoices';
import { sampleReads } from './firstViewFetch';

export interface IngestJob {
  id: number;
  name: string;
  fraction: number;
  /** A case-level export stored after the dashboard's figures are confirmed: only the views that show cases wait for it. */
  background?: boolean;
}

/** `engine`: DuckDB itself did not start (no figure can be computed), not one step of the start. */
export type Startup = { phase: 'starting' } | { phase: 'ready' } | { phase: 'failed'; message: string; engine: boolean };

/** What went wrong with the browser's copy of the user's files; the app works on regardless. */
export type StorageProblem =
  | { kind: 'unreadable'; names: string[] }
  | { kind: 'unavailable'; message: string }
  /** Files loaded but not kept: they will be gone after a reload. */
  | { kind: 'not_kept'; names: string[]; reason: StoreRefused['reason']; message: string; room: StorageRoom | null };

/** What another tab did to the stored files, mirrored here. */
export type TabNotice = { kind: 'added' | 'removed'; names: string[] };

/** Between tabs of this app: which stored files one of them added or removed. */
type TabMessage = { type: 'added' | 'removed'; keys: number[] };
const TAB_CHANNEL = 'ketenmonitor-files';

interface SampleManifest {
  files: { name: string; description: string }[];
}

let nextJobId = 1;

/** Reading and storing files (PapaParse's worker client, Arrow, the case reader): a chunk of its own, fetched at once. */
const data = Promise.all([import('./readAndStore'), import('../../db/store')]).then(([ingest, store]) => ({ ...ingest, ...store }));

export function useWorkspace() {
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>(initialDataset);
  const [jobs, setJobs] = useState<IngestJob[]>([]);
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' });
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
  const [tabNotice, setTabNotice] = useState<TabNotice | null>(null);
  /** The stored files this tab shows (or is loading), and the damaged records it found: what "remove all" may delete. */
  const knownKeys = useRef(new Set<number>());
  const unreadableKeys = useRef<number[]>([]);
  const channel = useRef<BroadcastChannel | null>(null);
  const askedToKeep = useRef(false);
  const announce = useCallback((message: TabMessage) => channel.current?.postMessage(message), []);
  /** Why the last load or removal failed as a whole (a file's own failure is in its report); cleared by the next one. */
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  /** Removals under way: like loads, the status is not "ready" until they are done. */
  const [changing, setChanging] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const sampleRequested = useRef(false);

  /** Loads and removals run one at a time, in order; one that fails does not stop the next. */
  const serial = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(work);
    queue.current = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }, []);

  /**
   * Files are read in parallel and stored together, in the order given, once all are read.
   * `read`: a reader of the page's own (the bundled public figures, the sample's reads shipped
   * with the build); a file it gives null for is read by the parse worker, as are all without it.
   */
  const enqueue = useCallback(
    (
      target: Dataset,
      files: SourceFile[],
      read?: (file: SourceFile) => Promise<ParsedExport | CaseExport | null>,
      beforeCases?: () => Promise<void>,
      /** Called when the weekly files are in, before the views are refreshed and the case-level files stored. */
      weeklyStored?: () => Promise<void>,
    ) => {
      // From now: the view these files go to asks for its figures at once, and would ask again.
      storingStarts();
      const added = files.map((file) => ({ id: nextJobId++, name: file.name, fraction: 0 }));
      setJobs((current) => [...current, ...added]);
      const progress = (job: IngestJob) => (fraction: number) => setJobs((current) => current.map((j) => (j.id === job.id ? { ...j, fraction } : j)));
      // Reading starts now (in the parse worker, unless `read` has the file); storing waits its turn, so files land in the order given.
      const parsed = files.map(async (file, index) => (await read?.(file)) ?? (await data).readExport(file, progress(added[index])));
      void Promise.all(parsed).then(() => performance.mark(`ketenmonitor:${target}-read`));
      const refresh = () => {
        storingEnds();
        return queryClient.invalidateQueries();
      };
      const refreshCaseViews = (dataset: Dataset) => {
        storingEnds();
        // The storage line too: the case-level export was just saved in the browser.
        return queryClient.invalidateQueries({ predicate: (query) => showsCases(query.queryKey, dataset) || query.queryKey[0] === 'storageRoom' });
      };
      let casesInBackground = false;
      let casesOnly = false;
      return serial(async () => {
        storingStarts();
        try {
          // A read that fails says so once DuckDB is up; when DuckDB itself failed, that is what the user needs to hear.
          const read = await Promise.all(parsed).catch(async (error: unknown) => {
            await engine;
            throw error;
          });
          // Case-level exports alone change no weekly or monthly figure: only what shows cases is asked again.
          casesOnly = read.every((file) => 'kind' in file);
          // Waited for by the store when it writes each file's row: a case-level export is read meanwhile.
          const storeKeys = files.map((file) => file.storeKey ?? null);
          // Given DuckDB's promise: read while it starts, the files are made ready for it meanwhile.
          await (await data).storeParsedExports(
            engine,
            target,
            read.map((file, index) => ({ file, storeKey: storeKeys[index], onProgress: progress(added[index]) })),
            async () => {
              performance.mark(`ketenmonitor:${target}-weekly-stored`);
              await weeklyStored?.();
              await refresh();
              if (beforeCases) {
                casesInBackground = true;
                // The weekly files are in; the case-level files left load in the background (the dashboard shows none of them).
                const caseJobs = new Set(added.filter((_, index) => 'kind' in read[index]).map((job) => job.id));
                const weeklyJobs = new Set(added.filter((job) => !caseJobs.has(job.id)).map((job) => job.id));
                setJobs((current) => current.filter((job) => !weeklyJobs.has(job.id)).map((job) => (caseJobs.has(job.id) ? { ...job, background: true } : job)));
                await beforeCases();
                performance.mark(`ketenmonitor:${target}-cases-start`);
              }
              storingStarts();
            },
          );
          performance.mark(`ketenmonitor:${target}-stored`);
        } finally {
          // One refetch for the whole batch, before its jobs disappear: the status never says ready over stale figures.
          // Case-level files (stored in the background, or a batch of nothing else) change only what shows cases: the dashboard is not asked again.
          await (casesInBackground || casesOnly ? refreshCaseViews(target) : refresh());
          const done = new Set(added.map((job) => job.id));
          setJobs((current) => current.filter((job) => !done.has(job.id)));
        }
      });
    },
    [queryClient, serial],
  );

  useEffect(() => {
    if (sampleRequested.current) return;
    sampleRequested.current = true;
    // The user's files from an earlier visit are read while the sample loads; a store that cannot be read is reported, never fatal.
    const restored = restoreFiles().catch((error: unknown) => {
      setStorageProblem({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
      return { files: [] as StoredFile[], unreadable: [] };
    });
    const failed = (error: unknown) => {
      storingEnds();
      const engineFailed = error instanceof EngineStartError;
      setStartup({ phase: 'failed', message: engineFailed ? error.detail : messageOf(error), engine: engineFailed });
    };
    // The sample's case-level export is stored once the dashboard's figures are confirmed: only the
    // backlog and the file list show it, and they wait for it (their queries wait for the store).
    let releaseCases = () => {};
    const casesMayStart = new Promise<void>((resolve) => (releaseCases = resolve));
    let weeklyIn = () => {};
    const sampleWeekly = new Promise<void>((resolve) => (weeklyIn = resolve));
    fetchSample()
      .then(async (files) => {
        // As the build read them (sample-reads.json); without them, read in the parse worker at once,
        // while DuckDB's wasm instantiates: storing waits for the engine, reading need not.
        const sample = enqueue(
          'sample',
          files,
          async (file) => (await sampleReads()).get(file.name) ?? null,
          () => {
            weeklyIn();
            return casesMayStart;
          },
          // With no stored files of the user's (nor damaged ones), the sample's weekly files are all the
          // dashboard shows: its drawn figures are asked of DuckDB by the refresh that follows, with the
          // rest, not after the rest of start-up.
          async () => {
            const { files: kept, unreadable } = await restored;
            if (kept.length === 0 && unreadable.length === 0) markRebuilt();
          },
        );
        sample.catch(failed);
        // A batch without case-level files has no moment between: then the whole batch.
        await Promise.race([sampleWeekly, sample]);
      })
      .then(async () => {
        const { files, unreadable } = await restored;
        unreadableKeys.current = unreadable.map((u) => u.key);
        if (unreadable.length > 0) setStorageProblem({ kind: 'unreadable', names: unreadable.map((u) => u.name) });
        // A file another tab added meanwhile may have come in by message already.
        const fresh = files.filter((f) => !knownKeys.current.has(f.key));
        if (fresh.length > 0) {
          setDataset('user');
          for (const f of fresh) knownKeys.current.add(f.key);
          // The user's files queue behind the sample's case export: it goes first.
          releaseCases();
          await enqueue('user', fresh.map(storedSource));
        }
      })
      .then(() => setStartup({ phase: 'ready' }))
      .catch(failed)
      // Every stored file the dashboard shows is in DuckDB now: the figures drawn from a cache are
      // asked again, and then the sample's case export is stored.
      .finally(() => rebuilt().finally(releaseCases));
  }, [enqueue]);

  /** The public figures are read the first time they are asked for: most visits never need them. */
  const publicRequested = useRef(false);
  const chooseDataset = useCallback(
    (next: Dataset) => {
      setDataset(next);
      if (next !== 'public' || publicRequested.current) return;
      publicRequested.current = true;
      setActionProblem(null);
      fetchBundled('public/')
        .then((files) =>
          enqueue('public', files, async (file) => {
            const { readPublicFigures } = await import('../../ingest/publicFigures');
            return readPublicFigures({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), lastModified: file.lastModified });
          }),
        )
        .catch((error: unknown) => {
          publicRequested.current = false;
          setActionProblem(messageOf(error));
        });
    },
    [enqueue],
  );

  /** The user's files: kept in the browser's storage and loaded. */
  const addFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      setDataset('user');
      const sources: SourceFile[] = files.map((file) => {
        const head = (n: number) => file.slice(0, n).arrayBuffer();
        // A file too large to load is neither read nor kept. Its bytes are read only when asked: a large case-level export never is on the page.
        const fits = data.then(({ sizeProblem }) => sizeProblem({ size: file.size, head })).then((problem) => problem === null);
        return {
          name: file.name,
          lastModified: file.lastModified,
          size: file.size,
          head,
          arrayBuffer: async () => ((await fits) ? file.arrayBuffer() : new ArrayBuffer(0)),
          blob: file,
          storeKey: fits
            .then((ok) => (ok ? saveFile(file.name, file.lastModified, file) : null))
            .then((key) => {
              if (key === null) return null;
              knownKeys.current.add(key);
              announce({ type: 'added', keys: [key] });
              if (!askedToKeep.current) {
                askedToKeep.current = true;
                void askToKeep().catch(() => false);
              }
              return key;
            })
            .catch(async (error: unknown) => {
              // Loaded, but not kept: say so now, not after a reload.
              const refused = error instanceof StoreRefused ? error : new StoreRefused('failed', String(error));
              const room = await storageRoom().catch(() => null);
              setStorageProblem((current) => ({
                kind: 'not_kept',
                names: [...(current?.kind === 'not_kept' ? current.names : []), file.name],
                reason: refused.reason,
                message: refused.message,
                room,
              }));
              return null;
            }),
        };
      });
      setActionProblem(null);
      enqueue('user', sources).catch((error: unknown) => setActionProblem(messageOf(error)));
    },
    [enqueue, announce],
  );

  /** Runs a removal in the queue; a failure is shown (the data stays as it was), never left as an unhandled rejection. True when it worked. */
  const change = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setChanging((n) => n + 1);
      setActionProblem(null);
      try {
        await serial(async () => {
          storingStarts();
          try {
            await work();
          } finally {
            storingEnds();
          }
        });
        await queryClient.invalidateQueries();
        return true;
      } catch (error) {
        setActionProblem(messageOf(error));
        return false;
      } finally {
        setChanging((n) => n - 1);
      }
    },
    [queryClient, serial],
  );

  const remove = useCallback(
    (file: FileReport) =>
      change(async () => {
        await (await data).removeFile(await engine, file.fileId);
        if (file.storeKey !== null) {
          knownKeys.current.delete(file.storeKey);
          await deleteFiles([file.storeKey]).catch(() => undefined);
          announce({ type: 'removed', keys: [file.storeKey] });
        }
      }),
    [change, announce],
  );

  const setScope = useCallback(
    (file: FileReport, scope: string) => change(async () => (await data).changeCaseScope(await engine, file, scope)),
    [change],
  );

  /** Reads a kept multi-country file again for another country, and remembers the choice for the next reload. */
  const setCountry = useCallback(
    async (file: FileReport, country: string) => {
      if (file.storeKey === null) return;
      const stored = await readFile(file.storeKey).catch((error: unknown) => {
        setActionProblem(messageOf(error));
        return null;
      });
      if (!stored) return;
      rememberCountry(file.name, file.sizeBytes, country);
      if (await change(async () => (await data).removeFile(await engine, file.fileId))) await enqueue('user', [storedSource(stored)]);
    },
    [change, enqueue],
  );

  /** Removes this tab's files (and damaged records), never files another tab added since: those it has not seen. */
  const removeAllUserFiles = useCallback(async () => {
    const removed = await change(async () => {
      const { removeDataset, storeKeysOf } = await data;
      const db = await engine;
      const keys = await storeKeysOf(db, 'user');
      await removeDataset(db, 'user');
      await deleteFiles([...keys, ...unreadableKeys.current]).catch(() => undefined);
      for (const key of keys) knownKeys.current.delete(key);
      unreadableKeys.current = [];
      announce({ type: 'removed', keys });
    });
    if (!removed) return;
    setStorageProblem(null);
    setDataset('sample');
  }, [change, announce]);

  // Tabs in step: a file kept or removed in another tab is loaded or removed here too, and said.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const tabs = new BroadcastChannel(TAB_CHANNEL);
    channel.current = tabs;
    tabs.onmessage = (event: MessageEvent<TabMessage>) => {
      const { type, keys } = event.data;
      if (type === 'added') {
        const fresh = keys.filter((key) => !knownKeys.current.has(key));
        for (const key of fresh) knownKeys.current.add(key);
        void Promise.all(fresh.map((key) => readFile(key).catch(() => null))).then((found) => {
          const files = found.filter((f): f is StoredFile => f !== null);
          if (files.length === 0) return;
          setDataset('user');
          setTabNotice({ kind: 'added', names: files.map((f) => f.name) });
          return enqueue('user', files.map(storedSource));
        });
      } else {
        const gone = keys.filter((key) => knownKeys.current.delete(key));
        if (gone.length === 0) return;
        void change(async () => {
          const { removeStoredFiles, storeKeysOf } = await data;
          const db = await engine;
          const names = await removeStoredFiles(db, 'user', gone);
          if (names.length > 0) setTabNotice({ kind: 'removed', names });
          if ((await storeKeysOf(db, 'user')).length === 0 && knownKeys.current.size === 0) setDataset('sample');
        });
      }
    };
    return () => {
      tabs.close();
      channel.current = null;
    };
  }, [enqueue, change]);

  return { dataset, setDataset: chooseDataset, jobs, working: jobs.length > 0 || changing > 0,
    /** Only case-level files load (in the background): the dashboard is not waiting for anything. */
    backgroundOnly: jobs.length > 0 && changing === 0 && jobs.every((job) => job.background), startup, storageProblem, actionProblem, tabNotice, dismissTabNotice: () => setTabNotice(null), addFiles, remove, setScope, setCountry, removeAllUserFiles };
}

/** The queries of a dataset that show its case-level exports: the backlog's and the file list's. */
const CASE_QUERIES = new Set(['backlogSources', 'backlogWeeks', 'backlogSummary', 'backlogBreakdown', 'backlogFiles', 'files', 'fileCount', 'columns', 'sheets']);
function showsCases(key: readonly unknown[], dataset: Dataset): boolean {
  const [name, scope] = key;
  return CASE_QUERIES.has(String(name)) && (scope === dataset || (typeof scope === 'object' && scope !== null && (scope as { dataset?: unknown }).dataset === dataset));
}

/** A file kept in the browser's storage, as a source to load. */
function storedSource(f: StoredFile): SourceFile {
  return {
    name: f.name,
    lastModified: f.lastModified,
    size: f.content.size,
    head: (n: number) => f.content.slice(0, n).arrayBuffer(),
    arrayBuffer: () => f.content.arrayBuffer(),
    blob: f.content,
    storeKey: Promise.resolve(f.key),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const fetchSample = () => fetchBundled('');

/** The files of a bundled dataset, as its manifest lists them: the sample in data/, the public figures in data/public/. */
async function fetchBundled(folder: string): Promise<SourceFile[]> {
  const base = `${import.meta.env.BASE_URL}data/${folder}`;
  const response = await fetch(`${base}manifest.json`);
  if (!response.ok) throw new Error(`${folder || 'sample '}manifest: HTTP ${response.status}`);
  const manifest = (await response.json()) as SampleManifest;
  return manifest.files.map(({ name }) => ({
    name,
    lastModified: 0,
    arrayBuffer: async () => {
      const file = await fetch(base + encodeURIComponent(name));
      if (!file.ok) throw new Error(`${name}: HTTP ${file.status}`);
      return file.arrayBuffer();
    },
  }));
}
