/**
 * A chart as a file that can go into a document on its own: the drawn SVG with the title, the
 * period, the baseline definition, the legend, a source line naming the exports, and the
 * "fictional data" mark when it applies, all drawn into the image itself. PNG at twice the size.
 */
export interface ChartImageText {
  title: string;
  /** Lines under the title: the period, the baseline definition. */
  subtitle: string[];
  legend: { label: string; color: string; dashed?: boolean }[];
  /** The numbered events' texts, listed under the chart: "1 Start COVID-19-crisis (week 12 2020)". */
  events?: string[];
  source: string;
  /** "Fictieve voorbeelddata", or null for the user's own figures. */
  fictional: string | null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = 16;
const FONT = 'Arial, Helvetica, sans-serif';
/** Average glyph width of the font at 12px: the fallback where no canvas can measure text. */
const CHAR_WIDTH = 6.2;
let measurer: CanvasRenderingContext2D | null | undefined;

/** The drawn width of a text in the image's font, measured, so wrapped lines and legend entries never run over. */
function textWidth(text: string, size: number, bold = false): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * CHAR_WIDTH * (size / 12);
  measurer.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** The chart's own drawing; Recharts' first .recharts-surface can be a legend icon. */
export function chartSurface(container: Element): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
}

function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && textWidth(`${line} ${word}`, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

export function chartImageSvg(surface: SVGSVGElement, text: ChartImageText): { svg: string; width: number; height: number } {
  const chartWidth = Number(surface.getAttribute('width')) || surface.getBoundingClientRect().width;
  const chartHeight = Number(surface.getAttribute('height')) || surface.getBoundingClientRect().height;
  const width = Math.round(chartWidth + 2 * MARGIN);
  const inner = width - 2 * MARGIN;
  const root = document.createElementNS(SVG_NS, 'svg');
  let y = MARGIN;
  const add = (tag: string, attributes: Record<string, string | number>, content?: string) => {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    if (content !== undefined) element.textContent = content;
    root.append(element);
    return element;
  };
  const background = add('rect', { x: 0, y: 0, width, fill: '#ffffff' });
  const lines = (content: string, size: number, attributes: Record<string, string | number> = {}) => {
    for (const line of wrap(content, inner, size, attributes['font-weight'] === 'bold')) {
      y += size + 4;
      add('text', { x: MARGIN, y, 'font-size': size, fill: '#1a1a1a', ...attributes }, line);
    }
  };

  lines(text.title, 16, { 'font-weight': 'bold' });
  for (const line of text.subtitle) lines(line, 12, { fill: '#4d4d4d' });
  y += 8;
  const chart = surface.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('x', String(MARGIN));
  chart.setAttribute('y', String(y));
  chart.setAttribute('width', String(chartWidth));
  chart.setAttribute('height', String(chartHeight));
  chart.removeAttribute('style');
  root.append(chart);
  y += chartHeight + 8;

  let x = MARGIN;
  for (const item of text.legend) {
    // Swatch, gap, label; entries are kept 12px apart below.
    const itemWidth = 24 + textWidth(item.label, 12);
    if (x > MARGIN && x + itemWidth > width - MARGIN) {
      x = MARGIN;
      y += 18;
    }
    add('line', { x1: x, x2: x + 18, y1: y + 12, y2: y + 12, stroke: item.color, 'stroke-width': 3, ...(item.dashed ? { 'stroke-dasharray': '5 3' } : {}) });
    add('text', { x: x + 24, y: y + 16, 'font-size': 12, fill: '#1a1a1a' }, item.label);
    x += itemWidth + 12;
  }
  y += 22;
  for (const event of text.events ?? []) lines(event, 11, { fill: '#8a1c1c' });
  if (text.events?.length) y += 4;
  lines(text.source, 11, { fill: '#4d4d4d' });
  if (text.fictional) lines(text.fictional, 12, { fill: '#8a1c1c', 'font-weight': 'bold' });
  const height = Math.round(y + MARGIN);

  background.setAttribute('height', String(height));
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws the SVG onto a canvas at `scale` times its size; a data: URL keeps the canvas untainted. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
