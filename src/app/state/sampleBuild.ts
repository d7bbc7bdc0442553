/**
 * What the build ships for the bundled sample (scripts/firstView.ts, with the app's own readers,
 * store and queries under Node):
 * - first-view.json: the figures of its first view (src/app/state/queryCache.ts);
 * - sample-reads.json: its weekly exports as the readers read them. The page stores these in
 *   DuckDB without starting the parse worker while the engine starts, and DuckDB computes every
 *   figure from them as from any file. Its case-level export is not in it: that is read at run time.
 */
import type { ParsedExport } from '../../domain/parsedExport';

export const FIRST_VIEW_FILE = 'first-view.json';
export const SAMPLE_READS_FILE = 'sample-reads.json';

/** A read export as JSON: the packed line reports (UTF-8 CSV) as text. */
type ShippedExport = Omit<ParsedExport, 'packedReports'> & { packedReports?: Omit<NonNullable<ParsedExport['packedReports']>, 'csv'> & { csv: string } };

export interface SampleReads {
  files: Record<string, ShippedExport>;
}

export function encodeSampleReads(reads: ParsedExport[]): SampleReads {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    files: Object.fromEntries(
      reads.map(({ packedReports, ...read }): [string, ShippedExport] => [read.name, { ...read, ...(packedReports ? { packedReports: { ...packedReports, csv: decoder.decode(packedReports.csv) } } : {}) }]),
    ),
  };
}

/** The reads by file name. */
export function decodeSampleReads(shipped: SampleReads): Map<string, ParsedExport> {
  const encoder = new TextEncoder();
  return new Map(
    Object.entries(shipped.files).map(([name, { packedReports, ...read }]): [string, ParsedExport] => [name, { ...read, ...(packedReports ? { packedReports: { ...packedReports, csv: encoder.encode(packedReports.csv) } } : {}) }]),
  );
}
