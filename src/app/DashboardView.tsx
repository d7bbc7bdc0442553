import { useMemo, useState } from 'react';
import { PALETTE } from '../charts/palette';
import type { ChartSeries, WeekPoint } from '../charts/types';
import { WeeklyChart } from '../charts/WeeklyChart';
import { WeeklyTable } from '../charts/WeeklyTable';
import type { Dataset } from '../data/store';
import { formatDay, formatNumber, weekLabel } from '../i18n/format';
import { useLang, useT } from '../i18n/language';
import { METRICS } from '../metrics/catalogue';
import type { MetricInData, WeeklyCell } from '../metrics/queries';
import { useMetricsInData, useObservationHistory, useWeeklyValues } from './dataQueries';
import { metricLabel } from './metricLabel';

const catalogueOrder = new Map(METRICS.map((m, i) => [m.id as string, i]));

export function DashboardView({ dataset }: { dataset: Dataset }) {
  const t = useT();
  const metrics = useMetricsInData(dataset);
  const present = useMemo(
    () => [...(metrics.data ?? [])].sort((a, b) => (catalogueOrder.get(a.metric) ?? 99) - (catalogueOrder.get(b.metric) ?? 99) || a.metric.localeCompare(b.metric)),
    [metrics.data],
  );
  const ids = useMemo(() => present.map((m) => m.metric), [present]);
  const weekly = useWeeklyValues(dataset, ids);
  const byMetric = useMemo(() => groupByMetric(weekly.data ?? []), [weekly.data]);

  if (metrics.isSuccess && present.length === 0) return <p className="empty">{t('noData')}</p>;
  return (
    <div className="card-grid">
      {present.map((m, i) => (
        <MetricCard key={m.metric} dataset={dataset} metric={m} color={PALETTE[i % PALETTE.length]} points={byMetric.get(m.metric) ?? []} />
      ))}
    </div>
  );
}

function groupByMetric(cells: WeeklyCell[]): Map<string, WeekPoint[]> {
  const grouped = new Map<string, WeekPoint[]>();
  for (const cell of cells) {
    const points = grouped.get(cell.metric) ?? [];
    points.push(cell);
    grouped.set(cell.metric, points);
  }
  return grouped;
}

function MetricCard({ dataset, metric, color, points }: { dataset: Dataset; metric: MetricInData; color: string; points: WeekPoint[] }) {
  const lang = useLang();
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  const label = metricLabel(metric.metric, metric.customLabel, lang);
  const series: ChartSeries[] = [{ metric: metric.metric, label, color, points }];
  const headingId = `card-${metric.metric}`;
  const sources = useMemo(() => {
    const files = new Map<string, string>();
    for (const p of points) if (p.fileName && p.exportDate) files.set(p.fileName, p.exportDate);
    return [...files].map(([file, date]) => `${file} (${t('exportOf', { date: formatDay(date, lang) })})`).join(', ');
  }, [points, t, lang]);
  const first = points[0]?.week;
  const last = points[points.length - 1]?.week;

  return (
    <section className="card" aria-labelledby={headingId} data-testid="metric-card" data-metric={metric.metric}>
      <header className="card-header">
        <h2 id={headingId}>
          {label}
          {metric.customLabel && <span className="tag">{t('customMetric')}</span>}
        </h2>
        <button
          type="button"
          className="toggle"
          data-testid="show-table"
          aria-pressed={asTable}
          aria-label={asTable ? t('showChartLabel', { label }) : t('showTableLabel', { label })}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t('showChart') : t('showTable')}
        </button>
      </header>
      {asTable ? (
        <WeeklyTable caption={dataset === 'sample' ? `${label} (${t('sampleMark')})` : label} series={series} renderRevision={(m, p) => <RevisionBadge dataset={dataset} metric={m} point={p} />} />
      ) : (
        first &&
        last && <WeeklyChart series={series} description={t('chartDescription', { label, first: weekLabel(first, lang), last: weekLabel(last, lang) })} />
      )}
      <p className="source-line">
        {dataset === 'sample' && <strong className="fictional-mark">{t('sampleMark')} · </strong>}
        {t('sources', { files: sources })}
      </p>
    </section>
  );
}

/** A revised cell's mark; opening it lists every value the exports gave for that week. */
function RevisionBadge({ dataset, metric, point }: { dataset: Dataset; metric: string; point: WeekPoint }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <span className="revision">
      <button type="button" className="badge" aria-expanded={open} title={t('revisedTitle')} onClick={() => setOpen((v) => !v)}>
        {t('revised')}
      </button>
      {open && <RevisionHistory dataset={dataset} metric={metric} weekStart={point.weekStart} />}
    </span>
  );
}

function RevisionHistory({ dataset, metric, weekStart }: { dataset: Dataset; metric: string; weekStart: string }) {
  const lang = useLang();
  const t = useT();
  const history = useObservationHistory(dataset, metric, weekStart);
  return (
    <ul className="history">
      {history.data?.map((v) => (
        <li key={`${v.fileName}:${v.line}`}>
          {formatNumber(v.value, lang)}: {t('sourceLine', { file: v.fileName, line: v.line })} ({t('exportOf', { date: formatDay(v.exportDate, lang) })})
          {v.current && <strong> · {t('historyCurrent')}</strong>}
        </li>
      ))}
    </ul>
  );
}
