import { memo, useState } from 'react';
import { LazyRangeBrush } from '../../charts/lazy';
import { addIsoWeeks, formatIsoWeek, isoWeekOfDate, isoWeeksBetween, parseCalendarDate } from '../../domain/isoWeek';
import { formatDay } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import type { BaselineMethod } from '../../domain/baseline';
import { PANELS } from '../../domain/panels';
import type { WeekRange } from '../../metrics/queries';
import type { ViewState } from '../state/viewState';
import { Loading } from './Loading';
import { WeekField } from './WeekField';
import { ErrorBoundary } from './ErrorBoundary';

interface Props {
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
  /** Mondays of the first and last loaded week. */
  loaded: WeekRange | null;
  /** The series the period brush outlines, by ISO week. */
  outline?: { label: string; byWeek: Map<string, number | null> };
}

/** Period, baseline, rolling mean and panels: every control labelled, every change a URL change. */
export const Controls = memo(function Controls({ view, update, loaded, outline }: Props) {
  const t = useT();
  const lang = useLang();
  const first = loaded ? formatIsoWeek(isoWeekOfDate(loaded.first)) : undefined;
  const last = loaded ? formatIsoWeek(isoWeekOfDate(loaded.last)) : undefined;
  const quickPicks: { label: string; from: string | null; to: string | null }[] = [
    { label: t('pickYear2020'), from: '2020-W01', to: '2020-W53' },
    { label: t('pick2020to2021'), from: '2020-W01', to: '2021-W52' },
    ...(last ? [{ label: t('pickLast26'), from: formatIsoWeek(addIsoWeeks(isoWeekOfDate(loaded!.last), -25)), to: last }] : []),
    { label: t('pickAll'), from: null, to: null },
  ];
  const allWeeks = loaded ? isoWeeksBetween(loaded.first, loaded.last) : [];
  const years = loaded ? range(Number(first!.slice(0, 4)), Number(last!.slice(0, 4))) : [view.referenceYear];

  return (
    <form className="controls" aria-label={t('controlsTitle')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('rangeLegend')}</legend>
        <WeekField label={t('fromWeek')} value={view.from ?? first ?? ''} min={first} max={last} onChange={(from) => update({ from })} testId="range-from" />
        <WeekField label={t('toWeek')} value={view.to ?? last ?? ''} min={first} max={last} onChange={(to) => update({ to })} testId="range-to" />
        {allWeeks.length > 1 && (
          // The brush failing (its code did not load) costs the brush only: the week fields and the panels stay.
          <ErrorBoundary part="view">
            <LazyRangeBrush
              key={`${allWeeks[0]}/${allWeeks[allWeeks.length - 1]}`}
              fallback={<Loading />}
              label={t('rangeBrush')}
              sliderLabels={[t('fromWeek'), t('toWeek')]}
              lang={lang}
              weeks={allWeeks}
              from={view.from ?? allWeeks[0]}
              to={view.to ?? allWeeks[allWeeks.length - 1]}
              onChange={(from, to) => update({ from, to })}
              outline={outline && { label: t('brushOutline', { label: outline.label }), values: allWeeks.map((week) => outline.byWeek.get(week) ?? null) }}
            />
          </ErrorBoundary>
        )}
        <div className="quick-picks" role="group" aria-label={t('quickPicks')}>
          {quickPicks.map((pick) => (
            <button
              key={pick.label}
              type="button"
              className="secondary"
              aria-pressed={view.from === pick.from && view.to === pick.to}
              onClick={() => update({ from: pick.from, to: pick.to })}
            >
              {pick.label}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('baselineLegend')}</legend>
        <label className="field">
          {t('baselineMethod')}
          <select value={view.method} data-testid="baseline-method" onChange={(e) => update({ method: e.target.value as BaselineMethod })}>
            <option value="mean">{t('methodMean')}</option>
            <option value="median">{t('methodMedian')}</option>
            <option value="seasonal">{t('methodSeasonal')}</option>
          </select>
        </label>
        {view.method === 'seasonal' ? (
          <label className="field">
            {t('referenceYear')}
            <select value={view.referenceYear} data-testid="baseline-reference-year" onChange={(e) => update({ referenceYear: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <WeekField label={t('baselineFrom')} value={view.baselineFrom} min={first} max={last} onChange={(w) => w && update({ baselineFrom: w })} testId="baseline-from" />
            <WeekField label={t('baselineTo')} value={view.baselineTo} min={first} max={last} onChange={(w) => w && update({ baselineTo: w })} testId="baseline-to" />
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('panelsLegend')}</legend>
        {PANELS.map((panel) => (
          <label key={panel.id} className="check">
            <input
              type="checkbox"
              checked={view.panels.includes(panel.id)}
              onChange={(e) =>
                update({ panels: PANELS.map((p) => p.id).filter((id) => (id === panel.id ? e.target.checked : view.panels.includes(id))) })
              }
            />
            {panel.title[lang]}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={view.rolling} data-testid="rolling-mean" onChange={(e) => update({ rolling: e.target.checked })} />
          {t('rollingMean')}
        </label>
      </fieldset>

      <Notes notes={view.notes} onChange={(notes) => update({ notes })} />
    </form>
  );
});

/** The user's own events: added with a date and a description, kept in the URL. */
function Notes({ notes, onChange }: { notes: ViewState['notes']; onChange: (notes: ViewState['notes']) => void }) {
  const t = useT();
  const lang = useLang();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const valid = parseCalendarDate(date) !== null && text.trim() !== '';
  return (
    <fieldset>
      <legend>{t('annotationsLegend')}</legend>
      <label className="field">
        {t('annotationDate')}
        <input type="date" value={date} data-testid="note-date" onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field">
        {t('annotationText')}
        <input type="text" value={text} data-testid="note-text" maxLength={80} onChange={(e) => setText(e.target.value)} />
      </label>
      <button
        type="button"
        className="secondary"
        disabled={!valid}
        data-testid="note-add"
        onClick={() => {
          onChange([...notes, { date, text: text.trim() }]);
          setText('');
        }}
      >
        {t('addAnnotation')}
      </button>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((note, i) => (
            <li key={`${note.date}-${i}`}>
              {formatDay(note.date, lang)}: {note.text}{' '}
              <button type="button" className="link" aria-label={t('removeAnnotation', { text: note.text })} onClick={() => onChange(notes.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
