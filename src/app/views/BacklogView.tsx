import { useMemo, useRef, useState } from 'react';
import { useFictionalMark } from '../state/fictionalMark';
import { PanelChart, type ChartLine } from '../../charts/PanelChart';
import { PALETTE } from '../../charts/palette';
import { weekTooltip } from '../../charts/weekTooltip';
import { PanelTable, tableCells, type TableColumn } from '../../charts/PanelTable';
import { addIsoWeeks, inOrder, isoWeekMonday, isoWeekOfDate } from '../../domain/isoWeek';
import type { Dataset } from '../../domain/dataset';
import { formatDay, formatNumber, visibleName, weekLabel } from '../../i18n/format';
import { useLang, useT, type Lang, type Translate } from '../../i18n/language';
import type { BacklogFile, BacklogMetric, BacklogQuery, BacklogWeek } from '../../metrics/backlog';
import { scopeRegion } from '../../domain/caseExport';
import type { BacklogSummary } from '../../domain/backlog';
import { CRISIS_WEEK } from '../../domain/baseline';
import { DEFAULT_SCENARIO, project, requiredDecisionsPerWeek, weekBackAt, type ProjectionWeek, type Scenario } from '../../domain/projection';
import { PanelFooter } from '../components/PanelFooter';
import { useBacklogBreakdown, useBacklogSources, useBacklogSummary, useBacklogFiles, useBacklogWeeks } from '../state/dataQueries';
import { weekMonday } from '../state/usePanelData';
import { DateInput } from '../components/WeekField';
import type { BacklogSettings, ViewState } from '../state/viewState';

interface Props {
  dataset: Dataset;
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
}

/** The table's columns: backlog metric id and the field of a week that holds it. */
const WEEK_COLUMNS: [BacklogMetric, keyof BacklogWeek][] = [
  ['applications', 'applications'],
  ['decisions', 'decisions'],
  ['net_change', 'netChange'],
  ['open_reported', 'openReported'],
  ['open_implied', 'openImplied'],
  ['open_difference', 'openDifference'],
  ['wait_weeks_estimate', 'waitWeeksEstimate'],
  ['open_age_0_3', 'openAge0_3'],
  ['open_age_3_6', 'openAge3_6'],
  ['open_age_6_9', 'openAge6_9'],
  ['open_age_9_plus', 'openAge9Plus'],
  ['open_past_term', 'openPastTerm'],
];
const PROJECTION_COLUMNS: [BacklogMetric, keyof ProjectionWeek][] = [
  ['projection_open', 'open'],
  ['projection_low', 'low'],
  ['projection_high', 'high'],
];

export function BacklogView({ dataset, view, update }: Props) {
  const t = useT();
  const lang = useLang();
  const settings = view.backlog;
  const sources = useBacklogSources(dataset);
  const available = sources.data ?? [];
  // Both there: the national weekly series first; a case-level export is often of one region.
  const source = settings.source && available.includes(settings.source) ? settings.source : available.includes('weekly') ? 'weekly' : (available[0] ?? 'weekly');
  const query: BacklogQuery = useMemo(() => {
    const [first, last] = inOrder(weekMonday(view.from), weekMonday(view.to));
    const [baseFirst, baseLast] = inOrder(weekMonday(view.baselineFrom)!, weekMonday(view.baselineTo)!);
    return {
      dataset,
      source,
      range: { first, last },
      baseline: { first: baseFirst, last: baseLast },
      trailingWeeks: settings.trailingWeeks,
      termMonths: settings.termMonths,
    };
  }, [dataset, source, view.from, view.to, view.baselineFrom, view.baselineTo, settings.trailingWeeks, settings.termMonths]);
  const weeks = useBacklogWeeks(query);
  const summary = useBacklogSummary(query);
  const s = summary.data;
  const scenario: Scenario = useMemo(
    () => ({ weeks: settings.projectionWeeks, extraDecisionsPerWeek: settings.extraDecisions, inflowChangePct: settings.inflowChangePct }),
    [settings.projectionWeeks, settings.extraDecisions, settings.inflowChangePct],
  );
  const projection = useMemo(() => (s ? project(s, scenario) : []), [s, scenario]);
  const behind = useBacklogFiles(dataset, source).data ?? [];
  const target = settings.target ?? s?.openBaseline ?? null;
  const targetDate = settings.targetDate ?? (s?.latestWeekStart ? isoWeekMonday(addIsoWeeks(isoWeekOfDate(s.latestWeekStart), 26)) : null);
  const targetWeekStart = targetDate ? isoWeekMonday(isoWeekOfDate(targetDate)) : null;
  const required = s && target !== null && targetWeekStart ? requiredDecisionsPerWeek(s, scenario, target, targetWeekStart) : null;
  const breakdown = useBacklogBreakdown(dataset, settings.breakdown, s?.latestWeekStart ?? null, settings.trailingWeeks, source === 'cases');
  const set = (change: Partial<BacklogSettings>) => update({ backlog: { ...settings, ...change } });
  const level = backlogLevel(view, false, t, lang);
  const title = source === 'cases' ? t('backlogTitleCases', { scope: scopesText(behind, t) }) : t('backlogTitleWeekly');

  if (sources.isSuccess && available.length === 0) return <p className="empty">{t('backlogNoData')}</p>;
  return (
    <div className="backlog-view">
      <form className="controls" aria-label={t('backlogSettings')} onSubmit={(e) => e.preventDefault()}>
        {available.length > 1 && (
          <fieldset>
            <legend>{t('backlogSource')}</legend>
            <label className="field">
              {t('backlogSource')}
              <select value={source} data-testid="backlog-source" onChange={(e) => set({ source: e.target.value as BacklogSettings['source'] })}>
                {available.map((option) => (
                  <option key={option} value={option}>
                    {t(option === 'cases' ? 'sourceCases' : 'sourceWeekly')}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        )}
        <fieldset>
          <legend>{t('backlogDefinitions')}</legend>
          <NumberField label={t('trailingWeeks')} value={settings.trailingWeeks} min={1} max={52} testId="trailing-weeks" onChange={(v) => set({ trailingWeeks: v })} />
          {source === 'cases' && <NumberField label={t('termMonths')} value={settings.termMonths} min={1} max={60} testId="term-months" onChange={(v) => set({ termMonths: v })} />}
        </fieldset>
        <fieldset>
          <legend>{t('scenario')}</legend>
          <NumberField label={t('projectionWeeks')} value={settings.projectionWeeks} min={1} max={156} testId="projection-weeks" onChange={(v) => set({ projectionWeeks: v })} />
          <NumberField label={t('extraDecisions')} value={settings.extraDecisions} min={-100000} max={100000} testId="extra-decisions" onChange={(v) => set({ extraDecisions: v })} />
          <NumberField label={t('inflowChange')} value={settings.inflowChangePct} min={-100} max={1000} testId="inflow-change" onChange={(v) => set({ inflowChangePct: v })} />
        </fieldset>
        <fieldset>
          <legend>{t('targetLegend')}</legend>
          <NumberField label={t('targetOpen', { level })} value={settings.target} placeholder={s?.openBaseline ?? undefined} min={0} max={1e9} testId="target-open" onChange={(v) => set({ target: v })} onClear={() => set({ target: null })} />
          <label className="field">
            {t('targetDate')}
            <DateInput value={targetDate ?? ''} testId="target-date" onChange={(day) => set({ targetDate: day })} />
          </label>
        </fieldset>
      </form>

      <p className="baseline-rule" data-testid="backlog-mode" data-mode={s?.mode ?? ''}>
        {s ? t(`backlogMode_${s.mode}`) : ''} {source === 'cases' ? t('caseDefinitions', { term: settings.termMonths }) : ''}
      </p>

      {s && weeks.data && (
        <BacklogPanel
          weeks={weeks.data}
          projection={projection}
          summary={s}
          source={source}
          required={required}
          target={target}
          targetDate={targetDate}
          targetIsBaseline={settings.target === null}
          title={title}
          level={level}
          period={backlogPeriod(view, t, lang)}
          markerLevel={backlogLevel(view, true, t, lang)}
          scenarioIsCurrentPace={settings.extraDecisions === DEFAULT_SCENARIO.extraDecisionsPerWeek && settings.inflowChangePct === DEFAULT_SCENARIO.inflowChangePct}
          sources={behind.map((f) => `${visibleName(f.name)} (${t('exportOf', { date: formatDay(f.exportDate, lang) })})`).join(', ')}
        />
      )}

      {source === 'cases' && s?.latestWeek && (
        <section className="card" aria-labelledby="breakdown-title">
          <header className="card-header">
            <h2 id="breakdown-title">{t('breakdownTitle', { week: weekLabel(s.latestWeek, lang) })}</h2>
            <label className="field">
              {t('breakdownBy')}
              <select value={settings.breakdown} data-testid="breakdown-by" onChange={(e) => set({ breakdown: e.target.value as BacklogSettings['breakdown'] })}>
                <option value="nationality">{t('caseField_nationality')}</option>
                <option value="hearing">{t('caseField_hearing')}</option>
              </select>
            </label>
          </header>
          <table className="weekly-table" data-testid="backlog-breakdown">
            <thead>
              <tr>
                <th scope="col">{t(settings.breakdown === 'nationality' ? 'caseField_nationality' : 'caseField_hearing')}</th>
                <th scope="col" className="number">{t('openCases')}</th>
                <th scope="col" className="number">{t('receivedTrailing', { weeks: settings.trailingWeeks })}</th>
                <th scope="col" className="number">{t('decidedTrailing', { weeks: settings.trailingWeeks })}</th>
              </tr>
            </thead>
            <tbody>
              {(breakdown.data ?? []).map((row) => (
                <tr key={row.group ?? ''}>
                  <th scope="row">{row.group ?? t('unknown')}</th>
                  <td className="number">{formatNumber(row.open, lang)}</td>
                  <td className="number">{formatNumber(row.received, lang)}</td>
                  <td className="number">{formatNumber(row.decided, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** A number input; with `onClear`, emptying it is a choice of its own (e.g. "use the default"). */
function NumberField({ label, value, min, max, testId, onChange, onClear, placeholder }: { label: string; value: number | null; min: number; max: number; testId: string; onChange: (value: number) => void; onClear?: () => void; placeholder?: number }) {
  // The typed text is kept while it is not (yet) a number, so typing "-" or "1," is not undone.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field">
      {label}
      <input
        type="number"
        inputMode="decimal"
        value={draft ?? (value === null ? '' : String(value))}
        min={min}
        max={max}
        placeholder={placeholder === undefined ? undefined : String(Math.round(placeholder))}
        data-testid={testId}
        onChange={(e) => {
          const text = e.target.value;
          const number = Number(text);
          if (text === '' && onClear) {
            setDraft(null);
            onClear();
          } else if (text !== '' && Number.isFinite(number) && number >= min && number <= max) {
            setDraft(null);
            onChange(number);
          } else setDraft(text);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

interface PanelProps {
  weeks: BacklogWeek[];
  projection: ProjectionWeek[];
  summary: BacklogSummary;
  source: 'weekly' | 'cases';
  required: number | null;
  target: number | null;
  targetDate: string | null;
  targetIsBaseline: boolean;
  /** The scenario is the trailing rates as they are: "bij het huidige tempo". */
  scenarioIsCurrentPace: boolean;
  /** With the scope of its data: "regio Zuid", "landelijk". */
  title: string;
  /** The baseline level named as the status texts name it: "vóór de COVID-19-crisis" only for a window before 2020-W12. */
  level: string;
  /** The baseline window named the same way: "vóór de COVID-19-crisis", "week 27 2020 t/m week 37 2020". */
  period: string;
  markerLevel: string;
  /** The exports behind the figures, with their dates. */
  sources: string;
}

function BacklogPanel({ weeks, projection, summary: s, source, required, target, targetDate, targetIsBaseline, scenarioIsCurrentPace, title, level, period, markerLevel, sources }: PanelProps) {
  const t = useT();
  const lang = useLang();
  const [asTable, setAsTable] = useState(false);
  const section = useRef<HTMLElement>(null);
  const fictional = useFictionalMark();
  const n = (value: number | null, digits = 1) => (value === null ? '–' : formatNumber(value, lang, digits));
  const allWeeks = [...weeks.map((w) => w.week), ...projection.map((p) => p.week)];
  const allStarts = [...weeks.map((w) => w.weekStart), ...projection.map((p) => p.weekStart)];
  const pad = <T,>(history: T[], future: T[]) => [...history, ...future];
  const none = (count: number) => Array<null>(count).fill(null);
  const historyOf = (field: keyof BacklogWeek) => weeks.map((w) => w[field] as number | null);
  const projectionOf = (field: keyof ProjectionWeek) => projection.map((p) => p[field] as number);
  const shownColumns = WEEK_COLUMNS.filter(([, field]) => weeks.some((w) => w[field] !== null));
  const partial = pad(weeks.map((w) => w.partial), Array<boolean>(projection.length).fill(false));
  const columns: TableColumn[] = [
    ...shownColumns.map(([metric, field]): TableColumn => ({ key: metric, metric, label: t(`backlogMetric_${metric}`), values: pad(historyOf(field), none(projection.length)), partial })),
    ...PROJECTION_COLUMNS.map(([metric, field]): TableColumn => ({ key: metric, metric, label: t(`backlogMetric_${metric}`), values: pad(none(weeks.length), projectionOf(field)) })),
  ];
  const stockLines: ChartLine[] = [
    { key: 'open_reported', label: t('backlogMetric_open_reported'), color: PALETTE[4], values: pad(historyOf('openReported'), none(projection.length)), shape: 'line', axis: 'left', width: 3 },
    { key: 'open_implied', label: t('backlogMetric_open_implied'), color: PALETTE[0], values: pad(historyOf('openImplied'), none(projection.length)), shape: 'line', axis: 'left' },
    { key: 'projection_open', label: t('backlogMetric_projection_open'), color: PALETTE[0], values: pad(none(weeks.length), projectionOf('open')), shape: 'line', axis: 'left', dashed: true },
  ].filter((line) => line.values.some((v) => v !== null)) as ChartLine[];
  const flowLines: ChartLine[] = [
    { key: 'applications', label: t('backlogMetric_applications'), color: PALETTE[0], values: historyOf('applications'), shape: 'line', axis: 'left' },
    { key: 'decisions', label: t('backlogMetric_decisions'), color: PALETTE[1], values: historyOf('decisions'), shape: 'line', axis: 'left' },
    { key: 'wait', label: `${t('backlogMetric_wait_weeks_estimate')} →`, color: '#1a1a1a', values: historyOf('waitWeeksEstimate'), shape: 'line', axis: 'right', dashed: true, width: 1.5 },
  ];
  const ageLines: ChartLine[] = (['openAge0_3', 'openAge3_6', 'openAge6_9', 'openAge9Plus'] as const).map((field, i) => ({
    key: field,
    label: t(`backlogMetric_${WEEK_COLUMNS.find(([, f]) => f === field)![0]}`),
    color: PALETTE[i],
    values: historyOf(field),
    shape: 'area',
    axis: 'left',
  }));
  const first = weeks[0]?.week;
  const last = weeks[weeks.length - 1]?.week;
  // The adviser's question: when, at this pace, is the backlog back at its pre-COVID level?
  const backAt = s.openBaseline === null ? null : weekBackAt(projection, s.openBaseline);
  const alreadyBack = s.openBaseline !== null && s.open !== null && s.open <= s.openBaseline;
  const pace = scenarioIsCurrentPace ? t('atCurrentPace') : t('inThisScenario');
  const backSentence =
    s.openBaseline === null || s.open === null
      ? null
      : alreadyBack
        ? t('alreadyBackAtLevel', { level })
        : backAt
          ? t('backAtLevelIn', { pace, week: weekLabel(backAt, lang), level })
          : t('notBackWithin', { pace, weeks: projection.length, level });
  const markers = useMemo(() => (backAt ? [{ week: backAt, label: t('backAtLevelMarker', { level: markerLevel }) }] : []), [backAt, markerLevel, t]);
  // The three charts share one time axis: the weeks with figures and the projected ones.
  const padded = (values: (number | null)[]) => pad(values, none(projection.length));
  const pastTerm = weeks[weeks.length - 1]?.openPastTerm ?? null;

  return (
    <section className="panel" data-testid="panel-backlog" data-source={source} aria-labelledby="backlog-title" ref={section}>
      <header className="card-header">
        <h2 id="backlog-title">{title}</h2>
        <button type="button" className="toggle" data-testid="show-table" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} aria-label={asTable ? t('showChartLabel', { label: title }) : t('showTableLabel', { label: title })}>
          {asTable ? t('showChart') : t('showTable')}
        </button>
      </header>
      <dl className="backlog-facts">
        <dt>{t('openAt', { week: s.latestWeek ? weekLabel(s.latestWeek, lang) : '–' })}</dt>
        <dd data-testid="backlog-open" data-value={s.open ?? ''}>{n(s.open, 0)}</dd>
        <dt>{t('ratesTrailing')}</dt>
        <dd>{t('ratesValue', { applications: n(s.applicationsRate), decisions: n(s.decisionsRate) })}</dd>
        <dt>{t('backlogMetric_wait_weeks_estimate')}</dt>
        <dd data-testid="wait-now" data-value={s.waitWeeks ?? ''}>
          {t('waitValue', { now: n(s.waitWeeks), before: n(s.waitBaseline), period })}
        </dd>
        {source === 'cases' && (
          <>
            <dt>{t('pastTermAt', { week: s.latestWeek ? weekLabel(s.latestWeek, lang) : '–' })}</dt>
            <dd data-testid="past-term" data-value={pastTerm ?? ''}>{n(pastTerm, 0)}</dd>
          </>
        )}
        {s.mode === 'reconciled' && (
          <>
            <dt>{t('reconciliation')}</dt>
            <dd>{t('weeksDiffering', { count: s.weeksDiffering })}</dd>
          </>
        )}
      </dl>
      {backSentence && (
        <p className="solver" data-testid="back-at-level" data-week={backAt ?? ''} data-target={s.openBaseline ?? ''}>
          <strong>{backSentence}</strong>
        </p>
      )}
      {s.completeFrom && (
        <p className="note" data-testid="backlog-complete-from" data-week={s.completeFrom}>
          {t('backlogCompleteFrom', { week: weekLabel(s.completeFrom, lang) })}
        </p>
      )}
      {s.partialWeek && <p className="note">{t('statusPartial', { week: weekLabel(s.partialWeek, lang) })}</p>}
      <p className="solver" data-testid="required-decisions-per-week" data-value={required ?? ''}>
        {required === null
          ? t(s.applicationsRate === null && s.open !== null ? 'solverNoInflow' : 'solverNoAnswer')
          : t('solverAnswer', {
              decisions: formatNumber(Math.ceil(required), lang),
              target: formatNumber(Math.round(target!), lang),
              which: targetIsBaseline ? ` (${level})` : '',
              date: targetDate ? formatDay(targetDate, lang) : '',
              now: n(s.decisionsRate),
            })}
      </p>

      {asTable ? (
        <PanelTable caption={fictional ? `${title} (${fictional})` : title} weeks={allWeeks} weekStarts={allStarts} columns={columns} sources={allWeeks.map((_, i) => (i < weeks.length ? '' : t('projected')))} />
      ) : (
        <>
          <h3 className="chart-title">{t('backlogStockChartTitle')}</h3>
          <PanelChart
            description={t('backlogChartLabel', { first: first ? weekLabel(first, lang) : '', last: last ? weekLabel(last, lang) : '', weeks: projection.length })}
            weeks={allWeeks}
            lines={stockLines}
            stacked={false}
            baseline={s.openBaseline === null ? null : { axis: 'left', value: s.openBaseline, band: null, label: `${markerLevel.charAt(0).toUpperCase()}${markerLevel.slice(1)}: ${n(s.openBaseline, 0)}` }}
            tooltipAt={(i) => backlogTooltip(allWeeks[i], allStarts[i], i, [...stockLines], t, lang)}
            markers={markers}
            axisLabels={{ left: t('openCasesAxis') }}
            rightAxisRoom
            bands={projection.length ? [{ key: 'projection_band', label: t('projectionBand'), color: PALETTE[0], axis: 'left', low: pad(none(weeks.length), projectionOf('low')), high: pad(none(weeks.length), projectionOf('high')) }] : []}
          />
          <h3 className="chart-title">{t('backlogFlowsChartTitle')}</h3>
          <PanelChart
            description={t('flowsChartLabel')}
            weeks={allWeeks}
            lines={flowLines.filter((l) => l.values.some((v) => v !== null)).map((l) => ({ ...l, values: padded(l.values) }))}
            stacked={false}
            baseline={null}
            axisLabels={{ left: t('perWeekAxis'), right: t('backlogMetric_wait_weeks_estimate') }}
            tooltipAt={(i) => (i < weeks.length ? backlogTooltip(weeks[i].week, weeks[i].weekStart, i, flowLines, t, lang) : null)}
            height={200}
          />
          {source === 'cases' && (
            <>
              <h3 className="chart-title">{t('backlogAgesChartTitle')}</h3>
              <PanelChart
                description={t('agesChartLabel')}
                weeks={allWeeks}
                lines={ageLines.map((l) => ({ ...l, values: padded(l.values) }))}
                stacked
                baseline={null}
                axisLabels={{ left: t('openCasesAxis') }}
                rightAxisRoom
                tooltipAt={(i) => (i < weeks.length ? backlogTooltip(weeks[i].week, weeks[i].weekStart, i, ageLines, t, lang) : null)}
                height={200}
              />
            </>
          )}
        </>
      )}
      <PanelFooter
        container={section}
        chartShown={!asTable}
        image={{
          title,
          subtitle: [t('chartPeriod', { from: first ? weekLabel(first, lang) : '', to: last ? weekLabel(last, lang) : '' }), t(`backlogMode_${s.mode}`), ...(backSentence ? [backSentence] : [])],
          legend: stockLines.map((l) => ({ label: l.label, color: l.color, dashed: l.dashed })),
          source: t('sources', { files: sources }),
        }}
        table={() => tableCells(allWeeks, allStarts, columns, null, t, lang)}
        fileName={`${title} ${first ?? ''} ${last ?? ''}`}
      />
    </section>
  );
}

/** The backlog's baseline level in words: before the crisis only for a window that ends before 2020-W12, else the window itself. */
function backlogLevel(view: ViewState, short: boolean, t: Translate, lang: Lang): string {
  const [from, to] = inOrder(view.baselineFrom, view.baselineTo);
  if (to < CRISIS_WEEK) return t(short ? 'markerLevelPreCovid' : 'backlogLevelPreCovid');
  return t('levelWindow', { from: weekLabel(from, lang), to: weekLabel(to, lang) });
}

/** The baseline window in words, as a period: "vóór de COVID-19-crisis", or the window itself. */
function backlogPeriod(view: ViewState, t: Translate, lang: Lang): string {
  const [from, to] = inOrder(view.baselineFrom, view.baselineTo);
  return to < CRISIS_WEEK ? t('periodPreCovid') : t('periodWindow', { from: weekLabel(from, lang), to: weekLabel(to, lang) });
}

/** The scopes of the case-level exports in force, for the title: "regio Zuid", "regio Zuid en regio Noord". */
function scopesText(files: BacklogFile[], t: Translate): string {
  const names = [...new Set(files.flatMap((f) => (f.scope ? [f.scope] : [])))].sort().map((scope) => {
    const region = scopeRegion(scope);
    return region ? t('backlogScopeRegion', { name: region }) : t('backlogScopeOther', { name: scope.replace(/_/g, ' ') });
  });
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t('and')} ${names[names.length - 1]}` : (names[0] ?? '');
}

/** The chart's series that week; a series without a value that week (the projection, before it starts) is left out. */
const backlogTooltip = (week: string, weekStart: string, i: number, lines: ChartLine[], t: Translate, lang: Lang) =>
  weekTooltip(week, weekStart, lines.map((l) => ({ label: l.label, value: l.values[i] ?? null })), t, lang, { skipMissing: true });
