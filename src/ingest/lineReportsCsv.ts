/**
 * Rejected and skipped lines as CSV bytes (line, outcome, raw, reason as JSON, sheet), written in the
 * parse worker and read by DuckDB's CSV reader: two million of them cross to the page as one
 * buffer, never as two million objects the page's thread would have to copy and store.
 */
import type { LineReport, ParsedExport } from '../domain/parsedExport';

const RAW_LINE_LIMIT = 1000;
const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function lineReportCsv(line: number, outcome: 'rejected' | 'skipped', raw: string, reason: unknown, sheet?: string): string {
  const clipped = raw.length > RAW_LINE_LIMIT ? `${raw.slice(0, RAW_LINE_LIMIT)}…` : raw;
  return `${line},${outcome},${csvField(clipped)},${csvField(JSON.stringify(reason))},${sheet === undefined ? '' : csvField(sheet)}\n`;
}

/** A parsed export with its line reports packed into bytes (and its arrays of them emptied). */
export function packLineReports(parsed: ParsedExport): ParsedExport {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let text = '';
  const add = (outcome: 'rejected' | 'skipped', reports: LineReport<unknown>[]) => {
    for (const r of reports) {
      text += lineReportCsv(r.line, outcome, r.raw, r.reason, r.sheet);
      if (text.length > 1 << 20) {
        chunks.push(encoder.encode(text));
        text = '';
      }
    }
  };
  add('rejected', parsed.rejected);
  add('skipped', parsed.skipped);
  chunks.push(encoder.encode(text));
  const csv = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (csv.set(c, at), at + c.length), 0);
  return { ...parsed, rejected: [], skipped: [], packedReports: { csv, rejected: parsed.rejected.length, skipped: parsed.skipped.length } };
}
