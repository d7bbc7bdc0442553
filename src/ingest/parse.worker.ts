/// <reference lib="webworker" />
/**
 * Parses exports off the main thread (PapaParse's own worker mode breaks in Vite 8 builds,
 * so this module worker runs it instead), and workbooks, loading SheetJS only for them.
 * Messages: ParseRequest in; progress, then a result.
 */
import { readWeeklyFile } from './readFile';
import type { ExportInput, ParsedExport } from '../domain/parsedExport';

export type ParseRequest = { id: number } & ExportInput;
export type ParseReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: ParsedExport }
  | { id: number; type: 'failed'; message: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, ...input } = event.data;
  const reply = (message: ParseReply) => self.postMessage(message);
  try {
    const result = await readWeeklyFile(input, (fraction) => reply({ id, type: 'progress', fraction }));
    reply({ id, type: 'done', result });
  } catch (error) {
    reply({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
