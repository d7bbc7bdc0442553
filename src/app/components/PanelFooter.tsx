import { useState, type RefObject } from 'react';
import { copyImage, tableCopy } from '../../export/clipboard';
import { chartImageSvg, chartSurface, svgToPng, type ChartImageText } from '../../charts/exportChart';
import type { CsvCell } from '../../export/csv';
import { download, downloadCsv, fileNameOf } from '../../export/download';
import { useLang, useT } from '../../i18n/language';
import { formatNumber } from '../../i18n/format';
import { CopyButton } from './CopyButton';
import { markFileName, markRows } from '../../export/provenance';
import { useCheckingFigures } from '../state/queryCache';
import { useFictionalMark } from '../state/fictionalMark';

interface Props {
  /** The panel; its chart is taken from here when drawn. */
  container: RefObject<HTMLElement | null>;
  /** Whether the chart is on screen (not the table view). */
  chartShown: boolean;
  image: Omit<ChartImageText, 'fictional'>;
  /** The table as CSV cells, written out only when downloaded. */
  table: () => CsvCell[][];
  fileName: string;
}

/**
 * A panel's foot: the source line (with the fictional-data mark), and downloads of the panel as
 * PNG (twice the size) or SVG and of its table as CSV for Dutch Excel or standard CSV; the table
 * copied as text and HTML, for a spreadsheet or a document.
 */
export function PanelFooter({ container, chartShown, image, table, fileName }: Props) {
  const t = useT();
  const lang = useLang();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const fictional = useFictionalMark();
  const base = fileNameOf(markFileName(fileName, fictional));
  // Nothing is exported from figures not yet confirmed by DuckDB.
  const checking = useCheckingFigures();
  const drawn = () => {
    const surface = container.current && chartSurface(container.current);
    return surface ? chartImageSvg(surface, { ...image, fictional }) : null;
  };
  const button = (format: string, testId: string, onClick: () => void, disabled = false) => (
    <button type="button" className="secondary small" data-testid={testId} disabled={disabled || checking} aria-label={t('downloadLabel', { title: image.title, format })} onClick={onClick}>
      {format}
    </button>
  );
  return (
    <>
      <p className="source-line">
        {fictional && <strong className="fictional-mark">{fictional} · </strong>}
        {image.source}
      </p>
      <div className="panel-exports" role="group" aria-label={t('downloadLabel', { title: image.title, format: '…' })}>
      {button('PNG', 'download-png', async () => {
        const svg = drawn();
        if (svg) download(await svgToPng(svg.svg, svg.width, svg.height), `${base}.png`);
      }, !chartShown)}
      {button('SVG', 'download-svg', () => {
        const svg = drawn();
        if (svg) download(svg.svg, `${base}.svg`, 'image/svg+xml');
      }, !chartShown)}
      <button
        type="button"
        className="secondary small"
        data-testid="copy-png"
        disabled={!chartShown}
        aria-label={t('copyChartLabel', { title: image.title })}
        onClick={async () => {
          const svg = drawn();
          if (!svg) return;
          setCopied((await copyImage(svgToPng(svg.svg, svg.width, svg.height))) ? 'copied' : 'failed');
          setTimeout(() => setCopied('idle'), 2500);
        }}
      >
        {t('copyChart')}
      </button>
      <span className="copy-state" role="status">
        {copied === 'copied' ? t('copied') : copied === 'failed' ? t('copyFailedImage') : ''}
      </span>
      <CopyButton
        label={t('copyTable')}
        ariaLabel={t('copyTableLabel', { title: image.title })}
        testId="copy-table"
        small
        content={() => tableCopy(table(), (value) => formatNumber(value, lang), image.title)}
      />
      {button(t('downloadCsvNl'), 'download-csv-excel-nl', () => downloadCsv(markRows(table(), fictional), markFileName(fileName, fictional), 'excel-nl'))}
      {button(t('downloadCsv'), 'download-csv-standard', () => downloadCsv(markRows(table(), fictional), markFileName(fileName, fictional), 'standard'))}
      </div>
    </>
  );
}
