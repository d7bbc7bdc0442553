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
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
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

/** A4 with 20 mm margins leaves 170 mm: a chart is placed 16 cm wide, */
const CHART_WIDTH_MM = 160;
/** and at most 11 cm tall (narrower then), so two charts with their headings share a page and the first sits under the title. */
const CHART_MAX_HEIGHT_MM = 110;
const MM_PER_PX = 25.4 / 96;
const FONT = 'Arial';

const text = (content: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: content, font: FONT, bold: options.bold, size: options.size, color: options.color });

/** A chart's size on the page in CSS pixels (what the package takes), its proportions kept. */
export function chartPlacement(c: Pick<DocxChart, 'width' | 'height'>): { width: number; height: number } {
  const mm = Math.min(CHART_WIDTH_MM, (CHART_MAX_HEIGHT_MM * c.width) / c.height);
  const width = Math.round(mm / MM_PER_PX);
  return { width, height: Math.round((width * c.height) / c.width) };
}

function chart(c: DocxChart): Paragraph {
  const { width, height } = chartPlacement(c);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    keepLines: true,
    children: [new ImageRun({ type: 'png', data: c.png, transformation: { width, height }, altText: { name: c.description, title: c.description, description: c.description } })],
  });
}

/** A4 and 20 mm margins in twentieths of a point, as Word writes them (the package's converter rounds down). */
const A4 = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134;
/** The text width between the margins: 170 mm upright, 257 mm on a landscape page. */
const TEXT_WIDTH_TWIPS = A4.width - 2 * MARGIN_TWIPS;
const LANDSCAPE_TEXT_WIDTH_TWIPS = A4.height - 2 * MARGIN_TWIPS;
/** A table whose words alone take more of an upright page than this goes on landscape pages. */
const UPRIGHT_TABLE_SHARE = 0.7;
/** A table cell's text: 8.5 pt Arial; a character about 0.6 em of it (a bold header's 0.66 em); its left and right margins. */
const TABLE_FONT_HALF_POINTS = 17;
const EM_TWIPS = (TABLE_FONT_HALF_POINTS / 2) * 20;
const CELL_MARGIN_TWIPS = 80;
/** Below this many characters a column of phrases reads as a pile of single words. */
const COMFORTABLE_CHARS = 12;

/**
 * Column widths as a browser lays out a table: each column at least as wide as its longest word
 * (no "Basisperio-de"), then as far as room allows up to a comfortable width and then to its
 * longest text, the room shared in proportion to what each still lacks. Written into the
 * document, so Word and LibreOffice lay the table out alike.
 */
export function columnWidths(t: Pick<DocxTable, 'header' | 'rows'>, total: number): number[] {
  const { word, comfortable, line } = columnNeeds(t);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // From each stage to the next while the room lasts: words whole, comfortable, whole lines.
  let widths = word;
  for (const goal of [comfortable, line]) {
    const room = total - sum(widths);
    const lack = sum(goal) - sum(widths);
    if (room <= 0 || lack <= 0) break;
    const share = Math.min(1, room / lack);
    widths = widths.map((w, i) => w + (goal[i] - w) * share);
  }
  // Too narrow even for whole words, or room to spare: scaled to the text width.
  widths = widths.map((w) => (w * total) / sum(widths));
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1] += total - sum(rounded);
  return rounded;
}

/** Whether a table is too wide for an upright page: its words alone take most of the text width. */
export function needsLandscape(t: Pick<DocxTable, 'header' | 'rows'>): boolean {
  return columnNeeds(t).word.reduce((a, b) => a + b, 0) > TEXT_WIDTH_TWIPS * UPRIGHT_TABLE_SHARE;
}

/** Per column, in twips: its longest word, a comfortable width, and its longest text on one line. */
function columnNeeds(t: Pick<DocxTable, 'header' | 'rows'>): { word: number[]; comfortable: number[]; line: number[] } {
  const columns = t.header.map((h, i) => [{ text: h, em: 0.66 }, ...t.rows.map((r) => ({ text: r[i] ?? '', em: 0.6 }))]);
  const twips = (text: string, em: number) => text.length * em * EM_TWIPS + 2 * CELL_MARGIN_TWIPS;
  const widest = (cells: { text: string; em: number }[], part: (text: string) => string[]) => Math.max(...cells.flatMap((c) => part(c.text).map((p) => twips(p, c.em))));
  const word = columns.map((cells) => widest(cells, (text) => text.split(/\s+/)));
  const line = columns.map((cells, i) => Math.max(word[i], widest(cells, (text) => [text])));
  const comfortable = columns.map((cells, i) => Math.min(line[i], Math.max(word[i], widest(cells, (text) => [text.slice(0, COMFORTABLE_CHARS)]))));
  return { word, comfortable, line };
}

function table(t: DocxTable, total: number): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const widths = columnWidths(t, total);
  const cell = (content: string, i: number, head: boolean) =>
    new TableCell({
      borders,
      width: { size: widths[i], type: WidthType.DXA },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6F0F7' } : undefined,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
      children: [new Paragraph({ alignment: t.numeric[i] && !head ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(content, { bold: head, size: TABLE_FONT_HALF_POINTS })] })],
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export function reportDocument(report: DocxReport): Document {
  // A heading stays on the page of what it heads (a chart too tall for the rest of the page takes it along).
  const heading = (content: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 240, after: 120 }, children: [text(content)] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(report.title)] }),
    ...report.lines.map((line) => new Paragraph({ children: [text(line, { size: 20, color: '4D4D4D' })] })),
  ];
  if (report.fictional) children.push(new Paragraph({ spacing: { before: 120 }, children: [text(report.fictional, { bold: true, color: '8A1C1C' })] }));
  if (report.charts.length) children.push(heading(report.chartsTitle), ...report.charts.map(chart));

  // A table too wide for an upright page gets landscape pages of its own, as an annex table would.
  const landscape = needsLandscape(report.table);
  const tablePart: (Paragraph | Table)[] = [heading(report.table.caption), table(report.table, landscape ? LANDSCAPE_TEXT_WIDTH_TWIPS : TEXT_WIDTH_TWIPS)];
  if (report.table.note) tablePart.push(new Paragraph({ spacing: { before: 80 }, children: [text(report.table.note, { size: 16, color: '4D4D4D' })] }));

  const after: (Paragraph | Table)[] = [];
  if (report.paragraphs.length) {
    after.push(heading(report.paragraphsTitle));
    for (const p of report.paragraphs) {
      after.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [text(p.heading)] }));
      after.push(new Paragraph({ spacing: { after: 160 }, children: [text(p.text)] }));
    }
  }
  after.push(heading(report.sourcesTitle), ...report.sources.map((s) => new Paragraph({ bullet: { level: 0 }, children: [text(s, { size: 18 })] })));

  const margin = { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS };
  const upright = { page: { size: A4, margin } };
  // The package swaps width and height itself for a landscape page.
  const sideways = { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin } };
  return new Document({
    creator: 'Ketenmonitor',
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: landscape
      ? [
          { properties: upright, children },
          { properties: sideways, children: tablePart },
          { properties: upright, children: after },
        ]
      : [{ properties: upright, children: [...children, ...tablePart, ...after] }],
  });
}

export function reportDocx(report: DocxReport): Promise<Blob> {
  return Packer.toBlob(reportDocument(report));
}
