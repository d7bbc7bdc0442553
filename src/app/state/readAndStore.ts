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
import { stageExports, storeExport, storeStaged } from '../../db/store';
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

const inWorker: Reader = (input, onProgress) => parser.parse(input, onProgress);

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
 * reads it from the file itself while the worker checks and hashes it (CaseExportUnderway). Never throws.
 */
export async function readExport(
  file: SourceFile,
  onProgress: (fraction: number) => void,
  /** The reader: the parse worker; the build step that computes the sample's first view reads on its own thread. */
  parse: Reader = inWorker,
): Promise<ParsedExport | CaseExport | CaseExportUnderway> {
  try {
    const tooLarge = await sizeProblem(file);
    if (tooLarge) return { ...emptyExport(file.name, file.size ?? 0, exportDateOf(file.name, file.lastModified)), problem: tooLarge };
    const underway = file.blob && file.blob.size >= UNDERWAY_BYTES ? await startUnderway(file.name, file.lastModified, file.blob, onProgress, parse) : null;
    if (underway) return underway;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const caseLayout = sniffCaseLayout(bytes) ?? undefined;
    const country = countryOverride(file.name, bytes.length);
    return await parse({ name: file.name, bytes, lastModified: file.lastModified, caseLayout, ...(country ? { country } : {}) }, onProgress);
  } catch (error) {
    return unreadable(file, error);
  }
}

/** A reader of files: given a `blob`, it reads the bytes from it (`bytes` is then empty), as the parse worker does on its own thread. */
type Reader = (input: ExportInput & { caseLayout?: CaseLayout; blob?: Blob }, onProgress: (fraction: number) => void) => Promise<ParsedExport | CaseExport>;

/**
 * A large file under way, when its first bytes show a case-level export whose first lines look
 * plain: the page reads only those (not the file: DuckDB reads the File on its own thread), and the
 * reader reads the same File from its Blob (bytes: empty) and checks all of it. Else null.
 */
async function startUnderway(name: string, lastModified: number, blob: Blob, onProgress: (fraction: number) => void, parse: Reader): Promise<CaseExportUnderway | null> {
  const first = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const layout = sniffCaseLayout(first);
  const head = layout && scanPlainHead(first, layout);
  if (!layout || !head) return null;
  const country = countryOverride(name, blob.size);
  const checked = parse({ name, bytes: new Uint8Array(0), blob, lastModified, caseLayout: layout, ...(country ? { country } : {}) }, onProgress).then((result) => {
    if (!('kind' in result)) throw new Error('the reader did not read a case-level export');
    return result;
  });
  checked.catch(() => undefined); // the store waits for it and reports its failure
  return { kind: 'cases', name, sizeBytes: blob.size, exportDate: exportDateOf(name, lastModified), layout, source: blob, reading: head.reading, checked };
}

/**
 * Stores a batch of read files in `dataset`, in order: the weekly exports in one transaction (one
 * rebuild of the derived tables), each case-level export in its own. If the batch is refused,
 * each file is stored on its own, so one bad file never costs the others.
 */
export async function storeParsedExports(
  /** DuckDB, or the promise of it: the weekly batch is staged before it is waited for (stageExports). */
  engine: Database | Promise<Database>,
  dataset: Dataset,
  /** storeKey: a promise is waited for only when the file's row is written (a case-level export is read meanwhile). */
  files: { file: ParsedExport | CaseExport | CaseExportUnderway; storeKey: StoreKey; onProgress: (fraction: number) => void }[],
  /** Called when the weekly exports are in and case-level ones follow: the dashboard can draw meanwhile. */
  beforeCases: () => Promise<void> = async () => {},
): Promise<void> {
  // Its failure is answered below, once waited for; not unhandled meanwhile.
  Promise.resolve(engine).catch(() => undefined);
  const weekly = files.filter((f): f is typeof f & { file: ParsedExport } => !('kind' in f.file));
  // Null when a key or a file cannot be staged: then, as when the batch is refused, each file is stored on its own.
  const batch =
    weekly.length > 1
      ? await Promise.all(weekly.map(async ({ file, storeKey }) => ({ parsed: file, storeKey: await storeKey })))
          .then((staging) => stageExports(dataset, staging))
          .catch(() => null)
      : null;
  const db = await engine;
  if (weekly.length > 1) {
    const stored = batch !== null && (await storeStaged(db, batch).then(() => true, () => false));
    if (!stored) for (const { file, storeKey } of weekly) await storeParsedExport(db, dataset, file, storeKey);
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
