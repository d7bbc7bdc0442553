import { useState } from 'react';
import type { DocxReport } from '../../export/docx';
import { download, fileNameOf } from '../../export/download';
import { useT } from '../../i18n/language';
import { markFileName } from '../../export/provenance';
import { useFictionalMark } from '../state/fictionalMark';
import { useCheckingFigures } from '../state/queryCache';

/**
 * Writes the view as a Word document. The docx code (about 400 kB) is fetched only here, when a
 * document is asked for; the report is put together at the click, from what the view shows.
 * The fictional mark is the app's one (FictionalMark): in the document and in its file name.
 * Like every copy and download, it waits until DuckDB has confirmed the figures drawn.
 */
export function ExportDocxButton({ report, fileName }: { report: () => Promise<Omit<DocxReport, 'fictional'>>; fileName: string }) {
  const t = useT();
  const fictional = useFictionalMark();
  const checking = useCheckingFigures();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="secondary"
        data-testid="export-docx"
        disabled={state === 'busy' || checking}
        onClick={async () => {
          setState('busy');
          try {
            const [{ reportDocx }, content] = await Promise.all([import('../../export/docx'), report()]);
            download(await reportDocx({ ...content, fictional }), `${fileNameOf(markFileName(fileName, fictional))}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
            setState('idle');
          } catch (error) {
            console.warn('docx export failed', error);
            setState('failed');
          }
        }}
      >
        {t('exportDocx')}
      </button>
      <span className="copy-state" role="status">
        {state === 'busy' ? t('docxBusy') : state === 'failed' ? t('docxFailed') : ''}
      </span>
    </>
  );
}
