/**
 * One entry for every weekly file: a workbook (recognised by its container, not its name) goes to
 * the workbook reader, which loads SheetJS only then; anything else is read as CSV text.
 */
import type { CaseExport, CaseLayout } from '../domain/caseExport';
import type { ExportInput, ParsedExport } from '../domain/parsedExport';
import { readCaseExport } from './caseExport';
import { packLineReports } from './lineReportsCsv';
import { parseExport } from './parseExport';
import { parseWorkbook } from './workbook';
import { workbookContainer } from './workbookContainer';

export async function readWeeklyFile(input: ExportInput, onProgress?: (fraction: number) => void): Promise<ParsedExport> {
  if (workbookContainer(input.bytes) === null) return parseExport(input, onProgress);
  return parseWorkbook(input, () => import('@e965/xlsx'), onProgress);
}

/**
 * Any file as the page hands it over: with `caseLayout` (recognised on the page from its first
 * bytes) a case-level export, otherwise a weekly one with its line reports packed as one buffer.
 * The parse worker runs this, and so does the build step that computes the sample's first view.
 */
export async function readExportInput(input: ExportInput & { caseLayout?: CaseLayout }, onProgress: (fraction: number) => void): Promise<ParsedExport | CaseExport> {
  const { caseLayout, ...file } = input;
  if (caseLayout) return readCaseExport(file, caseLayout, (fraction) => onProgress(fraction / 2));
  return packLineReports(await readWeeklyFile(file, onProgress));
}
