/**
 * Per-application ("case-level") exports: one row per case with an id, a received date and a
 * decision date (empty while open), optionally hearing type, outcome and nationality. Recognised
 * by their header, in Dutch or English; read by DuckDB's own CSV reader (src/db/caseStore.ts),
 * the fast path for files of a million rows. Only the first 64 KB is looked at here.
 */
import { normaliseHeader } from './headers';
import type { Delimiter } from '../domain/parsedExport';
import { CASE_DATE_FORMATS, type CaseDateFormat, type CaseField, type CaseLayout } from '../domain/caseExport';


/** Header spellings, matched after normalising case, accents and punctuation. */
const CASE_ALIASES: Record<CaseField, string[]> = {
  case_id: ['id', 'zaak id', 'zaakid', 'zaaknummer', 'zaak', 'dossiernummer', 'aanvraagnummer', 'aanvraag id', 'v nummer', 'case id', 'case', 'case number', 'application id'],
  received: ['ontvangen', 'datum ontvangst', 'ontvangstdatum', 'datum aanvraag', 'aanvraagdatum', 'ingediend', 'datum indiening', 'received', 'date received', 'received date', 'application date'],
  decided: ['besluit', 'besluitdatum', 'datum besluit', 'beslisdatum', 'afgehandeld', 'datum afhandeling', 'decided', 'date decided', 'decision date', 'decided date'],
  hearing: ['gehoor', 'soort gehoor', 'type gehoor', 'gehoorsvorm', 'hearing', 'hearing type', 'type of hearing'],
  outcome: ['uitkomst', 'beslissing', 'resultaat', 'outcome', 'decision', 'result'],
  nationality: ['nationaliteit', 'land van herkomst', 'herkomstland', 'nationality', 'country of origin'],
};

const fieldOf = new Map<string, CaseField>(Object.entries(CASE_ALIASES).flatMap(([field, aliases]) => aliases.map((a): [string, CaseField] => [normaliseHeader(a), field as CaseField])));


const DATE_PATTERNS: [RegExp, CaseDateFormat][] = [
  [/^\d{4}-\d{1,2}-\d{1,2}$/, CASE_DATE_FORMATS.iso],
  [/^\d{1,2}-\d{1,2}-\d{4}$/, CASE_DATE_FORMATS.dutchDash],
  [/^\d{1,2}\/\d{1,2}\/\d{4}$/, CASE_DATE_FORMATS.dutchSlash],
];



const SNIFF_BYTES = 64 * 1024;

function splitHeader(line: string, delimiter: Delimiter): string[] {
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

/** The case layout of a file, or null when it is not a case-level export. */
export function sniffCaseLayout(bytes: Uint8Array): CaseLayout | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let encoding: CaseLayout['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length === SNIFF_BYTES ? head.lastIndexOf(10) + 1 : head.length));
  } catch {
    encoding = 'latin-1';
    text = new TextDecoder('windows-1252').decode(head);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (let i = 0; i < Math.min(lines.length, 10); i++) {
    if (lines[i].trim() === '') continue;
    for (const delimiter of [';', ',', '\t', '|'] as Delimiter[]) {
      const headers = splitHeader(lines[i], delimiter);
      if (headers.length < 3) continue;
      const fields = headers.map((h) => fieldOf.get(normaliseHeader(h)) ?? null);
      const seen = fields.filter((f): f is CaseField => f !== null);
      // Each field once; the three that make a case export must be there.
      if (new Set(seen).size !== seen.length || !['case_id', 'received', 'decided'].every((f) => seen.includes(f as CaseField))) continue;
      const dateColumns = [fields.indexOf('received'), fields.indexOf('decided')];
      const dates = lines.slice(i + 1, i + 200).flatMap((line) => dateColumns.map((c) => splitHeader(line, delimiter)[c] ?? '').filter(Boolean));
      return { delimiter, headerLine: i + 1, headers, fields, dateFormat: commonDateFormat(dates), encoding };
    }
  }
  return null;
}

function commonDateFormat(dates: string[]): CaseDateFormat {
  const counts = new Map<CaseDateFormat, number>();
  for (const date of dates) {
    const format = DATE_PATTERNS.find(([pattern]) => pattern.test(date))?.[1];
    if (format) counts.set(format, (counts.get(format) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? CASE_DATE_FORMATS.iso;
}

/** Lines after the header line: newlines counted in the bytes, a final newline ending the last line. */
export function dataLinesAfter(bytes: Uint8Array, headerLine: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines++;
  return Math.max(0, lines - headerLine);
}
