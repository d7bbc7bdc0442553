/**
 * The loaded data as the user sees it: the bundled sample or the user's own files (never
 * both in one view), the files being read, and the actions on them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { readExport, storeParsedExport, type SourceFile } from '../data/ingest';
import { removeDataset, removeFile, type Dataset } from '../data/store';
import { engine } from './engine';

export interface IngestJob {
  id: number;
  name: string;
  fraction: number;
}

export type Startup = { phase: 'starting' } | { phase: 'ready' } | { phase: 'failed'; message: string };

interface SampleManifest {
  files: { name: string; description: string }[];
}

let nextJobId = 1;

export function useWorkspace() {
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<Dataset>('sample');
  const [jobs, setJobs] = useState<IngestJob[]>([]);
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' });
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

  /** Files load one after another, in the order given; each is visible as soon as it is stored. */
  const enqueue = useCallback(
    (target: Dataset, files: SourceFile[]) => {
      const added = files.map((file) => ({ id: nextJobId++, name: file.name, fraction: 0 }));
      setJobs((current) => [...current, ...added]);
      const progress = (job: IngestJob) => (fraction: number) => setJobs((current) => current.map((j) => (j.id === job.id ? { ...j, fraction } : j)));
      // Parsing starts now, in the worker; storing waits its turn, so files land in the order given.
      const parsed = files.map((file, index) => readExport(file, progress(added[index])));
      return serial(async () => {
        const db = await engine;
        try {
          for (const file of parsed) await storeParsedExport(db, target, await file);
        } finally {
          // One refetch for the whole batch, before its jobs disappear: the status never says ready over stale figures.
          await queryClient.invalidateQueries();
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
    fetchSample()
      .then((files) => Promise.all([engine, enqueue('sample', files)]))
      .then(() => setStartup({ phase: 'ready' }))
      .catch((error: unknown) => setStartup({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }));
  }, [enqueue]);

  const addFiles = useCallback(
    (files: SourceFile[]) => {
      if (files.length === 0) return;
      setDataset('user');
      void enqueue('user', files);
    },
    [enqueue],
  );

  const change = useCallback(
    async (work: () => Promise<void>) => {
      await serial(work);
      await queryClient.invalidateQueries();
    },
    [queryClient, serial],
  );

  const remove = useCallback((fileId: number) => change(async () => removeFile(await engine, fileId)), [change]);

  const removeAllUserFiles = useCallback(async () => {
    await change(async () => removeDataset(await engine, 'user'));
    setDataset('sample');
  }, [change]);

  return { dataset, setDataset, jobs, startup, addFiles, remove, removeAllUserFiles };
}

export type Workspace = ReturnType<typeof useWorkspace>;

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
