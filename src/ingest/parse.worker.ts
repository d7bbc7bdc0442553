/// <reference lib="webworker" />
/**
 * Parses exports off the main thread (PapaParse's own worker mode breaks in Vite 8 builds,
 * so this module worker runs it instead), and workbooks, loading SheetJS only for them.
 * Messages: ParseRequest in; progress, then a result.
 */
import { readWeeklyFile } from './readFile';
import { readCaseExport } from './caseExport';
import { packLineReports } from './lineReportsCsv';
import type { ExportInput, ParsedExport } from '../domain/parsedExport';
import type { CaseExport, CaseLayout } from '../domain/caseExport';

/** With `caseLayout`, a case-level export (recognised on the page from its first bytes). */
export type ParseRequest = { id: number; caseLayout?: CaseLayout } & ExportInput;
export type ParseReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: ParsedExport | CaseExport }
  | { id: number; type: 'failed'; message: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, caseLayout, ...input } = event.data;
  const reply = (message: ParseReply, transfer: Transferable[] = []) => self.postMessage(message, transfer);
  try {
    if (caseLayout) {
      const result = readCaseExport(input, caseLayout, (fraction) => reply({ id, type: 'progress', fraction: fraction / 2 }));
      // The clean rows and reports move to the page, not copied: a million cases are tens of megabytes.
      return reply({ id, type: 'done', result }, [result.rows.buffer, result.reports.buffer]);
    }
    // Line reports cross as one buffer: two million of them would be two million objects to copy on the page.
    const result = packLineReports(await readWeeklyFile(input, (fraction) => reply({ id, type: 'progress', fraction })));
    reply({ id, type: 'done', result }, [result.packedReports!.csv.buffer]);
  } catch (error) {
    reply({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
