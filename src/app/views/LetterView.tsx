import { useMemo, useState } from 'react';
import type { Dataset } from '../../domain/dataset';
import type { CsvDialect } from '../../export/csv';
import { downloadCsv } from '../../export/download';
import { weeksLabel } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import { inOrder } from '../../domain/isoWeek';
import { LETTER_PHASES, phaseKey, type Phase } from '../../domain/phases';
import { DEFAULT_PARAGRAPH_OPTIONS, type ParagraphOptions } from '../../i18n/paragraphs';
import { format } from 'date-fns';
import { formatDay } from '../../i18n/format';
import { letterAsText, letterExports, letterParagraphs, phaseTableDisplayRows, phaseTableHeader, phaseTableRows, type Letter } from '../state/letter';
import { baselineRule } from '../state/baselineRule';
import { ExportDocxButton } from '../components/ExportDocxButton';
import { useLetter } from '../state/useLetter';
import type { ViewState } from '../state/viewState';
import { CopyButton } from '../components/CopyButton';
import { LetterParagraphs, ParagraphOptionsFields } from '../components/LetterParagraphs';
import { markFileName, markRows } from '../../export/provenance';
import { useFictionalMark } from '../state/fictionalMark';
import { PeriodParagraphs } from '../components/PeriodParagraphs';
import { PhaseTable } from '../components/PhaseTables';
import { SentenceItem } from '../components/SentenceItem';
import { WeekField } from '../components/WeekField';

interface Props {
  dataset: Dataset;
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
}

export function LetterView({ dataset, view, update }: Props) {
  const t = useT();
  const lang = useLang();
  const { letter, noData } = useLetter(dataset, view);
  const [options, setOptions] = useState<ParagraphOptions>(DEFAULT_PARAGRAPH_OPTIONS);
  const [figure, setFigure] = useState('');
  const paragraphs = useMemo(() => (letter ? letterParagraphs(letter, options, t) : []), [letter, options, t]);
  const fictional = useFictionalMark();
  if (noData) return <PeriodParagraphs dataset={dataset} fallback={<p className="empty">{t('noData')}</p>} />;
  return (
    <div className="letter-view">
      <PhaseEditor phases={view.phases} onChange={(phases) => update({ phases })} />
      <p className="rounding-rule" data-testid="rounding-rule">
        {t('roundingRule')}
      </p>
      {letter && (
        <>
          <section className="card" aria-labelledby="paragraphs-title">
            <header className="card-header">
              <h2 id="paragraphs-title">{t('paragraphsTitle')}</h2>
              <div className="actions">
                <label className="field inline">
                  {t('figureFilter')}{' '}
                  <select data-testid="figure-filter" value={figure} onChange={(e) => setFigure(e.target.value)}>
                    <option value="">{t('allFigures')}</option>
                    {paragraphs.map((p) => (
                      <option key={p.metric} value={p.metric}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </label>
                <ParagraphOptionsFields options={options} onChange={setOptions} />
                <ExportDocxButton
                  fileName={`${t('letterDocTitle')} ${format(new Date(), 'yyyy-MM-dd')}`}
                  report={async () => {
                    const exports = letterExports(letter, t);
                    return {
                      lang,
                      title: t('letterDocTitle'),
                      lines: [t('docMade', { date: formatDay(format(new Date(), 'yyyy-MM-dd'), lang) }), dataset === 'sample' ? t('docDatasetSample') : dataset === 'public' ? t('docDatasetPublic') : t('docDatasetUser', { count: exports.length }), baselineRule(view, t, lang)],
                      chartsTitle: t('docCharts'),
                      charts: [],
                      table: { caption: t('phaseTableTitle'), header: phaseTableHeader(t), rows: phaseTableDisplayRows(letter, lang), numeric: phaseTableHeader(t).map((_, i) => i >= 3), note: t('roundingRule') },
                      paragraphsTitle: t('paragraphsTitle'),
                      paragraphs: paragraphs.filter((p) => !figure || p.metric === figure).map((p) => ({ heading: p.label, text: p.text })),
                      sourcesTitle: t('docSources'),
                      sources: exports,
                    };
                  }}
                />
              </div>
            </header>
            <p className="rounding-rule">{t('paragraphsHint')}</p>
            {fictional && <p className="fictional-mark">{fictional}</p>}
            <LetterParagraphs paragraphs={paragraphs.filter((p) => !figure || p.metric === figure)} />
          </section>
          <section className="card" aria-labelledby="phase-table-title">
            <header className="card-header">
              <h2 id="phase-table-title">{t('phaseTableTitle')}</h2>
              <div className="actions">
                <CopyButton label={t('copyTable')} content={() => letterAsText(letter, t, lang, { table: true, sentences: false })} />
                <CopyButton label={t('copyAll')} content={() => letterAsText(letter, t, lang, { table: true, sentences: true })} testId="copy-all" />
                {(['excel-nl', 'standard'] as CsvDialect[]).map((dialect) => (
                  <button
                    key={dialect}
                    type="button"
                    className="secondary"
                    data-testid={`phase-table-csv-${dialect}`}
                    onClick={() => downloadCsv(markRows([phaseTableHeader(t), ...phaseTableRows(letter, lang)], fictional), markFileName(t('phaseTableTitle'), fictional), dialect)}
                  >
                    {dialect === 'excel-nl' ? t('downloadCsvNl') : t('downloadCsv')}
                  </button>
                ))}
              </div>
            </header>
            {fictional && <p className="fictional-mark">{fictional}</p>}
            <PhaseTable letter={letter} />
          </section>
          <Sentences letter={letter} figure={figure} />
        </>
      )}
      <PeriodParagraphs dataset={dataset} />
    </div>
  );
}

function PhaseEditor({ phases, onChange }: { phases: Phase[]; onChange: (phases: Phase[]) => void }) {
  const t = useT();
  const lang = useLang();
  const [name, setName] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const isDefault = phases.map(phaseKey).join() === LETTER_PHASES.map(phaseKey).join() && phases.every((p) => !p.name);
  return (
    <form className="controls phase-editor" aria-label={t('phasesLegend')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('phasesLegend')}</legend>
        <ol className="phase-list">
          {phases.map((phase, i) => {
            const title = phase.name || t('phaseNumbered', { n: i + 1 });
            return (
              <li key={`${phaseKey(phase)}-${i}`} data-testid="phase-item" data-phase={phaseKey(phase)}>
                <strong>{title}</strong>: {weeksLabel(phase, lang)}{' '}
                <button type="button" className="link" aria-label={t('removePhase', { name: title })} onClick={() => onChange(phases.filter((_, j) => j !== i))}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        {!isDefault && (
          <button type="button" className="secondary" onClick={() => onChange([...LETTER_PHASES])}>
            {t('resetPhases')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('addPhase')}</legend>
        <label className="field">
          {t('phaseName')}
          <input type="text" value={name} maxLength={60} data-testid="phase-name" onChange={(e) => setName(e.target.value)} />
        </label>
        <WeekField label={t('phaseFrom')} value={from ?? ''} onChange={setFrom} testId="phase-from" />
        <WeekField label={t('phaseTo')} value={to ?? ''} onChange={setTo} testId="phase-to" />
        <button
          type="button"
          className="primary"
          disabled={!from || !to}
          data-testid="phase-add"
          onClick={() => {
            // Weeks given back to front mean the same phase; the name must not break the URL form "from/to:name".
            const [a, b] = inOrder(from!, to!);
            onChange([...phases, { from: a, to: b, name: name.trim() }]);
            setName('');
            setFrom(null);
            setTo(null);
          }}
        >
          {t('addPhase')}
        </button>
      </fieldset>
    </form>
  );
}

function Sentences({ letter, figure }: { letter: Letter; figure: string }) {
  const t = useT();
  return (
    <section className="card sentences" aria-labelledby="sentences-title">
      <h2 id="sentences-title">{t('sentencesTitle')}</h2>
      {letter.phases.map((phase) => (
        <section key={phase.key} aria-label={phase.title}>
          <h3>{phase.title}</h3>
          <ul>
            {phase.rows.filter((row) => !figure || row.metric === figure).map((row) => (
              <SentenceItem key={row.metric} row={row} phase={phase.key} />
            ))}
          </ul>
        </section>
      ))}
      {letter.runningTotals.length > 0 && (
        <section aria-label={t('runningTotals')}>
          <h3>{t('runningTotals')}</h3>
          <ul>
            {letter.runningTotals.filter((row) => !figure || row.metric === figure).map((row) => (
              <SentenceItem key={row.metric} row={row} phase={row.figure.phase} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
