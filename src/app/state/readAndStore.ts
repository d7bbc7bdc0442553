/**
 * Files in, tables out: reads each file, parses it in the worker, stores it in DuckDB.
 * A file that fails at any step is still listed, with the reason, and nothing already
 * loaded is touched.
 */
import { sniffCaseLayout } from '../../ingest/caseExport';
import type { CaseExport, CaseLayout } from '../../domain/caseExport';
import { setCaseScope, storeCaseExport, type CaseExportUnderway } from '../../db/caseStore';
import { scanPlainHead } from '../../ingest/casePlain';
import { countryOverride, rememberScope, scopeOverride } from './fileChoices';
import type { Database } from '../../db/database';
import type { FileProblem } from '../../domain/reasons';
import { emptyExport, type ExportInput, type ParsedExport } from '../../domain/parsedExport';
import { exportDateOf } from '../../ingest/exportDate';
import { storeExport, storeExports } from '../../db/store';
import { type Dataset } from '../../domain/dataset';
import { ParseWorkerClient, ReaderStopped } from './parseWorkerClient';

export interface SourceFile {
  name: string;
  lastModified: number;
  /** Bytes, when known before reading: a file too large to read is refused without reading it. */
  size?: number;
  /** The first bytes only (for a large file, to recognise a case-level export). */
  head?(bytes: number): Promise<ArrayBuffer>;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The file itself, when there is one: the parse worker can read it on its own thread. */
  blob?: Blob;
  /** Where the original is kept in the browser's storage (null: it could not be kept). */
  storeKey?: Promise<number | null>;
}

/** Started on the first weekly export, and again after one that stopped it. */
const parser = new ParseWorkerClient(() => new Worker(new URL('../../ingest/parse.worker.ts', import.meta.url), { type: 'module' }));

const inWorker = (input: ExportInput & { caseLayout?: CaseLayout }, onProgress: (fraction: number) => void) => parser.parse(input, onProgress);

/** Weekly exports are kilobytes; anything over this is not one, and reading it whole would cost the tab its memory. */
export const MAX_WEEKLY_BYTES = 50 * 2 ** 20;
/** A case-level export is read by DuckDB into the tab's memory: about 4 million cases fit comfortably. */
export const MAX_CASE_BYTES = 256 * 2 ** 20;
const HEAD_BYTES = 64 * 1024;
/** From this size a case-level export whose first lines look plain goes to DuckDB while the worker checks it. */
export const UNDERWAY_BYTES = 2 ** 20;

/** Why a file of `size` bytes will not be read, or null; looks at its first bytes only when it is large. */
export async function sizeProblem(file: Pick<SourceFile, 'size' | 'head'>): Promise<FileProblem | null> {
  if (file.size === undefined || file.size <= MAX_WEEKLY_BYTES) return null;
  const caseLevel = file.head ? sniffCaseLayout(new Uint8Array(await file.head(HEAD_BYTES))) !== null : false;
  if (caseLevel && file.size <= MAX_CASE_BYTES) return null;
  return { code: 'too_large', bytes: file.size, max: caseLevel ? MAX_CASE_BYTES : MAX_WEEKLY_BYTES, caseLevel };
}

/**
 * Reads one file off the main thread, in the parse worker: a weekly export, or a case-level one
 * (recognised here from its first bytes). Needs no database, so it can start before DuckDB is up.
 * A large case-level export whose first lines look plain is handed on at once, under way: DuckDB
 * reads a copy of its bytes while the worker checks and hashes them (CaseExportUnderway). Never throws.
 */
export async function readExport(
  file: SourceFile,
  onProgress: (fraction: number) => void,
  /** The reader: the parse worker; the build step that computes the sample's first view reads on its own thread. */
  parse: (input: ExportInput & { caseLayout?: CaseLayout }, onProgress: (fraction: number) => void) => Promise<ParsedExport | CaseExport> = inWorker,
): Promise<ParsedExport | CaseExport | CaseExportUnderway> {
  try {
    const tooLarge = await sizeProblem(file);
    if (tooLarge) return { ...emptyExport(file.name, file.size ?? 0, exportDateOf(file.name, file.lastModified)), problem: tooLarge };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const caseLayout = sniffCaseLayout(bytes) ?? undefined;
    const country = countryOverride(file.name, bytes.length);
    const head = caseLayout && bytes.length >= UNDERWAY_BYTES ? scanPlainHead(bytes, caseLayout) : null;
    // Under way, DuckDB gets these bytes, and the parse worker reads the file again from its Blob on its own thread (or is given a copy).
    const blob = head && parse === inWorker && file.blob?.size === bytes.length ? file.blob : undefined;
    const rows = head ? (blob ? bytes.subarray(head.headerStart) : await copyInSlices(bytes.subarray(head.headerStart))) : null;
    const input = { name: file.name, bytes, lastModified: file.lastModified, caseLayout, ...(country ? { country } : {}) };
    const read = blob ? parser.parse({ ...input, bytes: new Uint8Array(0), blob }, onProgress) : parse(input, onProgress);
    if (!caseLayout || !head || !rows) return await read;
    const checked = read.then((result) => {
      if (!('kind' in result)) throw new Error('the reader did not read a case-level export');
      return result;
    });
    checked.catch(() => undefined); // the store waits for it and reports its failure
    return { kind: 'cases', name: file.name, sizeBytes: bytes.length, exportDate: exportDateOf(file.name, file.lastModified), layout: caseLayout, rows, reading: head.reading, checked };
  } catch (error) {
    return unreadable(file, error);
  }
}

/** Bytes copied per task: a 50 MB file copied at once held the page for a tenth of a second. */
const COPY_SLICE = 4 * 2 ** 20;

/** A copy of `bytes`, a slice per task, the page's thread given back between them. */
async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += COPY_SLICE) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    copy.set(bytes.subarray(at, at + COPY_SLICE), at);
  }
  return copy;
}

/**
 * Stores a batch of read files in `dataset`, in order: the weekly exports in one transaction (one
 * rebuild of the derived tables), each case-level export in its own. If the batch is refused,
 * each file is stored on its own, so one bad file never costs the others.
 */
export async function storeParsedExports(
  db: Database,
  dataset: Dataset,
  /** storeKey: a promise is waited for only when the file's row is written (a case-level export is read meanwhile). */
  files: { file: ParsedExport | CaseExport | CaseExportUnderway; storeKey: StoreKey; onProgress: (fraction: number) => void }[],
  /** Called when the weekly exports are in and case-level ones follow: the dashboard can draw meanwhile. */
  beforeCases: () => Promise<void> = async () => {},
): Promise<void> {
  const weekly = files.filter((f): f is typeof f & { file: ParsedExport } => !('kind' in f.file));
  if (weekly.length > 1) {
    try {
      const keys = await Promise.all(weekly.map(({ storeKey }) => storeKey));
      await storeExports(db, dataset, weekly.map(({ file }, index) => ({ parsed: file, storeKey: keys[index] })));
    } catch {
      for (const { file, storeKey } of weekly) await storeParsedExport(db, dataset, file, storeKey);
    }
  } else if (weekly.length === 1) await storeParsedExport(db, dataset, weekly[0].file, weekly[0].storeKey);
  const cases = files.filter(({ file }) => 'kind' in file);
  if (weekly.length > 0 && cases.length > 0) await beforeCases();
  for (const { file, storeKey, onProgress } of cases) await storeParsedExport(db, dataset, file, storeKey, onProgress);
}

/** Puts a case-level export in another scope, and remembers it for the next reload. */
export async function changeCaseScope(db: Database, file: { fileId: number; name: string; sizeBytes: number }, scope: string): Promise<void> {
  await setCaseScope(db, file.fileId, scope);
  rememberScope(file.name, file.sizeBytes, scope);
}

/** Stores a read file in `dataset`; a file the database refuses is still listed, with the reason. */
export async function storeParsedExport(db: Database, dataset: Dataset, parsed: ParsedExport | CaseExport | CaseExportUnderway, storeKey: StoreKey, onProgress: (fraction: number) => void = () => {}): Promise<number> {
  try {
    return 'kind' in parsed
      ? await storeCaseExport(db, dataset, parsed, storeKey, onProgress, scopeOverride(parsed.name, parsed.sizeBytes))
      : await storeExport(db, dataset, parsed, await storeKey);
  } catch (error) {
    return storeExport(db, dataset, unreadable(parsed, error), await storeKey);
  }
}

/** Where a file's original is kept (null: not kept), or the promise of it. */
type StoreKey = number | null | Promise<number | null>;

function unreadable(file: SourceFile | ParsedExport | CaseExport | CaseExportUnderway, error: unknown): ParsedExport {
  const exportDate = 'exportDate' in file ? file.exportDate : exportDateOf(file.name, file.lastModified);
  const parsed = emptyExport(file.name, 'sizeBytes' in file ? file.sizeBytes : 0, exportDate);
  const message = error instanceof Error ? error.message : String(error);
  return { ...parsed, problem: error instanceof ReaderStopped ? { code: 'reader_stopped', message } : { code: 'read_failed', message } };
}
