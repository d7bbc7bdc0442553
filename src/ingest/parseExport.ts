/**
 * Reads one weekly CSV export into observations, with every data line accounted for:
 * loaded + rejected + skipped = data lines. Pure and synchronous, so it runs the same in the
 * parse worker and in unit tests. Bytes become text here, text becomes rows in csvRows, and
 * readTable interprets the rows (the same step a workbook's sheets go through).
 */
import { contentHash } from '../domain/contentHash';
import { decodeBytes } from './encoding';
import { exportDateOf } from './exportDate';
import { emptyExport, MAX_LINE_CHARS, type ExportInput, type ParsedExport } from '../domain/parsedExport';
import { detectDelimiter, longestLine, splitRecords } from './csvRows';
import { readTable } from './readTable';

export function parseExport(input: ExportInput, onProgress?: (fraction: number) => void): ParsedExport {
  const result = emptyExport(input.name, input.bytes.byteLength, exportDateOf(input.name, input.lastModified));
  result.contentHash = contentHash(input.bytes);
  if (result.exportDate.source === 'modified') result.warnings.push({ code: 'export_date_from_modified', date: result.exportDate.date });
  if (input.bytes.byteLength === 0) return { ...result, problem: { code: 'empty_file' } };

  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok) return { ...result, problem: { code: decoded.reason } };
  result.encoding = decoded.encoding;
  if (decoded.text.trim() === '') return { ...result, problem: { code: 'empty_file' } };
  const longest = longestLine(decoded.text);
  if (longest.characters > MAX_LINE_CHARS) return { ...result, problem: { code: 'line_too_long', line: longest.line, characters: longest.characters, max: MAX_LINE_CHARS } };

  const delimiter = detectDelimiter(decoded.text);
  result.delimiter = delimiter;
  const table = readTable(splitRecords(decoded.text, delimiter, onProgress), result.exportDate.date);
  return { ...result, ...table, warnings: [...result.warnings, ...table.warnings] };
}
