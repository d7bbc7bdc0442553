/**
 * All of a file's rejected lines as one CSV for Dutch Excel (line, content, reason), read from
 * DuckDB in pages with a pause between them: a million lines never hold the page for long.
 */
import { describeReject } from '../../i18n/describe';
import type { Lang } from '../../i18n/language';
import { toCsv } from '../../export/csv';
import { lineReportPage } from '../../metrics/queries';
import { engine } from './engine';

const PAGE = 2000;

export async function rejectedLinesCsv(fileId: number, header: [string, string, string], lang: Lang): Promise<Blob> {
  const db = await engine;
  const parts: string[] = [toCsv([header], 'excel-nl')];
  for (let page = 0; ; page++) {
    const lines = await lineReportPage(db, fileId, 'rejected', page, PAGE);
    if (lines.length === 0) break;
    parts.push(toCsv(lines.map((l) => [l.line, l.raw, l.outcome === 'rejected' ? describeReject(l.reason, lang) : '']), 'excel-nl').replace(/^\uFEFF/, ''));
    if (lines.length < PAGE) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
