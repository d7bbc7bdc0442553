/**
 * What the build ships for the bundled sample (scripts/firstView.ts, with the app's own readers,
 * store and queries under Node):
 * - first-view.json: the figures of its first view (src/app/state/queryCache.ts);
 * - sample-reads.json: its exports as the readers read them. The page stores these in DuckDB
 *   without starting the parse worker while the engine starts, and DuckDB computes every figure
 *   from them as from any file.
 */
import type { CaseExport } from '../../domain/caseExport';
import type { ParsedExport } from '../../domain/parsedExport';

export const FIRST_VIEW_FILE = 'first-view.json';
export const SAMPLE_READS_FILE = 'sample-reads.json';

/** A read export, weekly or case-level. */
export type SampleRead = ParsedExport | CaseExport;

/** The reads by file name, as JSON text: bytes (packed line reports, a case-level export's rows) as base64. */
export function encodeSampleReads(reads: SampleRead[]): string {
  return JSON.stringify(Object.fromEntries(reads.map((read) => [read.name, read])), (_, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value));
}

export function decodeSampleReads(json: string): Map<string, SampleRead> {
  const reads = JSON.parse(json, (_, value: unknown) => (isBytes(value) ? fromBase64(value.$bytes) : value)) as Record<string, SampleRead>;
  return new Map(Object.entries(reads));
}

const isBytes = (value: unknown): value is { $bytes: string } => typeof value === 'object' && value !== null && typeof (value as { $bytes?: unknown }).$bytes === 'string';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
