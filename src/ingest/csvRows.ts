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

export function splitRecords(text: string, delimiter: Delimiter, onProgress?: (fraction: number) => void): TableRow[] {
  const records: TableRow[] = [];
  let start = 0;
  let line = 1;
  const progressEvery = 5000;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (row) => {
      const end = row.meta.cursor;
      const span = text.slice(start, end);
      start = end;
      if (span === '') return; // PapaParse's empty record after a final line break
      const unterminatedQuote = row.errors.some((e) => e.code === 'MissingQuotes');
      if (unterminatedQuote) {
        // One open quote swallows the rest of the file: account for each physical line.
        const lines = span.split(/\r\n|\n|\r/);
        if (lines[lines.length - 1] === '') lines.pop();
        lines.forEach((raw, i) => records.push({ line: line + i, raw, cells: [raw], unterminatedQuote: true }));
        line += lines.length;
        return;
      }
      records.push({ line, raw: span.replace(/(\r\n|\n|\r)$/, ''), cells: row.data });
      line += countLineBreaks(span);
      if (onProgress && records.length % progressEvery === 0) onProgress(end / text.length);
    },
  });
  onProgress?.(1);
  return records;
}

function countLineBreaks(span: string): number {
  return (span.match(/\r\n|\n|\r/g) ?? []).length;
}
