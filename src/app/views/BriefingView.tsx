import { format } from 'date-fns';
import { PanelChart } from '../../charts/PanelChart';
import type { Dataset } from '../../domain/dataset';
import { formatDay, weekLabel } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import { baselineRule } from '../state/baselineRule';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { CompactPhaseTable } from '../components/PhaseTables';
import { SentenceItem } from '../components/SentenceItem';
import { useLetter } from '../state/useLetter';
import { useCheckingFigures } from '../state/queryCache';
import { chartBaseline, chartLines, panelSources } from '../components/Panel';
import { usePanelData } from '../state/usePanelData';
import type { ViewState } from '../state/viewState';

/**
 * The briefing: the chosen panels, the phase table and the main sentences on A4. The sheet has
 * the printed width on screen too, so the charts are drawn once at the size they print.
 */
export function BriefingView({ dataset, view }: { dataset: Dataset; view: ViewState }) {
  const t = useT();
  const lang = useLang();
  const data = usePanelData(dataset, view);
  const { letter } = useLetter(dataset, view);
  const checking = useCheckingFigures();
  if (data.noData) return <p className="empty">{t('noData')}</p>;
  const charts = data.panels.flatMap((panel) => {
    const { weeksByMetric } = data.panelFigures(panel);
    const weeks = (weeksByMetric.values().next().value ?? []).map((w) => w.week);
    if (weeks.length === 0) return [];
    return [{ panel, weeksByMetric, weeks }];
  });
  const period = charts[0] ? t('chartPeriod', { from: weekLabel(charts[0].weeks[0], lang), to: weekLabel(charts[0].weeks[charts[0].weeks.length - 1], lang) }) : '';
  const primary = new Set(data.panels.map((p) => p.primary));

  return (
    <article className="briefing" data-testid="briefing" aria-labelledby="briefing-title">
      <p className="no-print briefing-tools">
        {t('briefingHint')}{' '}
        <button type="button" className="primary" data-testid="print-briefing" disabled={checking} onClick={() => window.print()}>
          {t('printBriefing')}
        </button>
      </p>
      <header>
        <h2 id="briefing-title">{t('briefingTitle')}</h2>
        <p>
          {t('briefingMade', { date: formatDay(format(new Date(), 'yyyy-MM-dd'), lang), period })} {baselineRule(view, t, lang)}
        </p>
        {dataset === 'sample' && <p className="fictional-mark">{t('sampleNotice')}</p>}
      </header>
      <ErrorBoundary part="view" error={data.error}>
        <div className="briefing-charts">
          {charts.map(({ panel, weeksByMetric, weeks }) => (
            <figure key={panel.id} className="briefing-chart">
              <figcaption>{panel.title[lang]}</figcaption>
              <PanelChart
                description={t('panelChartLabel', { title: panel.title[lang], first: weekLabel(weeks[0], lang), last: weekLabel(weeks[weeks.length - 1], lang) })}
                weeks={weeks}
                lines={chartLines(panel, weeksByMetric, data.labelOf, view, t, lang)}
                stacked={panel.stacked}
                baseline={chartBaseline(panel, data.summaryByMetric.get(panel.primary), weeksByMetric, data.labelOf, t, lang)}
                partialWeeks={weeks.filter((_, i) => [...weeksByMetric.values()].some((rows) => rows[i].partial))}
                partialLabel={t('partialWeek')}
                height={135}
              />
              <p className="source-line">{t('sources', { files: panelSources(weeksByMetric, t, lang) })}</p>
            </figure>
          ))}
        </div>
      </ErrorBoundary>
      {letter && (
        <>
          <h3>{t('phaseTableTitle')}</h3>
          <CompactPhaseTable letter={letter} metrics={[...primary]} />
          <p className="source-line">{t('briefingTableNote')}</p>
          <h3>{t('sentencesTitle')}</h3>
          <ul className="briefing-sentences">
            {letter.phases
              .filter((p) => !p.isBaseline)
              .flatMap((p) => p.rows.filter((r) => primary.has(r.metric)).map((row) => <SentenceItem key={`${p.key}-${row.metric}`} row={row} phase={p.key} withEvidence={false} />))}
            {letter.runningTotals.map((row) => (
              <SentenceItem key={`total-${row.metric}`} row={row} phase={row.figure.phase} withEvidence={false} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
