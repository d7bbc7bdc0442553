/**
 * The briefing and the letter draft as a Word document (.docx), written in the browser by the
 * `docx` package: A4, a title, the date and dataset, charts as PNG images at print resolution,
 * the phase table as a real Word table, the paragraphs and a sources section. Every figure is
 * text (searchable, editable). Loaded with a dynamic import, only when a document is asked for.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface DocxChart {
  /** PNG bytes; drawn with its title, period, baseline, legend and source in the image itself. */
  png: Uint8Array;
  /** Its size in CSS pixels (the PNG has more: print resolution). */
  width: number;
  height: number;
  /** Alternative text: the chart's title and period. */
  description: string;
}

export interface DocxTable {
  caption: string;
  header: string[];
  rows: string[][];
  /** Per column: right-aligned figures. */
  numeric: boolean[];
  note?: string;
}

export interface DocxReport {
  title: string;
  /** Date made, dataset, period and baseline: one line each under the title. */
  lines: string[];
  /** "Fictieve voorbeelddata", or null for the user's own figures. */
  fictional: string | null;
  chartsTitle: string;
  charts: DocxChart[];
  table: DocxTable;
  paragraphsTitle: string;
  paragraphs: { heading: string; text: string }[];
  sourcesTitle: string;
  sources: string[];
  lang: 'nl' | 'en';
}

/** A4 with 20 mm margins leaves 170 mm: a chart is placed 16 cm wide. */
const CHART_WIDTH_MM = 160;
const MM_PER_PX = 25.4 / 96;
const FONT = 'Arial';

const text = (content: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: content, font: FONT, bold: options.bold, size: options.size, color: options.color });

function chart(c: DocxChart): Paragraph {
  const width = Math.round(CHART_WIDTH_MM / MM_PER_PX);
  const height = Math.round((width * c.height) / c.width);
  return new Paragraph({
    spacing: { after: 200 },
    keepLines: true,
    children: [new ImageRun({ type: 'png', data: c.png, transformation: { width, height }, altText: { name: c.description, title: c.description, description: c.description } })],
  });
}

function table(t: DocxTable): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (content: string, i: number, head: boolean) =>
    new TableCell({
      borders,
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6F0F7' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: t.numeric[i] && !head ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(content, { bold: head, size: 17 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export function reportDocument(report: DocxReport): Document {
  const heading = (content: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [text(content)] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(report.title)] }),
    ...report.lines.map((line) => new Paragraph({ children: [text(line, { size: 20, color: '4D4D4D' })] })),
  ];
  if (report.fictional) children.push(new Paragraph({ spacing: { before: 120 }, children: [text(report.fictional, { bold: true, color: '8A1C1C' })] }));
  if (report.charts.length) children.push(heading(report.chartsTitle), ...report.charts.map(chart));
  children.push(heading(report.table.caption), table(report.table));
  if (report.table.note) children.push(new Paragraph({ spacing: { before: 80 }, children: [text(report.table.note, { size: 16, color: '4D4D4D' })] }));
  if (report.paragraphs.length) {
    children.push(heading(report.paragraphsTitle));
    for (const p of report.paragraphs) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [text(p.heading)] }));
      children.push(new Paragraph({ spacing: { after: 160 }, children: [text(p.text)] }));
    }
  }
  children.push(heading(report.sourcesTitle), ...report.sources.map((s) => new Paragraph({ bullet: { level: 0 }, children: [text(s, { size: 18 })] })));

  return new Document({
    creator: 'Ketenmonitor',
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 and 20 mm margins in twentieths of a point, as Word writes them (the package's converter rounds down).
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
}

export function reportDocx(report: DocxReport): Promise<Blob> {
  return Packer.toBlob(reportDocument(report));
}
