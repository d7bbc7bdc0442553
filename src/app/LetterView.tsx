import { useMemo, useState } from 'react';
import { formatIsoWeek, isoWeekOfDate } from '../data/isoWeek';
import type { Dataset } from '../data/store';
import { copyRich, escapeHtml } from '../export/clipboard';
import { toCsv, type CsvDialect } from '../export/csv';
import { download, fileNameOf } from '../export/download';
import { formatNumber, weeksLabel } from '../i18n/format';
import { useLang, useT } from '../i18n/language';
import { LETTER_PHASES, phaseKey, phaseOfKey, type Phase, type PhaseFigure } from '../metrics/phases';
import { roundForLetter, roundPercent } from '../metrics/rounding';
import { useLoadedWeekRange, usePhaseFigures } from './dataQueries';
import { buildLetter, letterAsText, letterPhases, phaseTableHeader, phaseTableRows, runningTotalPhase, sourcesText, type Letter, type LetterRow } from './letter';
import { hasFigure, usePanelQuery } from './usePanelData';
import type { ViewState } from './viewState';
import { WeekField } from './WeekField';

/** The phase table and sentences of the current view, from one query. */
export function useLetter(dataset: Dataset, view: ViewState): { letter: Letter | null; noData: boolean } {
  const t = useT();
  const lang = useLang();
  const { query, panels, present, labelOf, noData } = usePanelQuery(dataset, view);
  const loaded = useLoadedWeekRange(dataset);
  const phases = useMemo(() => letterPhases(view), [view]);
  const runningTotal = useMemo(
    () => runningTotalPhase(view, formatIsoWeek(isoWeekOfDate(view.cumulativeFrom)), loaded.data ? formatIsoWeek(isoWeekOfDate(loaded.data.last)) : null),
    [view, loaded.data],
  );
  const figures = usePhaseFigures(query, useMemo(() => (runningTotal ? [...phases, runningTotal] : phases), [phases, runningTotal]));
  const letter = useMemo(() => {
    if (!figures.data) return null;
    return buildLetter({ figures: figures.data, phases, runningTotal, panels, shown: (metric) => hasFigure(metric, present), labelOf, view, lang, t });
  }, [figures.data, phases, runningTotal, panels, present, labelOf, view, lang, t]);
  return { letter, noData };
}

interface Props {
  dataset: Dataset;
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
}

export function LetterView({ dataset, view, update }: Props) {
  const t = useT();
  const lang = useLang();
  const { letter, noData } = useLetter(dataset, view);
  if (noData) return <p className="empty">{t('noData')}</p>;
  return (
    <div className="letter-view">
      <PhaseEditor phases={view.phases} onChange={(phases) => update({ phases })} />
      <p className="rounding-rule" data-testid="rounding-rule">
        {t('roundingRule')}
      </p>
      {letter && (
        <>
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
                    onClick={() => download(toCsv([phaseTableHeader(t), ...phaseTableRows(letter, lang)], dialect), `${fileNameOf(t('phaseTableTitle'))}${dialect === 'excel-nl' ? '-excel' : ''}.csv`)}
                  >
                    {dialect === 'excel-nl' ? t('downloadCsvNl') : t('downloadCsv')}
                  </button>
                ))}
              </div>
            </header>
            {dataset === 'sample' && <p className="fictional-mark">{t('sampleMark')}</p>}
            <PhaseTable letter={letter} />
          </section>
          <Sentences letter={letter} />
        </>
      )}
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
            const [a, b] = [from!, to!].sort();
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

/** Per phase, each figure exact and rounded side by side; the mean cell carries the acceptance tests' hooks. */
export function PhaseTable({ letter }: { letter: Letter }) {
  const t = useT();
  const lang = useLang();
  const n = (value: number | null, digits = 2) => (value === null ? '–' : formatNumber(value, lang, digits));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('phaseTableTitle')}>
      <table className="phase-table">
        <caption className="visually-hidden">{t('phaseTableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figure')}</th>
            <th scope="col" className="number">{t('meanExact')}</th>
            <th scope="col" className="number">{t('meanRounded')}</th>
            <th scope="col" className="number">{t('totalExact')}</th>
            <th scope="col" className="number">{t('weeksWithData')}</th>
            <th scope="col" className="number">{t('baseline')}</th>
            <th scope="col" className="number">{t('ofBaseline')}</th>
          </tr>
        </thead>
        {letter.phases.map((phase) => (
          <tbody key={phase.key}>
            <tr className="phase-heading">
              <th scope="rowgroup" colSpan={7}>
                {phase.title}: {weeksLabel(phaseOfKey(phase.key), lang)}
              </th>
            </tr>
            {phase.rows.map(({ metric, label, figure: f }) => {
              const gap = f.weeksWithData < f.weeksInRange;
              return (
                <tr key={metric}>
                  <th scope="row">{label}</th>
                  <td className="number">{n(f.mean)}</td>
                  <td className="number" {...phaseCellHooks(phase.key, metric, f)}>
                    {f.mean === null ? '–' : formatNumber(roundForLetter(f.mean), lang)}
                  </td>
                  <td className="number">{n(f.total)}</td>
                  <td className={`number${gap ? ' gap' : ''}`}>
                    {t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange })}
                    {gap && <span className="visually-hidden"> ({t('weeksMissing')})</span>}
                  </td>
                  <td className="number">{n(f.baseline)}</td>
                  <td className="number">{f.pct === null || phase.isBaseline ? '–' : `${n(f.pct, 1)}%`}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The acceptance tests' hooks on a phase table cell: the exact mean, its rounding and the gap count. */
const phaseCellHooks = (phase: string, metric: string, f: PhaseFigure) => ({
  'data-phase': phase,
  'data-metric': metric,
  'data-mean': f.mean ?? '',
  'data-rounded': f.mean === null ? '' : roundForLetter(f.mean),
  'data-weeks-with-data': f.weeksWithData,
  'data-weeks-in-range': f.weeksInRange,
});

/**
 * The briefing's table: a row per figure, a column per phase, each cell the rounded weekly mean
 * and its % of the baseline; a phase with missing weeks says how many it has.
 */
export function CompactPhaseTable({ letter, metrics }: { letter: Letter; metrics: string[] }) {
  const t = useT();
  const lang = useLang();
  const rows = metrics.filter((metric) => letter.phases.some((p) => p.rows.some((r) => r.metric === metric)));
  return (
    <table className="phase-table compact">
      <caption className="visually-hidden">{t('phaseTableTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figure')}</th>
          {letter.phases.map((phase) => (
            <th scope="col" className="number" key={phase.key}>
              {phase.title}
              <br />
              <span className="muted">{weeksLabel(phaseOfKey(phase.key), lang)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((metric) => (
          <tr key={metric}>
            <th scope="row">{letter.phases.flatMap((p) => p.rows).find((r) => r.metric === metric)!.label}</th>
            {letter.phases.map((phase) => {
              const f = phase.rows.find((r) => r.metric === metric)?.figure;
              if (!f) return <td key={phase.key} />;
              return (
                <td key={phase.key} className="number" {...phaseCellHooks(phase.key, metric, f)}>
                  {f.mean === null ? '–' : formatNumber(roundForLetter(f.mean), lang)}
                  {f.pct !== null && !phase.isBaseline && <span className="muted"> ({formatNumber(roundPercent(f.pct), lang)}%)</span>}
                  {f.weeksWithData < f.weeksInRange && <span className="gap"> [{t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange })}]</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sentences({ letter }: { letter: Letter }) {
  const t = useT();
  return (
    <section className="card sentences" aria-labelledby="sentences-title">
      <h2 id="sentences-title">{t('sentencesTitle')}</h2>
      {letter.phases.map((phase) => (
        <section key={phase.key} aria-label={phase.title}>
          <h3>{phase.title}</h3>
          <ul>
            {phase.rows.map((row) => (
              <SentenceItem key={row.metric} row={row} phase={phase.key} />
            ))}
          </ul>
        </section>
      ))}
      {letter.runningTotals.length > 0 && (
        <section aria-label={t('runningTotals')}>
          <h3>{t('runningTotals')}</h3>
          <ul>
            {letter.runningTotals.map((row) => (
              <SentenceItem key={row.metric} row={row} phase={row.figure.phase} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** A sentence, its copy button, and one click away the exact figures, weeks and exports behind it. */
export function SentenceItem({ row, phase, withEvidence = true }: { row: LetterRow; phase: string; withEvidence?: boolean }) {
  const t = useT();
  const lang = useLang();
  const f = row.figure;
  const n = (value: number | null) => (value === null ? '–' : formatNumber(value, lang, 4));
  const { from, to } = phaseOfKey(phase);
  return (
    <li className="sentence" data-testid="letter-sentence" data-metric={row.metric} data-phase={phase}>
      <p>{row.sentence}</p>
      {withEvidence && (
        <div className="sentence-tools">
          <CopyButton label={t('copy')} ariaLabel={t('copySentence', { label: row.label })} content={() => ({ text: row.sentence, html: `<p>${escapeHtml(row.sentence)}</p>` })} />
          <details>
            <summary>{t('evidence')}</summary>
            <dl className="evidence">
              <dt>{t('weeks')}</dt>
              <dd>
                {from} – {to} ({t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange })})
              </dd>
              <dt>{t('meanExact')}</dt>
              <dd>{n(f.mean)}</dd>
              {f.total !== null && (
                <>
                  <dt>{t('totalExact')}</dt>
                  <dd>{n(f.total)}</dd>
                </>
              )}
              {f.lastWeek && (
                <>
                  <dt>{t('lastWeekValue', { week: f.lastWeek })}</dt>
                  <dd>{n(f.lastValue)}</dd>
                </>
              )}
              <dt>{t('baseline')}</dt>
              <dd>{n(f.baseline)}</dd>
              <dt>{t('ofBaseline')}</dt>
              <dd>{f.pct === null ? '–' : `${n(f.pct)}%`}</dd>
              <dt>{t('source')}</dt>
              <dd>{sourcesText(f, t, lang) || t('noSources')}</dd>
            </dl>
          </details>
        </div>
      )}
    </li>
  );
}

export function CopyButton({ label, ariaLabel, content, testId }: { label: string; ariaLabel?: string; content: () => { text: string; html: string }; testId?: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={async () => {
          const { text, html } = content();
          setState((await copyRich(text, html)) ? 'copied' : 'failed');
          setTimeout(() => setState('idle'), 2500);
        }}
      >
        {label}
      </button>
      <span className="copy-state" role="status">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
