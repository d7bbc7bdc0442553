import { format } from 'date-fns';
import { useMemo } from 'react';
import { eventTexts } from '../../charts/events';
import { chartImageSvg, chartSurface, svgToPng, type ChartImageText } from '../../charts/exportChart';
import { PanelChart } from '../../charts/PanelChart';
import type { Dataset } from '../../domain/dataset';
import type { DocxChart, DocxReport } from '../../export/docx';
import { formatDay, weekLabel } from '../../i18n/format';
import { DEFAULT_PARAGRAPH_OPTIONS } from '../../i18n/paragraphs';
import { useLang, useT } from '../../i18n/language';
import { baselineLevel, baselineRule, baselineRuleFor } from '../state/baselineRule';
import { CopyButton } from '../components/CopyButton';
import { ExportDocxButton } from '../components/ExportDocxButton';
import { LetterParagraphs } from '../components/LetterParagraphs';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PeriodParagraphs } from '../components/PeriodParagraphs';
import { CompactPhaseTable } from '../components/PhaseTables';
import { compactTable, compactTableAsText, letterExports, letterParagraphs } from '../state/letter';
import { useLetter } from '../state/useLetter';
import { useCheckingFigures } from '../state/queryCache';
import { useFictionalMark } from '../state/fictionalMark';
import { chartBaseline, chartLines, panelSources, statusText } from '../components/Panel';
import { usePanelData } from '../state/usePanelData';
import type { ViewState } from '../state/viewState';

/** Print resolution: a chart placed 16 cm wide is drawn at least 300 dots to the inch. */
const PRINT_WIDTH_PX = Math.ceil((160 / 25.4) * 300);

/**
 * The briefing: the chosen panels, the phase table and the figures' paragraphs on A4. The sheet
 * has the printed width on screen too, so the charts are drawn once at the size they print.
 * The same, as a Word document, with the charts as images.
 */
export function BriefingView({ dataset, view }: { dataset: Dataset; view: ViewState }) {
  const t = useT();
  const lang = useLang();
  const data = usePanelData(dataset, view);
  const fictional = useFictionalMark();
  const { letter } = useLetter(dataset, view);
  const checking = useCheckingFigures();
  const primary = useMemo(() => data.panels.map((p) => p.primary), [data.panels]);
  const paragraphs = useMemo(() => (letter ? letterParagraphs(letter, DEFAULT_PARAGRAPH_OPTIONS, t).filter((p) => primary.includes(p.metric)) : []), [letter, t, primary]);
  if (data.noData) return <PeriodParagraphs dataset={dataset} fallback={<p className="empty">{t('noData')}</p>} />;
  const rule = baselineRule(view, t, lang);
  // The letter's phases shaded on every chart, as the table and paragraphs speak of them.
  const phases = view.phases;
  const charts = data.panels.flatMap((panel) => {
    const { weeksByMetric } = data.panelFigures(panel);
    const weeks = (weeksByMetric.values().next().value ?? []).map((w) => w.week);
    if (weeks.length === 0) return [];
    const lines = chartLines(panel, weeksByMetric, data.labelOf, view, t, lang);
    const baseline = chartBaseline(panel, data.summaryByMetric.get(panel.primary), weeksByMetric, data.labelOf, t, lang);
    const period = t('chartPeriod', { from: weekLabel(weeks[0], lang), to: weekLabel(weeks[weeks.length - 1], lang) });
    const summary = data.summaryByMetric.get(panel.primary);
    const image: ChartImageText = {
      title: panel.title[lang],
      subtitle: [period, baselineRuleFor(view, summary?.kind ?? 'flow', t, lang), statusText(summary, baselineLevel(view, t, lang), t, lang)],
      legend: [
        ...lines.map((l) => ({ label: l.label, color: l.color, dashed: l.dashed })),
        ...(phases.length ? [{ label: t('phasesShaded'), color: '#9db6d2' }] : []),
        ...(baseline ? [{ label: baseline.label, color: '#333333', dashed: true }] : []),
      ],
      events: eventTexts(data.markers, weeks, lang),
      source: t('sources', { files: panelSources(weeksByMetric, t, lang) }),
      fictional,
    };
    const partialWeeks = weeks.filter((_, i) => [...weeksByMetric.values()].some((rows) => rows[i].partial));
    return [{ panel, weeks, lines, baseline, partialWeeks, image, period }];
  });
  const period = charts[0]?.period ?? '';
  const today = formatDay(format(new Date(), 'yyyy-MM-dd'), lang);
  const table = letter ? compactTable(letter, primary, t) : null;

  const report = async (): Promise<Omit<DocxReport, 'fictional'>> => {
    const images: DocxChart[] = [];
    for (const chart of charts) {
      const surface = chartSurface(document.querySelector(`[data-briefing-chart="${chart.panel.id}"]`) ?? document.createElement('div'));
      if (!surface) continue;
      const svg = chartImageSvg(surface, chart.image);
      const png = await svgToPng(svg.svg, svg.width, svg.height, Math.ceil(PRINT_WIDTH_PX / svg.width));
      images.push({ png: new Uint8Array(await png.arrayBuffer()), width: svg.width, height: svg.height, description: `${chart.image.title}, ${chart.period}` });
    }
    const exports = letter ? letterExports(letter, t) : [];
    return {
      lang,
      title: t('briefingTitle'),
      lines: [t('briefingMade', { date: today, period }), dataset === 'sample' ? t('docDatasetSample') : dataset === 'public' ? t('docDatasetPublic') : t('docDatasetUser', { count: exports.length }), rule],
      chartsTitle: t('docCharts'),
      charts: images,
      table: {
        caption: t('phaseTableTitle'),
        header: table?.header ?? [],
        rows: table?.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]) ?? [],
        numeric: (table?.header ?? []).map((_, i) => i > 0),
        note: t('briefingTableNote'),
      },
      paragraphsTitle: t('paragraphsTitle'),
      paragraphs: paragraphs.map((p) => ({ heading: p.label, text: p.text })),
      sourcesTitle: t('docSources'),
      sources: exports,
    };
  };

  return (
    <article className="briefing" data-testid="briefing" aria-labelledby="briefing-title">
      <p className="no-print briefing-tools">
        {t('briefingHint')}{' '}
        <button type="button" className="primary" data-testid="print-briefing" disabled={checking} onClick={() => window.print()}>
          {t('printBriefing')}
        </button>{' '}
        <ExportDocxButton report={report} fileName={`${t('briefingTitle')} ${format(new Date(), 'yyyy-MM-dd')}`} />
      </p>
      <header>
        <h2 id="briefing-title">{t('briefingTitle')}</h2>
        <p>
          {t('briefingMade', { date: today, period })} {rule}
        </p>
        {dataset === 'sample' && <p className="fictional-mark">{t('sampleNotice')}</p>}
      </header>
      <ErrorBoundary part="view" error={data.error}>
        <div className="briefing-charts">
          {charts.map(({ panel, weeks, lines, baseline, partialWeeks, image }) => (
            <figure key={panel.id} className="briefing-chart" data-briefing-chart={panel.id}>
              <figcaption>{panel.title[lang]}</figcaption>
              <PanelChart
                description={t('panelChartLabel', { title: panel.title[lang], first: weekLabel(weeks[0], lang), last: weekLabel(weeks[weeks.length - 1], lang) })}
                weeks={weeks}
                lines={lines}
                stacked={panel.stacked}
                baseline={baseline}
                markers={data.markers}
                phases={phases}
                phasesLabel={t('phasesShaded')}
                partialWeeks={partialWeeks}
                partialLabel={t('partialWeek')}
                height={135}
              />
              <p className="source-line">{image.source}</p>
            </figure>
          ))}
        </div>
      </ErrorBoundary>
      {letter && table && (
        <>
          <h3>{t('phaseTableTitle')}</h3>
          <CompactPhaseTable letter={letter} metrics={primary} />
          <p className="source-line">
            {t('briefingTableNote')}{' '}
            <span className="no-print">
              <CopyButton label={t('copyTable')} testId="copy-compact-table" content={() => compactTableAsText(table)} />
            </span>
          </p>
          <h3>{t('paragraphsTitle')}</h3>
          <LetterParagraphs paragraphs={paragraphs} withTools={false} />
        </>
      )}
    </article>
  );
}
