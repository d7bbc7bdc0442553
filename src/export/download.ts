import type { CsvCell, CsvDialect } from './csv';

/** Hands a file to the browser's download, from memory: nothing is uploaded anywhere. */
export function download(content: Blob | string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once click() returns; the next task may release ours.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from words the user reads: "Dublinoverdrachten week 27-37 2020" → "dublinoverdrachten-week-27-37-2020". */
export function fileNameOf(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A table as a CSV download: "name.csv" (standard) or "name-excel.csv" (Dutch Excel). The CSV
 * writer (PapaParse) is loaded on the first download, not with the page.
 */
export async function downloadCsv(rows: readonly (readonly CsvCell[])[], name: string, dialect: CsvDialect): Promise<void> {
  const { toCsv } = await import('./csv');
  download(toCsv(rows, dialect), `${fileNameOf(name)}${dialect === 'excel-nl' ? '-excel' : ''}.csv`);
}
