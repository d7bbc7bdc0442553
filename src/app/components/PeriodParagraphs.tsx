/**
 * The letter's paragraphs for monthly series (public statistics, the user's monthly tables): per
 * series its phases in months against the monthly baseline, the same sentences as the dashboard's
 * period panel, each paragraph one click to copy. Quarters and years have no phases.
 */
import { useMemo, type ReactNode } from 'react';
import type { Dataset } from '../../domain/dataset';
import { seriesLabel } from '../../domain/grain';
import { escapeHtml } from '../../export/clipboard';
import { useLang, useT } from '../../i18n/language';
import { usePeriodMeans, usePeriodSeries } from '../state/dataQueries';
import { catalogueLabel } from '../state/metricLabel';
import { CopyButton } from './CopyButton';
import { phaseSentences } from './PeriodPanels';

/** `fallback`: shown when the dataset has no monthly series with figures in a phase (once that is known). */
export function PeriodParagraphs({ dataset, fallback = null }: { dataset: Dataset; fallback?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const series = usePeriodSeries(dataset).data;
  const means = usePeriodMeans(dataset).data;
  const paragraphs = useMemo(
    () =>
      (series ?? [])
        .map((s) => {
          const metricLabel = catalogueLabel(s.metric, lang) ?? s.customLabel ?? s.metric;
          const text = phaseSentences(s, metricLabel, means ?? [], lang).map((p) => p.text).join(' ');
          return { series: s.series, label: seriesLabel(metricLabel, s.dimensions), text };
        })
        .filter((p) => p.text !== ''),
    [series, means, lang],
  );
  if (!series || !means) return null;
  if (paragraphs.length === 0) return fallback;
  return (
    <section className="card" aria-labelledby="period-paragraphs-title" data-testid="period-paragraphs">
      <header className="card-header">
        <h2 id="period-paragraphs-title">{t('periodParagraphsTitle')}</h2>
      </header>
      <p className="muted" data-testid="period-phases-note">{t('periodPhasesWholeMonths')}</p>
      <div className="letter-paragraphs">
        {paragraphs.map((paragraph) => (
          <article key={paragraph.series} className="letter-paragraph" data-testid="period-paragraph" data-metric={paragraph.series} aria-label={paragraph.label}>
            <h3>{paragraph.label}</h3>
            <p>{paragraph.text}</p>
            <div className="sentence-tools">
              <CopyButton
                label={t('copy')}
                ariaLabel={t('copyParagraph', { label: paragraph.label })}
                content={() => ({ text: paragraph.text, html: `<p>${escapeHtml(paragraph.text)}</p>` })}
              />
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
