/**
 * One entry for every weekly file: a workbook (recognised by its container, not its name) goes to
 * the workbook reader, which loads SheetJS only then; anything else is read as CSV text.
 */
import type { ExportInput, ParsedExport } from '../domain/parsedExport';
import { parseExport } from './parseExport';
import { parseWorkbook } from './workbook';
import { workbookContainer } from './workbookContainer';

export async function readWeeklyFile(input: ExportInput, onProgress?: (fraction: number) => void): Promise<ParsedExport> {
  if (workbookContainer(input.bytes) === null) return parseExport(input, onProgress);
  return parseWorkbook(input, () => import('@e965/xlsx'), onProgress);
}
