/**
 * Splits CSV text into rows as PapaParse reads them, each with the 1-based line it starts on and
 * its raw text: the CSV side of the reader. What the rows mean is readTable's business.
 */
import Papa from 'papaparse';
import type { Delimiter } from '../domain/parsedExport';
import type { TableRow } from './readTable';

/** The delimiter that splits the first lines into the most consistent number of fields (more than one). */
export function detectDelimiter(text: string): Delimiter {
  const head = text.split(/\r\n|\n|\r/, 30).filter((l) => l.trim() !== '').join('\n');
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of [';', ',', '\t', '|'] as Delimiter[]) {
    const counts = Papa.parse<string[]>(head, { delimiter, skipEmptyLines: true }).data.map((r) => r.length);
    const modal = mode(counts);
    if (modal < 2) continue;
    const consistency = counts.filter((c) => c === modal).length / counts.length;
    const score = consistency * 1000 + modal;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function mode(values: number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of tally) if (n > bestCount || (n === bestCount && v > best)) [best, bestCount] = [v, n];
  return best;
}

/** The longest line (1-based) and its length, without splitting the text. */
export function longestLine(text: string): { line: number; characters: number } {
  let longest = { line: 1, characters: 0 };
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > longest.characters) longest = { line, characters: stop - start };
    if (end === -1) break;
    start = end + 1;
  }
  return longest;
}

/** Text with every line ending (CRLF, LF, a lone CR, mixed in one file) as LF: each ends a line. */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** After this many unclosed quotes a file is read as before: every line from the next one on rejected. */
const MAX_QUOTE_RESTARTS = 100;

/**
 * The rows of CSV text, each with the line it starts on. A quoted field may hold line breaks; a
 * quote that never closes is its own line's problem: that line is rejected and reading goes on
 * at the next one.
 */
export function splitRecords(text: string, delimiter: Delimiter, onProgress?: (fraction: number) => void): TableRow[] {
  const all = withLineFeeds(text);
  const records: TableRow[] = [];
  let line = 1;
  const progressEvery = 5000;
  for (let offset = 0, restarts = 0; offset < all.length; restarts++) {
    const part = offset === 0 ? all : all.slice(offset);
    let start = 0;
    let resume = -1;
    Papa.parse<string[]>(part, {
      delimiter,
      newline: '\n',
      skipEmptyLines: false,
      step: (row, parser) => {
        const end = row.meta.cursor;
        const span = part.slice(start, end);
        start = end;
        if (span === '') return; // PapaParse's empty record after a final line break
        if (row.errors.some((e) => e.code === 'MissingQuotes')) {
          const lines = span.split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          if (restarts < MAX_QUOTE_RESTARTS && lines.length > 1) {
            records.push({ line, raw: lines[0], cells: [lines[0]], unterminatedQuote: true });
            line += 1;
            resume = offset + end - span.length + lines[0].length + 1;
            parser.abort();
            return;
          }
          lines.forEach((raw, i) => records.push({ line: line + i, raw, cells: [raw], unterminatedQuote: true }));
          line += lines.length;
          return;
        }
        records.push({ line, raw: span.replace(/\n$/, ''), cells: row.data });
        line += countLineBreaks(span);
        if (onProgress && records.length % progressEvery === 0) onProgress((offset + end) / all.length);
      },
    });
    if (resume < 0) break;
    offset = resume;
  }
  onProgress?.(1);
  return records;
}

function countLineBreaks(span: string): number {
  return (span.match(/\r\n|\n|\r/g) ?? []).length;
}
