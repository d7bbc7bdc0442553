/**
 * Reads one weekly CSV export into observations, with every data line accounted for:
 * loaded + rejected + skipped = data lines. Pure and synchronous, so it runs the same in the
 * parse worker and in unit tests. Bytes become text here, text becomes rows in csvRows, and
 * readTable interprets the rows (the same step a workbook's sheets go through).
 */
import { contentHash } from '../domain/contentHash';
import { decodeBytes } from './encoding';
import { exportDateOf, withoutExportDate } from './exportDate';
import { emptyExport, MAX_LINE_CHARS, type ExportInput, type ParsedExport } from '../domain/parsedExport';
import { detectDelimiter, longestLine, splitRecords, withLineFeeds } from './csvRows';
import { readTable, type TableRow } from './readTable';

export function parseExport(input: ExportInput, onProgress?: (fraction: number) => void): ParsedExport {
  const result = emptyExport(input.name, input.bytes.byteLength, exportDateOf(input.name, input.lastModified));
  result.contentHash = contentHash(input.bytes);
  if (result.exportDate.source === 'modified') result.warnings.push({ code: 'export_date_from_modified', date: result.exportDate.date });
  if (input.bytes.byteLength === 0) return { ...result, problem: { code: 'empty_file' } };

  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok) return { ...result, problem: { code: decoded.reason } };
  result.encoding = decoded.encoding;
  result.warnings.push(...(decoded.warnings ?? []));
  if (decoded.text.trim() === '') return { ...result, problem: { code: 'empty_file' } };
  const text = withLineFeeds(decoded.text);
  const longest = longestLine(text);
  if (longest.characters > MAX_LINE_CHARS) return { ...result, problem: { code: 'line_too_long', line: longest.line, characters: longest.characters, max: MAX_LINE_CHARS } };

  // A Eurostat TSV's key column holds more commas than the file has tabs: its first cell tells.
  const eurostat = EUROSTAT_KEY.test(text.slice(0, text.indexOf('\t') + 1));
  const delimiter = eurostat ? '\t' : detectDelimiter(text);
  result.delimiter = delimiter;
  let records = splitRecords(text, delimiter, onProgress);
  if (eurostat) records = records.map(splitEurostatKey);
  const options = eurostat ? { format: 'eurostat_tsv' as const, seriesName: datasetName(input.name) } : {};
  const table = readTable(records, result.exportDate.date, new Map(), { ...options, country: input.country });
  return { ...result, ...table, warnings: [...result.warnings, ...table.warnings] };
}

/** A Eurostat TSV's first cell: its key columns, comma-separated, then `\TIME_PERIOD` (or the older `\time`). */
const EUROSTAT_KEY = /^\s*[a-z0-9_,]+\\time(?:_period)?\t$/i;

/** A Eurostat TSV row with its key ("A,PER,SY,T,NL") split into one cell per key column; its line and raw text stay. */
function splitEurostatKey(record: TableRow): TableRow {
  const [key = '', ...rest] = record.cells;
  const keys = key.replace(/\\time(?:_period)?\s*$/i, '').split(',');
  return { ...record, cells: [...keys, ...rest] };
}

/**
 * "migr_asyappctzm" from "migr_asyappctzm.tsv" (or "estat_migr_asyappctzm_en.tsv", or with the
 * release's date in the name): the dataset, the series' name, the same in every release so that a
 * later one revises it.
 */
export function datasetName(fileName: string): string {
  return withoutExportDate(fileName).replace(/\.[^.]*$/, '').replace(/^estat_/i, '').replace(/_(?:en|de|fr)$/i, '') || 'Eurostat';
}
