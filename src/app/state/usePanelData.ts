/**
 * What every view that shows panels needs: the panels chosen, the query behind them, their
 * weeks and summaries grouped by metric, labels and chart markers. One place, so the dashboard,
 * the letter view and the briefing always show the same figures for the same URL.
 */
import { useCallback, useMemo } from 'react';
import type { ChartMarker } from '../../charts/PanelChart';
import { annotationWeek } from '../../ingest/annotations';
import type { Dataset } from '../../domain/dataset';
import { useLang, useT } from '../../i18n/language';
import type { MetricSummary, PanelQuery, PanelWeek } from '../../metrics/panelQueries';
import { derivedMetric, panelMetrics, type PanelDefinition } from '../../domain/panels';
import { useLoadedWeekRange, useMetricSummaries, useMetricsInData, usePanelWeeks, useShippedAnnotations } from './dataQueries';
import { catalogueLabel } from './metricLabel';
import { seriesLabel, splitSeriesId } from '../../domain/grain';
import { panelQueryOf, panelsOf } from './panelQuery';
import { groupBy } from './groupBy';
import type { ViewState } from './viewState';

const CRISIS_WEEK = '2020-W12';

export { weekMonday } from './panelQuery';

export function usePanelQuery(dataset: Dataset, view: ViewState) {
  const lang = useLang();
  const inData = useMetricsInData(dataset);
  const present = useMemo(() => new Set((inData.data ?? []).map((m) => m.metric)), [inData.data]);
  const customLabels = useMemo(() => {
    const labels = new Map((inData.data ?? []).filter((m) => m.customLabel).map((m) => [m.metric, m.customLabel!]));
    // A weekly series split by dimensions gets a panel of its own, labelled "Eerste asielaanvragen · Syrisch · Mannen".
    for (const { metric, customLabel } of inData.data ?? []) {
      const { metric: whole, dimensions } = splitSeriesId(metric);
      if (dimensions.length) labels.set(metric, seriesLabel(catalogueLabel(whole, lang) ?? customLabel ?? whole, dimensions));
    }
    return labels;
  }, [inData.data, lang]);
  const labelOf = useCallback((metric: string) => catalogueLabel(metric, lang) ?? customLabels.get(metric) ?? metric, [lang, customLabels]);
  const panels: PanelDefinition[] = useMemo(() => panelsOf(view, customLabels), [view.panels, customLabels]);
  const query: PanelQuery = useMemo(
    () => panelQueryOf(dataset, view, panels),
    [dataset, panels, view.from, view.to, view.baselineFrom, view.baselineTo, view.method, view.referenceYear, view.cumulativeFrom],
  );
  return { inData, present, labelOf, panels, query, noData: inData.isSuccess && present.size === 0 };
}

export function usePanelData(dataset: Dataset, view: ViewState) {
  const t = useT();
  const lang = useLang();
  const base = usePanelQuery(dataset, view);
  const loaded = useLoadedWeekRange(dataset);
  const weeks = usePanelWeeks(base.query);
  const summaries = useMetricSummaries(base.query);
  const weeksByMetric = useMemo(() => groupBy(weeks.data ?? [], (row) => row.metric), [weeks.data]);
  const summaryByMetric = useMemo(() => new Map((summaries.data ?? []).map((s): [string, MetricSummary] => [s.metric, s])), [summaries.data]);
  const shipped = useShippedAnnotations();
  const markers: ChartMarker[] = useMemo(
    () => [
      { week: CRISIS_WEEK, label: t('crisisMarker') },
      ...(shipped.data ?? []).map((a) => ({ week: annotationWeek(a), label: a.label[lang] })),
      ...view.notes.map((note) => ({ week: annotationWeek(note), label: note.text })),
    ],
    [t, lang, shipped.data, view.notes],
  );

  /**
   * Each panel's own figures that the data has, and the series it lacks. Computed when the data
   * changes, not on every render, so a panel (memoised) only redraws when its figures change.
   */
  const figuresByPanel = useMemo(() => {
    const byPanel = new Map<string, { weeksByMetric: Map<string, PanelWeek[]>; missing: string[] }>();
    for (const panel of base.panels) {
      const own = new Map<string, PanelWeek[]>();
      for (const metric of panelMetrics(panel)) {
        const rows = weeksByMetric.get(metric);
        if (rows && rows.some((r) => r.value !== null || isDerivedWithData(metric, base.present))) own.set(metric, rows);
      }
      const missing = [...panel.series, ...(panel.stock ? [panel.stock] : [])].filter((m) => !base.present.has(m));
      byPanel.set(panel.id, { weeksByMetric: own, missing });
    }
    return byPanel;
  }, [base.panels, base.present, weeksByMetric]);
  const panelFigures = (panel: PanelDefinition) => figuresByPanel.get(panel.id)!;

  /** Why the panels' figures are missing: each panel shows it in its own place. */
  const error = weeks.error ?? summaries.error;
  return { ...base, loaded: loaded.data ?? null, summaryByMetric, markers, panelFigures, error };
}

/** A derived figure is shown when any of its components is in the data. */
function isDerivedWithData(metric: string, present: Set<string>): boolean {
  return derivedMetric(metric)?.components.some((c) => present.has(c)) ?? false;
}

/** Whether the data has a figure: itself, or for a derived one, one of its components. */
export function hasFigure(metric: string, present: Set<string>): boolean {
  return present.has(metric) || isDerivedWithData(metric, present);
}
