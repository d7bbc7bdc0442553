import { format } from 'date-fns';
import { parseCalendarDate } from '../domain/isoWeek';
import type { ExportDate } from '../domain/parsedExport';


/**
 * The day an export was made: a date in its file name (2020-09-14, 20200914, 14-09-2020),
 * failing that the file's modification time. Newer exports revise older ones.
 */
/** The file name without the date exportDateOf reads from it: what names the same series in every release. */
export function withoutExportDate(fileName: string): string {
  return fileName
    .replace(/[ _.-]*(?<!\d)(?:\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}|\d{8})(?!\d)/g, '')
    .replace(/^[ _.-]+/, '');
}

export function exportDateOf(fileName: string, lastModified: number): ExportDate {
  const candidates = [
    ...fileName.matchAll(/(?<!\d)(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})(?!\d)/g),
  ].map((m) => m[1]);
  for (const m of fileName.matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)) candidates.push(`${m[1]}-${m[2]}-${m[3]}`);
  for (const candidate of candidates) {
    const date = parseCalendarDate(candidate);
    if (date) return { date, source: 'file_name' };
  }
  return { date: format(new Date(lastModified), 'yyyy-MM-dd'), source: 'modified' };
}
