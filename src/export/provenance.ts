/**
 * The mark every copy and download of figures carries: for the fictional sample, "Fictieve
 * voorbeelddata" (null for the user's own data, which carries its sources instead). Copied text
 * and HTML get it as their first line, a CSV as a column on every row (it survives sorting and
 * filtering in Excel), a downloaded file in its name: a pasted sample figure never passes for a real one.
 */
import type { CsvCell } from './csv';
import { escapeHtml } from './clipboard';

export function markCopy(content: { text: string; html: string }, mark: string | null): { text: string; html: string } {
  return mark ? { text: `${mark}\n${content.text}`, html: `<p><strong>${escapeHtml(mark)}</strong></p>${content.html}` } : content;
}

export function markRows(rows: readonly (readonly CsvCell[])[], mark: string | null): CsvCell[][] {
  return rows.map((row) => (mark ? [...row, mark] : [...row]));
}

export function markFileName(name: string, mark: string | null): string {
  return mark ? `${name} ${mark}` : name;
}
