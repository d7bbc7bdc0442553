/**
 * The monthly, quarterly and yearly series of the dataset: one panel per metric, with a picker for
 * the dimension combination (nationality, gender, …) where the data has several. Inside, each grain
 * of the chosen series side by side, each with its own chart, axis, baseline, sentences and table:
 * weekly and monthly figures are never drawn on one axis, and a year total never added to its months.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { DimensionPicker } from './DimensionPicker';
import { PeriodRevisionBadge } from './RevisionBadge';
import { LazyPeriodChart } from '../../charts/lazy';
import { PeriodTable } from '../../charts/PeriodTable';
import { metricDefinition } from '../../domain/catalogue';
import { MONTH_PHASES, PERIOD_BASELINE, seriesLabel, type PeriodGrain } from '../../domain/grain';
import { formatNumber, periodLabel } from '../../i18n/format';
import { useLang, useT, type Lang } from '../../i18n/language';
import { periodSentence, perPeriod } from '../../i18n/periodSentences';
import type { PeriodFigure, PeriodSeries, SeriesMean } from '../../metrics/periodQueries';
import type { Dataset } from '../../domain/dataset';
import { usePeriodFigures, usePeriodMeans, usePeriodSeries } from '../state/dataQueries';
import { catalogueLabel } from '../state/metricLabel';

interface MetricGroup {
  metric: string;
  label: string;
  /** Each dimension combination ('' for the total) with its series at each grain. */
  combinations: { key: string; dimensions: string[]; series: PeriodSeries[] }[];
}

/** `fallback`: shown when the dataset has no such series (once that is known). */
export function PeriodPanels({ dataset, fallback = null }: { dataset: Dataset; fallback?: ReactNode }) {
  const series = usePeriodSeries(dataset).data;
  if (!series) return null;
  if (series.length === 0) return fallback;
  // Their figures and means are asked only when there are series: most weekly datasets have none, and each query is DuckDB's time at start-up.
  return <PeriodSection dataset={dataset} series={series} />;
}

function PeriodSection({ dataset, series }: { dataset: Dataset; series: PeriodSeries[] }) {
  const t = useT();
  const lang = useLang();
  const figures = usePeriodFigures(dataset).data;
  const means = usePeriodMeans(dataset).data;
  const groups = useMemo(() => groupByMetric(series, (s) => catalogueLabel(s.metric, lang) ?? s.customLabel ?? s.metric), [series, lang]);
  const figuresOf = useMemo(() => {
    const map = new Map<string, PeriodFigure[]>();
    for (const f of figures ?? []) {
      const key = `${f.series}\u0000${f.grain}`;
      map.set(key, [...(map.get(key) ?? []), f]);
    }
    return map;
  }, [figures]);
  return (
    <section className="period-section" data-testid="period-section" aria-labelledby="period-section-title">
      <h2 id="period-section-title">{t('periodSection')}</h2>
      <p className="hint">{t('periodSectionNote')}</p>
      <div className="panel-grid">
        {groups.map((group) => (
          <PeriodPanel key={group.metric} dataset={dataset} group={group} figuresOf={(s, g) => figuresOf.get(`${s}\u0000${g}`) ?? []} means={means ?? []} />
        ))}
      </div>
    </section>
  );
}

function groupByMetric(series: PeriodSeries[], labelOf: (s: PeriodSeries) => string): MetricGroup[] {
  const groups = new Map<string, MetricGroup>();
  for (const s of series) {
    const group = groups.get(s.metric) ?? { metric: s.metric, label: labelOf(s), combinations: [] };
    groups.set(s.metric, group);
    const key = s.dimensions.join('|');
    let combination = group.combinations.find((c) => c.key === key);
    if (!combination) group.combinations.push((combination = { key, dimensions: s.dimensions, series: [] }));
    combination.series.push(s);
  }
  // The total first, then the combinations in the order of their values.
  for (const g of groups.values()) g.combinations.sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : a.key.localeCompare(b.key, 'nl')));
  return [...groups.values()];
}

function PeriodPanel({ dataset, group, figuresOf, means }: { dataset: Dataset; group: MetricGroup; figuresOf: (series: string, grain: PeriodGrain) => PeriodFigure[]; means: SeriesMean[] }) {
  const [chosen, setChosen] = useState(group.combinations[0].key);
  const combination = group.combinations.find((c) => c.key === chosen) ?? group.combinations[0];
  const headingId = useId();
  const label = seriesLabel(group.label, combination.dimensions);
  return (
    <section className="panel period-panel" data-testid="period-panel" data-metric={group.metric} aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      {group.combinations.length > 1 && <DimensionPicker options={group.combinations} value={combination.key} onChange={setChosen} />}
      <div className="grain-row">
        {combination.series.map((s) => (
          <GrainBlock key={s.grain} dataset={dataset} series={s} label={label} rows={figuresOf(s.series, s.grain)} means={means.filter((m) => m.series === s.series && m.grain === s.grain)} />
        ))}
      </div>
    </section>
  );
}

function GrainBlock({ dataset, series, label, rows, means }: { dataset: Dataset; series: PeriodSeries; label: string; rows: PeriodFigure[]; means: SeriesMean[] }) {
  const t = useT();
  const lang = useLang();
  const grain = series.grain;
  const window = PERIOD_BASELINE[grain];
  const baseline = means.find((m) => m.from === window.from && m.to === window.to) ?? null;
  const caption = `${label} · ${t(`grain_${grain}`).toLowerCase()}`;
  const phases = phaseSentences(series, label, means, lang);
  const withValues = rows.filter((r) => r.value !== null).length;
  const baselineText =
    baseline && baseline.mean !== null
      ? t('periodBaseline', {
          from: periodLabel(window.from, lang),
          to: periodLabel(window.to, lang),
          value: formatNumber(baseline.mean, lang),
          unit: perPeriod(grain, lang).replace(/^per /, ''),
          count: baseline.periodsWithData,
          total: baseline.periodsInRange,
        })
      : t('periodNoBaseline', { from: periodLabel(window.from, lang), to: periodLabel(window.to, lang) });
  return (
    <div className="grain-block" data-testid="grain-block" data-grain={grain} data-metric={series.series}>
      <h3>{t(`grain_${grain}`)}</h3>
      {withValues >= 2 && (
        <LazyPeriodChart
          fallback={<div className="chart-placeholder" style={{ height: 220 }} />}
          description={caption}
          metric={series.series}
          grain={grain}
          rows={rows}
          baseline={baseline?.mean != null ? { value: baseline.mean, label: t('baseline') } : null}
        />
      )}
      <p className="hint" data-testid="period-baseline">
        {baselineText}
      </p>
      {phases.length > 0 && (
        <ul className="period-sentences">
          {phases.map((phase) => (
            <li key={phase.phase} data-testid="period-sentence" data-phase={phase.phase}>
              {phase.text}
            </li>
          ))}
        </ul>
      )}
      <PeriodTable
        caption={caption}
        metric={series.series}
        dimensions={series.dimensions}
        grain={grain}
        rows={rows}
        renderRevision={(period) => <PeriodRevisionBadge dataset={dataset} series={series.series} grain={grain} period={period} />}
      />
    </div>
  );
}

/**
 * A monthly series' sentence per phase with figures (the letter's phases in months), each against
 * the monthly baseline: what the dashboard's period panel and the letter both say.
 */
export function phaseSentences(series: PeriodSeries, label: string, means: SeriesMean[], lang: Lang): { phase: string; text: string }[] {
  if (series.grain !== 'month') return [];
  const seriesMeans = means.filter((m) => m.series === series.series && m.grain === series.grain);
  const window = PERIOD_BASELINE[series.grain];
  const baseline = seriesMeans.find((m) => m.from === window.from && m.to === window.to) ?? null;
  const noun = metricDefinition(series.metric)?.noun[lang] ?? lowerFirst(seriesLabel(label, []));
  return MONTH_PHASES.map((p) => seriesMeans.find((m) => m.from === p.from && m.to === p.to))
    .filter((m): m is SeriesMean => !!m && (m.periodsWithData > 0 || m.periodsPartial > 0))
    .map((m) => ({ phase: `${m.from}/${m.to}`, text: periodSentence({ lang, figure: m, grain: series.grain, noun, baseline, preCrisis: true }) }));
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
