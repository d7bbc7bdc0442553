/// <reference lib="webworker" />
/**
 * Parses exports off the main thread (PapaParse's own worker mode breaks in Vite 8 builds,
 * so this module worker runs it instead), and workbooks, loading SheetJS only for them.
 * Messages: ParseRequest in; progress, then a result.
 */
import { readExportInput } from './readFile';
import type { ExportInput, ParsedExport } from '../domain/parsedExport';
import type { CaseExport, CaseLayout } from '../domain/caseExport';

/**
 * With `caseLayout`, a case-level export (recognised on the page from its first bytes). With
 * `blob`, the bytes are read here from it (`bytes` is then empty): the page hands its own copy to DuckDB.
 */
export type ParseRequest = { id: number; caseLayout?: CaseLayout; blob?: Blob } & ExportInput;
export type ParseReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: ParsedExport | CaseExport }
  | { id: number; type: 'failed'; message: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, caseLayout, blob, ...input } = event.data;
  const reply = (message: ParseReply, transfer: Transferable[] = []) => self.postMessage(message, transfer);
  try {
    const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : input.bytes;
    const result = await readExportInput({ ...input, bytes, caseLayout }, (fraction) => reply({ id, type: 'progress', fraction }));
    // Read from its Blob, a plain file's bytes are with DuckDB already (the page's own): they are not sent back.
    if (blob && 'kind' in result && result.plain) result.rows = new Uint8Array(0);
    // The clean rows (or a plain file's own bytes) and reports move to the page, not copied: a million cases are tens of megabytes.
    const transfer = 'kind' in result && result.kind === 'cases' ? [result.rows.buffer, result.reports.buffer] : [(result as ParsedExport).packedReports!.csv.buffer];
    reply({ id, type: 'done', result }, transfer);
  } catch (error) {
    reply({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
