/**
 * Per-application ("case-level") exports: one row per case with an id, a received date and a
 * decision date (empty while open), optionally hearing type, outcome and nationality. Recognised
 * by their header, in Dutch or English, from the first 64 KB (sniffCaseLayout, on the page);
 * then, in the parse worker (readCaseExport), a plain file (casePlain.ts) goes to DuckDB as its own
 * bytes, to be read and checked there in SQL; any other is read whole: decoded from any encoding,
 * every line ending and quote handled line by line, dates read in the file's one order, every
 * check made, and the cases handed to DuckDB as clean CSV with their line numbers.
 */
import { normaliseHeader } from './headers';
import { decodeBytes } from './encoding';
import { DateReader, dateEvidence } from './dates';
import { exportDateOf } from './exportDate';
import { isNullMarker } from './numbers';
import { lineReportCsv } from './lineReportsCsv';
import { scanPlainCaseFile, type PlainScan } from './casePlain';
import { contentHash } from '../domain/contentHash';
import type { Delimiter, ExportInput } from '../domain/parsedExport';
import type { FileWarning, RejectReason, SkipReason } from '../domain/reasons';
import { CASE_FIELDS, type CaseExport, type CaseField, type CaseLayout } from '../domain/caseExport';

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
/** Names that say "an id" without saying whose: next to a column named as the case id, they are an internal row id. */
const GENERIC_IDS = new Set(['id', 'zaak', 'case']);

const SNIFF_BYTES = 64 * 1024;
/** A quoted field may hold line breaks, but not more than this many: beyond, the quote is that line's problem. */
const MAX_RECORD_LINES = 20;

/** The case layout of a file, or null when it is not a case-level export. */
export function sniffCaseLayout(bytes: Uint8Array): CaseLayout | null {
  let head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === SNIFF_BYTES) head = head.subarray(0, head.lastIndexOf(10) + 1 || head.length);
  const decoded = decodeBytes(head);
  if (!decoded.ok) return null;
  const lines = decoded.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (let i = 0; i < Math.min(lines.length, 10); i++) {
    if (lines[i].trim() === '') continue;
    for (const delimiter of [';', ',', '\t', '|'] as Delimiter[]) {
      const headers = splitLine(lines[i], delimiter).map((h) => h.trim());
      if (headers.length < 3) continue;
      const layout = caseFields(headers);
      if (layout) return { delimiter, headerLine: i + 1, headers, ...layout };
    }
  }
  return null;
}

/** Each field once (an internal id beside a named case id aside); the three that make a case export must be there. */
function caseFields(headers: string[]): Pick<CaseLayout, 'fields' | 'rowIds'> | null {
  const fields = headers.map((h) => fieldOf.get(normaliseHeader(h)) ?? null);
  const idColumns = fields.flatMap((f, i) => (f === 'case_id' ? [i] : []));
  const named = idColumns.filter((i) => !GENERIC_IDS.has(normaliseHeader(headers[i])));
  const rowIds = idColumns.length > 1 && named.length === 1 ? idColumns.filter((i) => i !== named[0]) : [];
  for (const i of rowIds) fields[i] = null;
  const seen = fields.filter((f): f is CaseField => f !== null);
  if (new Set(seen).size !== seen.length || !['case_id', 'received', 'decided'].every((f) => seen.includes(f as CaseField))) return null;
  return { fields, rowIds };
}

/** A line's fields; a quote opens a field only at its start ("O"Brien" is text). Null when a quote does not close. */
function splitLine(line: string, delimiter: string): string[] {
  return splitQuoted(line, delimiter) ?? line.split(delimiter);
}

function splitQuoted(text: string, delimiter: string): string[] | null {
  if (!text.includes('"')) return text.split(delimiter);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) return null;
        cell += text.slice(j, close);
        if (text[close + 1] === '"') {
          cell += '"';
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      // Text after the closing quote belongs to the field, as spreadsheet programs read it.
      const end = text.indexOf(delimiter, j);
      cells.push(cell + (end === -1 ? text.slice(j) : text.slice(j, end)));
      if (end === -1) return cells;
      i = end + 1;
    } else {
      const end = text.indexOf(delimiter, i);
      if (end === -1) {
        cells.push(text.slice(i));
        return cells;
      }
      cells.push(text.slice(i, end));
      i = end + 1;
    }
  }
}

interface CaseRecord {
  line: number;
  raw: string;
  /** Null: a quote that does not close within the line (or MAX_RECORD_LINES lines). */
  cells: string[] | null;
}

/**
 * The records of a text whose lines end in LF only, from `line` (1-based) on, one at a time: a
 * quoted line break joins lines, a quote that does not close is its own line's problem. The
 * lines are never all held at once: a million-row file would hold a million strings more.
 */
class Records {
  private at = 0;
  line = 1;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    private readonly fieldCount: number,
  ) {}

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  get position(): number {
    return this.at;
  }

  get done(): boolean {
    return this.at >= this.text.length;
  }

  next(): CaseRecord {
    const { text, at } = this;
    let end = this.lineEnd(at);
    const raw = text.slice(at, end);
    let record: CaseRecord = { line: this.line, raw, cells: splitQuoted(raw, this.delimiter) };
    let span = 1;
    if (record.cells === null) {
      for (let k = 1, joinedEnd = end; k < MAX_RECORD_LINES && joinedEnd < text.length; k++) {
        joinedEnd = this.lineEnd(joinedEnd + 1);
        const joined = text.slice(at, joinedEnd);
        const attempt = splitQuoted(joined, this.delimiter);
        if (attempt) {
          if (attempt.length === this.fieldCount) [record, span, end] = [{ line: this.line, raw: joined, cells: attempt }, k + 1, joinedEnd];
          break;
        }
      }
    }
    this.at = end + 1;
    this.line += span;
    return record;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/**
 * A plain file (src/ingest/casePlain.ts) as it goes to the store: its own bytes from the header
 * on, never decoded here, and the lines before the header already reported.
 */
function plainCaseExport(input: ExportInput, layout: CaseLayout, scan: PlainScan): CaseExport {
  const exportDate = exportDateOf(input.name, input.lastModified);
  const reports = scan.preHeader.map(({ line, text }) => lineReportCsv(line, 'skipped', text, text.trim() === '' ? { code: 'blank_line' } : { code: 'before_header' }));
  return {
    kind: 'cases',
    name: input.name,
    sizeBytes: input.bytes.byteLength,
    exportDate,
    layout,
    encoding: scan.encoding,
    dateOrder: 'day_first',
    rows: input.bytes.subarray(scan.headerStart),
    plain: { newLine: scan.newLine, padded: scan.padded, markers: scan.markers, uniqueIds: scan.uniqueIds, typedDates: scan.typedDates, usualYears: scan.usualYears, yearsOutside: scan.yearsOutside },
    reports: new TextEncoder().encode(reports.join('')),
    dataLines: scan.dataLines,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsSkipped: reports.length,
    contentHash: contentHash(input.bytes),
    problem: null,
    warnings: exportDate.source === 'modified' ? [{ code: 'export_date_from_modified', date: exportDate.date }] : [],
  };
}

/** A file's text with every line ending (CRLF, LF, lone CR, mixed) as LF, and no final one. */
function withLineFeeds(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const lf = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  return lf.endsWith('\n') ? lf.slice(0, -1) : lf;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Reads a case-level export whole: pure, for the parse worker. A quick scan of the text decides
 * the date order and the file's usual years from all its dates; then each row is checked and
 * written out, loaded or with its reason.
 */
export function readCaseExport(input: ExportInput, layout: CaseLayout, onProgress?: (fraction: number) => void, { lineByLine = false } = {}): CaseExport {
  const exportDate = exportDateOf(input.name, input.lastModified);
  // lineByLine: the reader's own checks even for a plain file (its tests look at the clean rows).
  const plain = lineByLine ? null : scanPlainCaseFile(input.bytes, layout);
  if (plain) return plainCaseExport(input, layout, plain);
  const decoded = decodeBytes(input.bytes);
  const text = decoded.ok ? decoded.text : '';
  const warnings: FileWarning[] = [...(decoded.ok ? (decoded.warnings ?? []) : [])];
  if (exportDate.source === 'modified') warnings.push({ code: 'export_date_from_modified', date: exportDate.date });
  const body = withLineFeeds(text);
  const { delimiter, headers, fields } = layout;
  const at = (field: CaseField) => fields.indexOf(field);
  const [idAt, receivedAt, decidedAt, hearingAt, outcomeAt, nationalityAt] = CASE_FIELDS.map(at);
  const cell = (cells: string[], i: number) => {
    const value = i >= 0 ? (cells[i] ?? '').trim() : '';
    return isNullMarker(value) ? '' : value;
  };

  const evidence = dateEvidence(text);
  const { order, usualYears: usual } = evidence;
  const dateReader = new DateReader(order ?? 'day_first');
  const problem = order === null ? { code: 'dates_mixed_order' as const, dayFirstLine: evidence.dayFirstLine!, monthFirstLine: evidence.monthFirstLine! } : null;
  if (order === 'month_first') warnings.push({ code: 'dates_month_first', line: evidence.monthFirstLine! });
  else if (order === 'day_first' && evidence.dayFirstLine === null && evidence.ambiguous) {
    warnings.push({ code: 'dates_ambiguous_order', ...evidence.ambiguous });
  }

  const reports: string[] = [];
  let [loaded, rejected, skipped, dataLines] = [0, 0, 0, 0];
  const report = (record: CaseRecord, outcome: 'rejected' | 'skipped', reason: RejectReason | SkipReason) => {
    reports.push(lineReportCsv(record.line, outcome, record.raw, reason));
    if (outcome === 'rejected') rejected++;
    else skipped++;
  };
  const firstLineOf = new Map<string, number>();
  const exportDay = exportDate.date;
  const encoder = new TextEncoder();
  const rowChunks: Uint8Array[] = [];
  let rows = '';
  const flush = () => {
    rowChunks.push(encoder.encode(rows));
    rows = '';
  };

  const records = new Records(body, delimiter, headers.length);
  while (!records.done) {
    const record = records.next();
    if (record.line === layout.headerLine) continue;
    dataLines++;
    if (record.line < layout.headerLine) {
      report(record, 'skipped', record.raw.trim() === '' ? { code: 'blank_line' } : { code: 'before_header' });
      continue;
    }
    const reason = check(record);
    if (reason !== null) report(record, reason.code === 'blank_line' ? 'skipped' : 'rejected', reason);
    else if (rows.length > 1 << 20) {
      flush();
      onProgress?.(records.position / body.length);
    }
  }
  flush();

  /** Null: loaded (written to `rows`). */
  function check(record: CaseRecord): RejectReason | SkipReason | null {
    const cells = record.cells;
    if (cells === null) return { code: 'unterminated_quote', fromLine: record.line };
    if (cells.every((c) => c.trim() === '')) return { code: 'blank_line' };
    if (problem) return { code: 'file_unusable' };
    // Fewer fields is what Excel writes when the last ones are empty; more, with text in them, is a broken line.
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
      return { code: 'too_many_fields', found: cells.length, expected: headers.length };
    }
    const id = cell(cells, idAt);
    if (id === '') return { code: 'case_id_missing' };
    const receivedText = cell(cells, receivedAt);
    if (receivedText === '') return { code: 'case_received_missing' };
    const received = dateOf(receivedAt, receivedText);
    if (typeof received !== 'string') return received;
    const decidedText = cell(cells, decidedAt);
    const decided = decidedText === '' ? '' : dateOf(decidedAt, decidedText);
    if (typeof decided !== 'string') return decided;
    if (decided !== '' && decided < received) return { code: 'case_decided_before_received', received, decided };
    const first = firstLineOf.get(id);
    if (first !== undefined) return { code: 'case_duplicate_id', id, firstLine: first };
    firstLineOf.set(id, record.line);
    rows += `${record.line},${csvField(id)},${received},${decided},${csvField(cell(cells, hearingAt))},${csvField(cell(cells, outcomeAt))},${csvField(cell(cells, nationalityAt))}\n`;
    loaded++;
    return null;
  }

  /** A date cell as an ISO date, or why it is none. */
  function dateOf(column: number, value: string): string | RejectReason {
    const date = dateReader.read(value);
    if (date === null) return { code: 'case_date_invalid', column: headers[column], text: value, order: order! };
    const year = Number(date.slice(0, 4));
    if (usual && (year < usual.from || year > usual.to)) return { code: 'date_likely_typo', column: headers[column], text: value, from: usual.from, to: usual.to };
    if (date > exportDay) return { code: 'case_date_after_export', column: headers[column], date, exportDate: exportDay };
    return date;
  }

  return {
    kind: 'cases',
    name: input.name,
    sizeBytes: input.bytes.byteLength,
    exportDate,
    layout,
    encoding: decoded.ok ? decoded.encoding : 'utf-8',
    dateOrder: order ?? 'day_first',
    rows: concat(rowChunks),
    reports: encoder.encode(reports.join('')),
    dataLines,
    rowsLoaded: loaded,
    rowsRejected: rejected,
    rowsSkipped: skipped,
    contentHash: contentHash(input.bytes),
    problem: problem ?? (loaded === 0 ? { code: 'no_data_rows' } : null),
    warnings,
  };
}
