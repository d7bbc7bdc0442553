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

/** Set by Vite's define (vite.config.ts): a new id for every build, so new code never draws old figures nor stores old reads. */
declare const __BUILD_ID__: string;
export const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

/** A read export, weekly or case-level. */
export type SampleRead = ParsedExport | CaseExport;

/** A read as JSON: its bytes as base64 text (Uint8Array has no JSON form). */
type Shipped<T> = { [K in keyof T]: T[K] extends Uint8Array ? string : T[K] extends { csv: Uint8Array } | undefined ? Omit<NonNullable<T[K]>, 'csv'> & { csv: string } : T[K] };

/**
 * The reads by file name, as JSON text. The bytes are a weekly export's packed line reports and a
 * case-level export's rows and reports; the test of scripts/firstView.ts holds every read equal to
 * the readers' own, so a byte field added to either type and not named here fails it.
 */
export function encodeSampleReads(reads: SampleRead[], build: string): string {
  const shipped = reads.map((read): Shipped<ParsedExport> | Shipped<CaseExport> => {
    if ('kind' in read) return { ...read, rows: toBase64(read.rows), reports: toBase64(read.reports) };
    const { packedReports, ...rest } = read;
    return packedReports ? { ...rest, packedReports: { ...packedReports, csv: toBase64(packedReports.csv) } } : rest;
  });
  return JSON.stringify({ build, files: Object.fromEntries(shipped.map((read) => [read.name, read])) });
}

/**
 * The reads by file name; none when they are another build's (a host or browser cache that kept an
 * old file beside the new code): then the files are read as any. Bytes by name, not by a reviver:
 * JSON.parse calling one for each of its 50,000 values held the page for longer.
 */
export function decodeSampleReads(json: string, build: string): Map<string, SampleRead> {
  const { build: madeBy, files: shipped } = JSON.parse(json) as { build: string; files: Record<string, Shipped<ParsedExport> | Shipped<CaseExport>> };
  if (madeBy !== build) return new Map();
  const read = (one: Shipped<ParsedExport> | Shipped<CaseExport>): SampleRead => {
    if ('kind' in one) return { ...one, rows: fromBase64(one.rows), reports: fromBase64(one.reports) };
    const { packedReports, ...rest } = one;
    return packedReports ? { ...rest, packedReports: { ...packedReports, csv: fromBase64(packedReports.csv) } } : rest;
  };
  return new Map(Object.entries(shipped).map(([name, one]) => [name, read(one)]));
}

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
