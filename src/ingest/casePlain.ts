/**
 * The byte-level pre-scan of a case-level export: decides whether the file is "plain", so that
 * DuckDB's own CSV reader can read its original bytes with every check as SQL (src/db/caseStore.ts)
 * and still give every line the number the JavaScript reader would. Plain means: UTF-8 (or ASCII)
 * without control characters, one line-ending style (all LF or all CRLF), no empty line after the
 * header, every quoted field closed on its own line, no line with more fields than the header, and
 * dates only in ISO form (2020-06-29) in the date columns and nowhere else a date whose day-month
 * order would need deciding. Then every record is one line, so a row's line is its row number
 * plus the header's line. Anything else is read by readCaseExport line by line, as before.
 */
import type { CaseLayout, PlainCaseFile, PlainReading } from '../domain/caseExport';
import { isoDateYears, medianRange } from './dates';
import { sequenceLength } from './encoding';
import { isNullMarker } from './numbers';

const [LF, CR, QUOTE, TAB] = [10, 13, 34, 9];
/** DuckDB refuses longer lines (max_line_size); such a line is not plain. */
const MAX_LINE_BYTES = 1 << 20;

export interface PlainScan extends PlainCaseFile {
  /** Where the header line starts: DuckDB is given the bytes from here. */
  headerStart: number;
  /** Lines after the header line and lines before it (reported as skipped), all one record each. */
  dataLines: number;
  preHeader: { line: number; text: string }[];
  encoding: 'utf-8' | 'utf-8-bom';
}

const isDigit = (b: number) => b >= 48 && b <= 57;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in a month, by arithmetic: a Date per cell would cost a million allocations. */
const daysIn = (year: number, month: number) => (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS[month]);
/** Whether bytes[from, to) could be an empty-cell marker (null, (leeg), leeg, … with spaces around): short, and starting so. */
function mayBeMarker(bytes: Uint8Array, from: number, to: number): boolean {
  const [b, next] = [bytes[from] | 0x20, bytes[from + 1] | 0x20];
  return to - from <= 16 && ((b === 0x6e && next === 0x75) || (b === 0x6c && next === 0x65) || b === 0x28 || b === 0x20);
}
const [ORDINARY, CONTROL, HIGH, END, QUOTED, DELIMITER, SEPARATOR] = [0, 1, 2, 3, 4, 5, 6];

/** Whether a white-space character other than a space (as JavaScript's trim() sees it) is encoded at bytes[at]. */
function unicodeSpaceAt(bytes: Uint8Array, at: number): boolean {
  const [a, b, c] = [bytes[at], bytes[at + 1], bytes[at + 2]];
  if (a === 0xc2) return b === 0xa0;
  if (a === 0xe2) return (b === 0x80 && ((c >= 0x80 && c <= 0x8a) || c === 0xa8 || c === 0xa9 || c === 0xaf)) || (b === 0x81 && c === 0x9f);
  return (a === 0xe1 && b === 0x9a && c === 0x80) || (a === 0xe3 && b === 0x80 && c === 0x80) || (a === 0xef && b === 0xbb && c === 0xbf);
}

/** Whether bytes[from, to) begins or ends with such a character. */
const unicodeSpaceAtEdge = (bytes: Uint8Array, from: number, to: number) =>
  unicodeSpaceAt(bytes, from) || (to - 2 >= from && bytes[to - 2] === 0xc2 && bytes[to - 1] === 0xa0) || (to - 3 >= from && bytes[to - 3] !== 0xc2 && unicodeSpaceAt(bytes, to - 3));

/** The plain reading of a case-level file, or null when it needs the line-by-line reader. */
export function scanPlainCaseFile(bytes: Uint8Array, layout: CaseLayout): PlainScan | null {
  const n = bytes.length;
  const bom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const delimiter = layout.delimiter.charCodeAt(0);
  const columns = layout.headers.length;
  const dateColumn = layout.fields.map((f) => f === 'received' || f === 'decided');
  // Per year, how many dates: a typed array, as a million rows hold two million dates.
  const yearCounts = new Uint32Array(10_000);
  const countYear = (year: number) => yearCounts[year]++;
  // What each byte is, so the loop over every byte is one table look-up for ordinary text.
  const kind = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) kind[b] = CONTROL;
  for (let b = 0x80; b < 0x100; b++) kind[b] = HIGH;
  kind[TAB] = ORDINARY;
  [kind[LF], kind[CR], kind[QUOTE], kind[delimiter]] = [END, END, QUOTED, DELIMITER];
  for (const b of [45, 46, 47]) kind[b] = SEPARATOR;
  const decoder = new TextDecoder();
  const preHeader: { line: number; text: string }[] = [];
  let newLine = 0; // 1: LF, 2: CRLF
  let padded = false;
  let typedDates = true;
  const idField = layout.fields.indexOf('case_id');
  // Whether the ids rise from line to line; the first is compared with an empty one.
  let increasing = true;
  let [previousIdStart, previousIdEnd] = [0, 0];
  let markers = false;
  let headerStart = -1;
  let line = 1;
  let i = bom ? 3 : 0;

  /** A field's content (quotes aside): false when it keeps the file from being plain. */
  const fieldOk = (field: number, from: number, to: number, separator: boolean): boolean => {
    if (field >= columns) return true;
    // DuckDB trims spaces only: a field that starts or ends with other white space is not plain.
    if (from < to && (bytes[from] === TAB || bytes[to - 1] === TAB || ((bytes[from] >= 0x80 || bytes[to - 1] >= 0x80) && unicodeSpaceAtEdge(bytes, from, to)))) return false;
    if (dateColumn[field]) {
      const length = to - from;
      if (length === 0) return true;
      if (
        length === 10 && bytes[from + 4] === 45 && bytes[from + 7] === 45 &&
        isDigit(bytes[from]) && isDigit(bytes[from + 1]) && isDigit(bytes[from + 2]) && isDigit(bytes[from + 3]) &&
        isDigit(bytes[from + 5]) && isDigit(bytes[from + 6]) && isDigit(bytes[from + 8]) && isDigit(bytes[from + 9])
      ) {
        const year = (bytes[from] - 48) * 1000 + (bytes[from + 1] - 48) * 100 + (bytes[from + 2] - 48) * 10 + (bytes[from + 3] - 48);
        const month = (bytes[from + 5] - 48) * 10 + (bytes[from + 6] - 48);
        const day = (bytes[from + 8] - 48) * 10 + (bytes[from + 9] - 48);
        countYear(year);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) typedDates = false;
        return true;
      }
      // Empty as SQL and BI tools write it (NULL, (leeg)), or spaces only.
      if (length > 16) return false;
      typedDates = false;
      const text = decoder.decode(bytes.subarray(from, to)).trim();
      return text === '' || isNullMarker(text);
    }
    if (!separator) return true;
    const years = isoDateYears(decoder.decode(bytes.subarray(from, to)));
    years?.forEach(countYear);
    return years !== null;
  };

  while (i < n) {
    const lineStart = i;
    const header = line === layout.headerLine;
    if (header) headerStart = i;
    const beforeHeader = line < layout.headerLine;
    const checked = !header && !beforeHeader;
    let field = 0;
    let fieldStart = i;
    let separator = false;
    let j = i;
    let b = 0;
    for (;;) {
      while (j < n && kind[bytes[j]] === ORDINARY) j++;
      b = j < n ? bytes[j] : -1;
      const what = b === -1 ? END : kind[b];
      if (what === SEPARATOR) {
        separator = true;
        j++;
        continue;
      }
      if (what === QUOTED) {
        if (j !== fieldStart || beforeHeader) return null;
        let k = j + 1;
        for (;;) {
          if (k >= n) return null;
          const c = bytes[k];
          if (c === QUOTE) {
            if (bytes[k + 1] === QUOTE) k += 2;
            else break;
          } else if (c < 0x20 && c !== TAB) return null;
          else if (c >= 0x80) {
            const length = sequenceLength(bytes, k);
            if (length === 0) return null;
            k += length;
          } else {
            if (c === 45 || c === 47 || c === 46) separator = true;
            k++;
          }
        }
        // The closing quote must end the field (text after it is read differently by DuckDB).
        const after = k + 1 < n ? bytes[k + 1] : -1;
        if (after !== delimiter && after !== LF && after !== CR && after !== -1) return null;
        if (dateColumn[field] && bytes.subarray(j + 1, k).includes(QUOTE)) return null;
        if (checked && k > j + 1) {
          if (bytes[j + 1] === 32 || bytes[k - 1] === 32) padded = true;
          if (!markers && mayBeMarker(bytes, j + 1, k) && isNullMarker(decoder.decode(bytes.subarray(j + 1, k)))) markers = true;
        }
        if (checked && !fieldOk(field, j + 1, k, separator)) return null;
        j = k + 1;
        fieldStart = -1; // closed: the field ends at the next delimiter or line end
        continue;
      }
      if (what === DELIMITER || what === END) {
        if (fieldStart !== -1 && checked && j > fieldStart) {
          if (bytes[fieldStart] === 32 || bytes[j - 1] === 32) padded = true;
          if (!markers && mayBeMarker(bytes, fieldStart, j) && isNullMarker(decoder.decode(bytes.subarray(fieldStart, j)))) markers = true;
        }
        if (field === idField && checked && increasing) {
          // Each id after the one before it (bytes compared): no id can repeat.
          if (fieldStart === -1) increasing = false;
          else {
            const length = Math.min(j - fieldStart, previousIdEnd - previousIdStart);
            let k = 0;
            while (k < length && bytes[fieldStart + k] === bytes[previousIdStart + k]) k++;
            const after = k < length ? bytes[fieldStart + k] > bytes[previousIdStart + k] : j - fieldStart > previousIdEnd - previousIdStart;
            if (!after) increasing = false;
            [previousIdStart, previousIdEnd] = [fieldStart, j];
          }
        }
        if (
          fieldStart !== -1 && checked &&
          (separator || dateColumn[field] || (j > fieldStart && (bytes[fieldStart] === TAB || bytes[j - 1] === TAB || bytes[fieldStart] >= 0x80 || bytes[j - 1] >= 0x80))) &&
          !fieldOk(field, fieldStart, j, separator)
        ) return null;
        field++;
        if (what === END) break;
        j++;
        fieldStart = j;
        separator = false;
        continue;
      }
      if (what === CONTROL) return null;
      // Accented Latin letters (ë, é) are two bytes: checked here, without a call.
      if (b >= 0xc2 && b <= 0xdf && j + 1 < n && (bytes[j + 1] & 0xc0) === 0x80) {
        j += 2;
        continue;
      }
      const length = sequenceLength(bytes, j);
      if (length === 0) return null;
      j += length;
    }
    if (j - lineStart > MAX_LINE_BYTES) return null;
    if (beforeHeader) preHeader.push({ line, text: decoder.decode(bytes.subarray(lineStart, j)) });
    else if (j === lineStart) return null; // an empty line: DuckDB would pass it over without a row
    else if (header ? field !== columns : field > columns) return null;
    if (header || beforeHeader) {
      const years = isoDateYears(decoder.decode(bytes.subarray(lineStart, j)));
      if (years === null) return null;
      years.forEach(countYear);
    }
    if (b === -1) break;
    const style = b === LF ? 1 : bytes[j + 1] === LF ? 2 : 0;
    if (style === 0 || (newLine !== 0 && style !== newLine)) return null;
    newLine = style;
    i = j + style;
    line++;
    if (i >= n) line--; // the last line's ending does not start another
  }
  if (headerStart === -1) return null;
  const usualYears = medianRange(new Map([...yearCounts.entries()].filter(([, count]) => count > 0)));
  return {
    headerStart,
    newLine: newLine === 2 ? '\r\n' : '\n',
    padded,
    markers,
    uniqueIds: increasing && !padded,
    typedDates,
    usualYears,
    yearsOutside: usualYears !== null && yearCounts.some((count, year) => count > 0 && (year < usualYears.from || year > usualYears.to)),
    dataLines: line - 1,
    preHeader,
    encoding: bom ? 'utf-8-bom' : 'utf-8',
  };
}

/** How much of a large case-level file's start is scanned on the page (the bytes the header is sniffed from). */
const HEAD_BYTES = 64 * 1024;

/**
 * What the first lines of a case-level file show (the pre-scan of its first 64 KB, cut after the
 * last whole line: `bytes` may be the file's first 64 KB only): where the header starts and how
 * DuckDB may read the file while the parse worker checks the rest; null when even they are not
 * plain. Only a promise: the whole file's scan decides.
 */
export function scanPlainHead(bytes: Uint8Array, layout: CaseLayout): { headerStart: number; reading: PlainReading } | null {
  const head = bytes.subarray(0, bytes.lastIndexOf(LF, HEAD_BYTES - 1) + 1);
  const scan = scanPlainCaseFile(head, layout);
  return scan && { headerStart: scan.headerStart, reading: { newLine: scan.newLine, padded: scan.padded, markers: scan.markers, typedDates: scan.typedDates } };
}
