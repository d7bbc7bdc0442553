import { useCallback, useMemo } from 'react';
import type { ChartMarker } from '../charts/PanelChart';
import { annotationWeek } from '../data/annotations';
import { isoWeekMonday, isoWeekOfDate, parseIsoWeekLabel } from '../data/isoWeek';
import type { Dataset } from '../data/store';
import { weekLabel } from '../i18n/format';
import { useLang, useT } from '../i18n/language';
import { FLOW_BACK_PCT, STOCK_BACK_PCT, type MetricSummary, type PanelQuery, type PanelWeek } from '../metrics/panelQueries';
import { customPanel, derivedMetric, PANELS, panelMetrics, type PanelDefinition } from '../metrics/panels';
import { Controls } from './Controls';
import { useLoadedWeekRange, useMetricSummaries, useMetricsInData, usePanelWeeks, useShippedAnnotations } from './dataQueries';
import { catalogueLabel } from './metricLabel';
import { Panel } from './Panel';
import type { ViewState } from './viewState';

const CRISIS_WEEK = '2020-W12';

interface Props {
  dataset: Dataset;
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
}

const monday = (label: string | null) => {
  const week = label ? parseIsoWeekLabel(label) : null;
  return week ? isoWeekMonday(week) : null;
};

export function DashboardView({ dataset, view, update }: Props) {
  const lang = useLang();
  const t = useT();
  const inData = useMetricsInData(dataset);
  const loaded = useLoadedWeekRange(dataset);
  const present = useMemo(() => new Set((inData.data ?? []).map((m) => m.metric)), [inData.data]);
  const customLabels = useMemo(() => new Map((inData.data ?? []).filter((m) => m.customLabel).map((m) => [m.metric, m.customLabel!])), [inData.data]);
  const labelOf = useCallback((metric: string) => catalogueLabel(metric, lang) ?? customLabels.get(metric) ?? metric, [lang, customLabels]);

  const panels: PanelDefinition[] = useMemo(
    () => [...PANELS.filter((p) => view.panels.includes(p.id)), ...[...customLabels].map(([metric, label]) => customPanel(metric, label))],
    [view.panels, customLabels],
  );
  const query: PanelQuery = useMemo(() => {
    // A period entered back to front means the same period.
    const inOrder = <T extends string | null>(a: T, b: T): [T, T] => (a && b && a > b ? [b, a] : [a, b]);
    const [first, last] = inOrder(monday(view.from), monday(view.to));
    const [baseFirst, baseLast] = inOrder(monday(view.baselineFrom)!, monday(view.baselineTo)!);
    return {
      dataset,
      metrics: [...new Set(panels.flatMap(panelMetrics))],
      range: { first, last },
      baseline: { first: baseFirst, last: baseLast, method: view.method, referenceYear: view.referenceYear },
      cumulativeFrom: isoWeekMonday(isoWeekOfDate(view.cumulativeFrom)),
      cumulativeMetrics: panels.flatMap((p) => p.cumulative ?? []),
    };
  }, [dataset, panels, view]);
  const weeks = usePanelWeeks(query);
  const summaries = useMetricSummaries(query);
  const weeksByMetric = useMemo(() => groupBy(weeks.data ?? []), [weeks.data]);
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

  if (inData.isSuccess && present.size === 0) return <p className="empty">{t('noData')}</p>;
  const rule =
    view.method === 'seasonal'
      ? t('baselineRuleSeasonal', { year: view.referenceYear, flow: FLOW_BACK_PCT, stock: STOCK_BACK_PCT })
      : t('baselineRule', {
          method: view.method === 'median' ? t('methodMedian').toLowerCase() : t('methodMean').toLowerCase(),
          from: weekLabel(view.baselineFrom, lang),
          to: weekLabel(view.baselineTo, lang),
          flow: FLOW_BACK_PCT,
          stock: STOCK_BACK_PCT,
        });

  return (
    <div className="dashboard">
      <Controls view={view} update={update} loaded={loaded.data ?? null} />
      <p className="baseline-rule" data-testid="baseline-rule">
        {rule}
      </p>
      <div className="panel-grid">
        {panels.map((panel) => {
          const own = new Map<string, PanelWeek[]>();
          for (const metric of panelMetrics(panel)) {
            const rows = weeksByMetric.get(metric);
            if (rows && rows.some((r) => r.value !== null || isDerivedWithData(metric, present))) own.set(metric, rows);
          }
          const missing = [...panel.series, ...(panel.stock ? [panel.stock] : [])].filter((m) => !present.has(m));
          return (
            <Panel
              key={panel.id}
              panel={panel}
              dataset={dataset}
              weeksByMetric={own}
              summaries={summaryByMetric}
              missing={missing}
              labelOf={labelOf}
              markers={markers}
              view={view}
              onCumulativeFrom={panel.cumulative ? (date) => update({ cumulativeFrom: date }) : undefined}
            />
          );
        })}
      </div>
    </div>
  );
}

/** A derived figure is shown when any of its components is in the data. */
function isDerivedWithData(metric: string, present: Set<string>): boolean {
  return derivedMetric(metric)?.components.some((c) => present.has(c)) ?? false;
}

function groupBy(rows: PanelWeek[]): Map<string, PanelWeek[]> {
  const grouped = new Map<string, PanelWeek[]>();
  for (const row of rows) {
    const list = grouped.get(row.metric) ?? [];
    list.push(row);
    grouped.set(row.metric, list);
  }
  return grouped;
}
