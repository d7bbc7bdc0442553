import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartBaseline, ChartLine, ChartMarker } from '../../charts/PanelChart';
import { LazyPanelChart } from '../../charts/lazy';
import { useChartsBehind } from '../../charts/turns';
import { PALETTE } from '../../charts/palette';
import { weekTooltip, type TooltipEntry } from '../../charts/weekTooltip';
import { missingComponentsText, PanelTable, tableCells, type TableColumn } from '../../charts/PanelTable';
import { eventTexts } from '../../charts/events';
import type { Dataset } from '../../domain/dataset';
import { formatDay, formatNumber, weekLabel, weekStartLabel } from '../../i18n/format';
import { formatIsoWeek, isoWeekMonday, isoWeekOfDate } from '../../domain/isoWeek';
import { useLang, useT, type Lang, type Translate } from '../../i18n/language';
import type { MetricSummary, PanelWeek } from '../../metrics/panelQueries';
import { derivedMetric, type PanelDefinition } from '../../domain/panels';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';
import { PanelFooter } from './PanelFooter';
import { DateInput } from './WeekField';
import { RevisionBadge } from './RevisionBadge';
import type { ViewState } from '../state/viewState';
import { useFictionalMark } from '../state/fictionalMark';
import { useBusy } from '../state/busy';

interface Props {
  panel: PanelDefinition;
  dataset: Dataset;
  /** This panel's figures that the data has, in drawing order, each with its weeks. */
  weeksByMetric: Map<string, PanelWeek[]>;
  summaries: Map<string, MetricSummary>;
  /** Series and stock the panel would show but the loaded files lack. */
  missing: string[];
  labelOf: (metric: string) => string;
  markers: ChartMarker[];
  settings: ChartSettings;
  /** The baseline rule in words for a flow and for a stock: the panel's image prints the one for its figure. */
  baselineRules: { flow: string; stock: string };
  /** The level the status compares with, named: "het pre-COVID-niveau", or the window or reference year. */
  baselineLevel: string;
  onCumulativeFrom?: (date: string) => void;
  /** Why the panel's figures could not be read: shown in the panel, with "try again". */
  error?: Error | null;
  /** A control of the panel's own under its title: which dimension combination it shows. */
  control?: ReactNode;
}

/** What of the view decides how a panel's series are drawn. */
export type ChartSettings = Pick<ViewState, 'rolling' | 'cumulativeFrom' | 'method'>;

const TOTAL_COLOR = '#1a1a1a';
const pct = (value: number | null, lang: Lang) => (value === null ? '–' : `${formatNumber(value, lang)}%`);

/**
 * Memoised, and given only the view settings it draws with: the page re-renders on every status
 * change and every keystroke in the controls, and five charts redrawn each time would hold it up.
 * A panel that cannot be drawn (its figures failed, its chart's code did not load) says so in
 * its own place.
 */
export const Panel = memo(function Panel({ error, ...props }: Props) {
  const lang = useLang();
  return (
    <>
      <ChartsBehind />
      <ErrorBoundary part="panel" title={props.panel.title[lang]} testId={`panel-${props.panel.id}`} error={error}>
        <PanelBody {...props} />
      </ErrorBoundary>
    </>
  );
});

/** The app is not "ready" while a chart still waits for its turn to draw the figures its table already shows. */
function ChartsBehind() {
  useBusy(useChartsBehind());
  return null;
}

function PanelBody({ panel, dataset, weeksByMetric, summaries, missing, labelOf, markers, settings, baselineRules, baselineLevel, onCumulativeFrom, control }: Omit<Props, 'error'>) {
  const lang = useLang();
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  const section = useRef<HTMLElement>(null);
  const fictional = useFictionalMark();
  const title = panel.title[lang];
  const headingId = `panel-title-${panel.id}`;
  const shown = [...weeksByMetric.keys()];
  const reference = weeksByMetric.values().next().value ?? [];
  const weeks = reference.map((w) => w.week);
  const weekStarts = reference.map((w) => w.weekStart);
  const primary = summaries.get(panel.primary);
  const stats = shown.filter((m) => m !== panel.share && summaries.has(m));

  const lines = useMemo(() => chartLines(panel, weeksByMetric, labelOf, settings, t, lang), [panel, weeksByMetric, labelOf, settings, t, lang]);
  const baseline = chartBaseline(panel, primary, weeksByMetric, labelOf, t, lang);
  // A second axis says what it measures: the stock, or the running totals.
  const right = lines.some((l) => l.axis === 'right') ? (panel.stock && weeksByMetric.has(panel.stock) ? labelOf(panel.stock) : t('runningTotalAxis')) : undefined;
  const axisLabels = useMemo(() => ({ left: t('perWeekAxis'), right }), [t, right]);

  if (shown.length === 0) {
    return (
      <section className="panel" data-testid={`panel-${panel.id}`} aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        {control}
        <p className="empty">{t('panelEmpty', { columns: missing.map(labelOf).join(', ') })}</p>
      </section>
    );
  }

  const columns: TableColumn[] = shown.map((metric) => {
    const rows = weeksByMetric.get(metric)!;
    return {
      key: metric,
      metric,
      label: labelOf(metric),
      values: rows.map((r) => r.value),
      revised: rows.map((r) => r.revised),
      missing: rows.map((r) => r.missing.map(labelOf)),
      partial: rows.map((r) => r.partial),
      unit: derivedMetric(metric)?.kind === 'share' ? '%' : undefined,
    };
  });
  const partialWeeks = weeks.filter((_, i) => [...weeksByMetric.values()].some((rows) => rows[i].partial));
  const primaryRows = weeksByMetric.get(panel.primary);
  if (primaryRows) {
    if (settings.rolling) columns.push({ key: 'mean4', label: `${labelOf(panel.primary)} ${t('rollingSuffix')}`, values: primaryRows.map((r) => r.mean4) });
    columns.push({ key: 'baseline', label: `${t('baseline')}: ${labelOf(panel.primary)}`, values: primaryRows.map((r) => r.baseline) });
    columns.push({ key: 'pct', label: t('ofBaseline'), values: primaryRows.map((r) => r.pct), unit: '%' });
  }
  for (const metric of panel.cumulative ?? []) {
    const rows = weeksByMetric.get(metric);
    if (rows) columns.push({ key: `cumulative_${metric}`, label: `${labelOf(metric)}: ${runningTotalFrom(settings.cumulativeFrom, t, lang)}`, values: rows.map((r) => r.cumulative) });
  }
  // Which file and line each week comes from: for the table view and the CSV only, as it takes a while to write out.
  const sources = () => weekSources(weeks.length, weeksByMetric, t, lang);

  const period = weeks.length ? t('chartPeriod', { from: weekLabel(weeks[0], lang), to: weekLabel(weeks[weeks.length - 1], lang) }) : '';
  const sourceText = t('sources', { files: panelSources(weeksByMetric, t, lang) });
  const csvTable = () => tableCells(weeks, weekStarts, columns, sources(), t, lang);

  return (
    <section className="panel" data-testid={`panel-${panel.id}`} aria-labelledby={headingId} ref={section}>
      <header className="card-header">
        <h2 id={headingId}>{title}</h2>
        <button
          type="button"
          className="toggle"
          data-testid="show-table"
          aria-pressed={asTable}
          aria-label={asTable ? t('showChartLabel', { label: title }) : t('showTableLabel', { label: title })}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t('showChart') : t('showTable')}
        </button>
      </header>
      {control}

      <p className="panel-status" data-testid="baseline-status" data-back-since={primary?.backSince ?? ''} data-metric={panel.primary}>
        {statusText(primary, baselineLevel, t, lang)}
      </p>

      {panel.cumulative && onCumulativeFrom && (
        <label className="inline-field">
          {t('cumulativeFrom')}{' '}
          <DateInput value={settings.cumulativeFrom} onChange={(day) => day && onCumulativeFrom(day)} />
        </label>
      )}

      {missing.length > 0 && <p className="note">{t('panelPartly', { columns: missing.map(labelOf).join(', ') })}</p>}

      {asTable ? (
        <PanelTable
          caption={fictional ? `${title} (${fictional})` : title}
          weeks={weeks}
          weekStarts={weekStarts}
          columns={columns}
          sources={sources()}
          renderRevision={(metric, i) =>
            derivedMetric(metric) ? (
              <span className="badge" title={t('revisedDerivedTitle')}>
                {t('revised')}
              </span>
            ) : (
              <RevisionBadge dataset={dataset} metric={metric} weekStart={weekStarts[i]} />
            )
          }
        />
      ) : (
        <LazyPanelChart
          fallback={<Loading height={260} />}
          description={t('panelChartLabel', { title, first: weeks[0] ? weekLabel(weeks[0], lang) : '', last: weeks.length ? weekLabel(weeks[weeks.length - 1], lang) : '' })}
          weeks={weeks}
          lines={lines}
          stacked={panel.stacked}
          baseline={baseline}
          markers={markers}
          axisLabels={axisLabels}
          partialWeeks={partialWeeks}
          partialLabel={t('partialWeek')}
          takeTurns
          tooltipAt={(i) => weekTooltip(weeks[i], weekStarts[i], panelTooltip(i, weeksByMetric, labelOf, t, lang), t, lang)}
        />
      )}
      {/* The figures under the chart: the status and the chart come first, within a laptop's first screen. */}
      <table className="panel-stats">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('figure')}</span>
            </th>
            <th scope="col" className="number">{t('latest')}</th>
            <th scope="col" className="number">{t('mean4')}</th>
            <th scope="col" className="number">{t('baseline')}</th>
            <th scope="col" className="number">{t('ofBaseline')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((metric) => {
            const s = summaries.get(metric)!;
            return (
              <tr key={metric}>
                <th scope="row">{labelOf(metric)}</th>
                <td className="number">
                  {formatNumber(s.latestValue, lang)} <span className="muted">({weekLabel(s.latestWeek, lang)})</span>
                </td>
                <td className="number">{s.mean4 === null ? '–' : formatNumber(s.mean4, lang)}</td>
                <td className="number" data-baseline-metric={metric} data-value={s.baseline ?? ''} data-method={s.method} data-baseline-weeks={s.baselineWeeks} data-window-weeks={s.windowWeeks} title={s.kind === 'stock' ? t('stockBaseline') : undefined}>
                  {s.baseline === null ? '–' : formatNumber(s.baseline, lang)}
                  {s.baseline !== null && s.baselineWeeks < s.windowWeeks && (
                    <span className="muted baseline-weeks"> ({t('baselineWeeks', { with: s.baselineWeeks, in: s.windowWeeks })})</span>
                  )}
                </td>
                <td className="number">{pct(s.pct4, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PanelFooter
        container={section}
        chartShown={!asTable}
        image={{
          title,
          subtitle: [period, baselineRules[primary?.kind ?? 'flow'], statusText(primary, baselineLevel, t, lang)],
          legend: [
            ...lines.map((l) => ({ label: l.label, color: l.color, dashed: l.dashed })),
            ...(baseline ? [{ label: baseline.label, color: '#333333', dashed: true }] : []),
            ...(baseline?.band && baseline.bandLabel ? [{ label: baseline.bandLabel, color: '#bfbfbf' }] : []),
          ],
          events: eventTexts(markers, weeks, lang),
          source: sourceText,
        }}
        table={csvTable}
        fileName={`${title} ${period}`}
      />
    </section>
  );
}

/** "Opgeteld vanaf week 27 2020, maandag 29 juni": the week the running total starts in, never a day within it. */
function runningTotalFrom(day: string, t: Translate, lang: Lang): string {
  const week = isoWeekOfDate(day);
  return t('runningTotal', { week: weekStartLabel(formatIsoWeek(week), isoWeekMonday(week), lang) });
}

/** The status of the panel's primary figure against the level named, with the weeks it leaves out. */
export function statusText(summary: MetricSummary | undefined, level: string, t: Translate, lang: Lang): string {
  const notes = [
    summary && summary.weeks4 < 4 && summary.mean4 !== null ? t('statusWeeks4', { with: summary.weeks4 }) : '',
    summary?.partialWeek ? t('statusPartial', { week: weekLabel(summary.partialWeek, lang) }) : '',
  ].filter(Boolean);
  const withNotes = (text: string) => [text, ...notes].join(' ');
  // Why there is no comparison: a baseline without figures is not one of zeros, nor are missing recent weeks.
  if (!summary || summary.baseline === null) return withNotes(t('statusNoBaselineData'));
  if (summary.baseline === 0) return withNotes(t('statusNoBaseline'));
  if (summary.pct4 === null) return withNotes(t('statusNoRecent'));
  if (summary.backSince) return withNotes(t('statusBack', { week: weekLabel(summary.backSince, lang), level }));
  return withNotes(t(summary.kind === 'stock' ? 'statusAbove' : 'statusBelow', { pct: formatNumber(summary.pct4, lang), level }));
}

export function chartLines(
  panel: PanelDefinition,
  weeksByMetric: Map<string, PanelWeek[]>,
  labelOf: (m: string) => string,
  { rolling, cumulativeFrom, method }: ChartSettings,
  t: Translate,
  lang: Lang,
): ChartLine[] {
  const values = (metric: string) => weeksByMetric.get(metric)!.map((w) => (rolling ? w.mean4 : w.value));
  const suffix = rolling ? ` ${t('rollingSuffix')}` : '';
  const lines: ChartLine[] = [];
  panel.series
    .filter((m) => weeksByMetric.has(m))
    .forEach((metric, i) =>
      lines.push({ key: metric, label: labelOf(metric) + suffix, color: PALETTE[i], values: values(metric), shape: panel.stacked ? 'area' : 'line', axis: 'left' }),
    );
  if (panel.total && weeksByMetric.has(panel.total)) {
    lines.push({ key: panel.total, label: labelOf(panel.total) + suffix, color: TOTAL_COLOR, values: values(panel.total), shape: 'line', axis: 'left', width: 2.5 });
  }
  if (panel.stock && weeksByMetric.has(panel.stock)) {
    lines.push({ key: panel.stock, label: `${labelOf(panel.stock)}${suffix} →`, color: PALETTE[4], values: values(panel.stock), shape: 'line', axis: 'right', width: 3 });
  }
  for (const [i, metric] of (panel.cumulative ?? []).entries()) {
    if (!weeksByMetric.has(metric)) continue;
    const label = `${labelOf(metric)}: ${runningTotalFrom(cumulativeFrom, t, lang)} →`;
    lines.push({ key: `cumulative_${metric}`, label, color: PALETTE[i], values: weeksByMetric.get(metric)!.map((w) => w.cumulative), shape: 'line', axis: 'right', dashed: true });
  }
  // A seasonal baseline differs from week to week: drawn as a line of its own.
  if (method === 'seasonal' && weeksByMetric.has(panel.primary)) {
    const axis = panel.stock === panel.primary ? 'right' : 'left';
    lines.push({ key: 'seasonal_baseline', label: `${t('baseline')}: ${labelOf(panel.primary)}`, color: '#333', values: weeksByMetric.get(panel.primary)!.map((w) => w.baseline), shape: 'line', axis, dashed: true, width: 1.5 });
  }
  return lines;
}

export function chartBaseline(
  panel: PanelDefinition,
  summary: MetricSummary | undefined,
  weeksByMetric: Map<string, PanelWeek[]>,
  labelOf: (m: string) => string,
  t: Translate,
  lang: Lang,
): ChartBaseline | null {
  if (!summary || summary.method === 'seasonal' || summary.baseline === null || !weeksByMetric.has(panel.primary)) return null;
  const band = summary.kind === 'flow' && summary.p10 !== null && summary.p90 !== null ? ([summary.p10, summary.p90] as [number, number]) : null;
  return {
    axis: panel.stock === panel.primary ? 'right' : 'left',
    value: summary.baseline,
    band,
    label: `${t('baseline')} ${labelOf(panel.primary)}: ${formatNumber(summary.baseline, lang)}`,
    bandLabel: band ? t('baselineBand') : undefined,
  };
}

/** Each figure that week, with its baseline, source and revision. */
function panelTooltip(i: number, weeksByMetric: Map<string, PanelWeek[]>, labelOf: (m: string) => string, t: Translate, lang: Lang): TooltipEntry[] {
  return [...weeksByMetric].map(([metric, rows]) => {
    const r = rows[i];
    const notes: string[] = [];
    if (r.partial) notes.push(t('partialWeek'));
    if (r.baseline !== null) notes.push(t('tooltipBaseline', { value: formatNumber(r.baseline, lang), pct: r.pct === null ? '–' : formatNumber(r.pct, lang) }));
    if (r.fileName && r.exportDate) notes.push(`${r.fileName} (${t('exportOf', { date: formatDay(r.exportDate, lang) })})`);
    if (r.revised) notes.push(t('revised'));
    const missingText = r.missing.length ? missingComponentsText(r.missing.map(labelOf), t) : undefined;
    return { label: labelOf(metric), value: r.value, notes, missingText };
  });
}

function weekSources(count: number, weeksByMetric: Map<string, PanelWeek[]>, t: Translate, lang: Lang): string[] {
  return Array.from({ length: count }, (_, i) => {
    const files = new Set<string>();
    for (const rows of weeksByMetric.values()) {
      const r = rows[i];
      if (!r.fileName || !r.line || !r.exportDate) continue;
      const place = r.sheet === null ? t('sourceLine', { file: r.fileName, line: r.line }) : t('sourceSheetRow', { file: r.fileName, sheet: r.sheet, line: r.line });
      files.add(`${place} (${t('exportOf', { date: formatDay(r.exportDate, lang) })})`);
    }
    return [...files].join('; ');
  });
}

export function panelSources(weeksByMetric: Map<string, PanelWeek[]>, t: Translate, lang: Lang): string {
  const files = new Map<string, string>();
  for (const rows of weeksByMetric.values()) for (const r of rows) if (r.fileName && r.exportDate) files.set(r.fileName, r.exportDate);
  return [...files].map(([file, date]) => `${file} (${t('exportOf', { date: formatDay(date, lang) })})`).join(', ');
}
