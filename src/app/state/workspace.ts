/**
 * The loaded data as the user sees it: the bundled sample or the user's own files (never
 * both in one view), the files being read, and the actions on them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearFiles, deleteFile, restoreFiles, saveFile } from '../../db/fileStore';
import type { SourceFile } from './readAndStore';
import type { Dataset } from '../../domain/dataset';
import type { FileReport } from '../../metrics/queries';
import { engine, storingEnds, storingStarts } from './engine';

export interface IngestJob {
  id: number;
  name: string;
  fraction: number;
}

export type Startup = { phase: 'starting' } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** What went wrong with the browser's copy of the user's files; the app works on regardless. */
export type StorageProblem = { kind: 'unreadable'; names: string[] } | { kind: 'unavailable'; message: string };

interface SampleManifest {
  files: { name: string; description: string }[];
}

let nextJobId = 1;

/** Reading and storing files (PapaParse's worker client, Arrow, the case reader): a chunk of its own, fetched at once. */
const data = Promise.all([import('./readAndStore'), import('../../db/store')]).then(([ingest, store]) => ({ ...ingest, ...store }));

export function useWorkspace() {
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>('sample');
  const [jobs, setJobs] = useState<IngestJob[]>([]);
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' });
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
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

  /** Files are read in parallel and stored together, in the order given, once all are read. */
  const enqueue = useCallback(
    (target: Dataset, files: SourceFile[]) => {
      // From now: the view these files go to asks for its figures at once, and would ask again.
      storingStarts();
      const added = files.map((file) => ({ id: nextJobId++, name: file.name, fraction: 0 }));
      setJobs((current) => [...current, ...added]);
      const progress = (job: IngestJob) => (fraction: number) => setJobs((current) => current.map((j) => (j.id === job.id ? { ...j, fraction } : j)));
      // Parsing starts now, in the worker; storing waits its turn, so files land in the order given.
      const parsed = files.map(async (file, index) => (await data).readExport(file, progress(added[index])));
      const refresh = () => {
        storingEnds();
        return queryClient.invalidateQueries();
      };
      return serial(async () => {
        storingStarts();
        try {
          const db = await engine;
          const read = await Promise.all(parsed);
          const storeKeys = await Promise.all(files.map((file) => file.storeKey ?? null));
          await (await data).storeParsedExports(
            db,
            target,
            read.map((file, index) => ({ file, storeKey: storeKeys[index], onProgress: progress(added[index]) })),
            async () => {
              await refresh();
              storingStarts();
            },
          );
        } finally {
          // One refetch for the whole batch, before its jobs disappear: the status never says ready over stale figures.
          await refresh();
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
      return { files: [], unreadable: [] };
    });
    fetchSample()
      .then((files) => Promise.all([engine, enqueue('sample', files)]))
      .then(async () => {
        const { files, unreadable } = await restored;
        if (unreadable.length > 0) setStorageProblem({ kind: 'unreadable', names: unreadable });
        if (files.length > 0) {
          setDataset('user');
          await enqueue(
            'user',
            files.map((f) => ({
              name: f.name,
              lastModified: f.lastModified,
              size: f.content.size,
              head: (n: number) => f.content.slice(0, n).arrayBuffer(),
              arrayBuffer: () => f.content.arrayBuffer(),
              storeKey: Promise.resolve(f.key),
            })),
          );
        }
      })
      .then(() => setStartup({ phase: 'ready' }))
      .catch((error: unknown) => {
        storingEnds();
        setStartup({ phase: 'failed', message: messageOf(error) });
      });
  }, [enqueue]);

  /** The user's files: kept in the browser's storage and loaded. */
  const addFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      setDataset('user');
      const sources: SourceFile[] = files.map((file) => {
        const head = (n: number) => file.slice(0, n).arrayBuffer();
        // A file too large to load is neither read nor kept.
        const bytes = data.then(({ sizeProblem }) => sizeProblem({ size: file.size, head })).then((problem) => (problem ? null : file.arrayBuffer()));
        return {
          name: file.name,
          lastModified: file.lastModified,
          size: file.size,
          head,
          arrayBuffer: async () => (await bytes) ?? new ArrayBuffer(0),
          storeKey: bytes.then((b) => (b ? saveFile(file.name, file.lastModified, file) : null)).catch(() => null),
        };
      });
      setActionProblem(null);
      enqueue('user', sources).catch((error: unknown) => setActionProblem(messageOf(error)));
    },
    [enqueue],
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
        if (file.storeKey !== null) await deleteFile(file.storeKey).catch(() => undefined);
      }),
    [change],
  );

  const setScope = useCallback(
    (file: FileReport, scope: string) => change(async () => (await data).changeCaseScope(await engine, file, scope)),
    [change],
  );

  const removeAllUserFiles = useCallback(async () => {
    const removed = await change(async () => {
      await (await data).removeDataset(await engine, 'user');
      await clearFiles().catch(() => undefined);
    });
    if (!removed) return;
    setStorageProblem(null);
    setDataset('sample');
  }, [change]);

  return { dataset, setDataset, jobs, working: jobs.length > 0 || changing > 0, startup, storageProblem, actionProblem, addFiles, remove, setScope, removeAllUserFiles };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function fetchSample(): Promise<SourceFile[]> {
  const base = `${import.meta.env.BASE_URL}data/`;
  const response = await fetch(`${base}manifest.json`);
  if (!response.ok) throw new Error(`sample manifest: HTTP ${response.status}`);
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
