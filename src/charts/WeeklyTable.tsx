import type { ReactNode } from 'react';
import { formatDay, formatNumber, weekLabel, weekSpan } from '../i18n/format';
import { useLang, useT } from '../i18n/language';
import type { ChartSeries, WeekPoint } from './types';

interface Props {
  caption: string;
  series: ChartSeries[];
  /** What a revised cell offers beyond its mark, e.g. the list of earlier values. */
  renderRevision?: (metric: string, point: WeekPoint) => ReactNode;
}

/**
 * Every week of the range, one column per series. Figure cells carry data-week, data-metric
 * and data-value (exact, dot decimal): the acceptance tests' contract.
 */
export function WeeklyTable({ caption, series, renderRevision }: Props) {
  const lang = useLang();
  const t = useT();
  const weeks = series[0]?.points ?? [];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="weekly-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('week')}</th>
            <th scope="col">{t('period')}</th>
            {series.map((s) => (
              <th scope="col" key={s.metric} className="number">
                {s.label}
              </th>
            ))}
            <th scope="col">{t('source')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={week.week}>
              <th scope="row">{weekLabel(week.week, lang)}</th>
              <td>{weekSpan(week.weekStart, lang)}</td>
              {series.map((s) => {
                const point = s.points[i];
                return (
                  <td
                    key={s.metric}
                    className="number"
                    data-week={point.week}
                    data-metric={s.metric}
                    data-value={point.value ?? ''}
                    data-revised={point.revised ? 'true' : undefined}
                  >
                    {point.value === null ? <span className="missing">{t('missing')}</span> : formatNumber(point.value, lang)}
                    {point.revised && (renderRevision?.(s.metric, point) ?? <span className="badge">{t('revised')}</span>)}
                  </td>
                );
              })}
              <td className="provenance">{provenance(series.map((s) => s.points[i]), t, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function provenance(points: WeekPoint[], t: ReturnType<typeof useT>, lang: ReturnType<typeof useLang>): string {
  const sources = new Set(
    points
      .filter((p) => p.fileName)
      .map((p) => `${t('sourceLine', { file: p.fileName!, line: p.line! })} (${t('exportOf', { date: formatDay(p.exportDate!, lang) })})`),
  );
  return [...sources].join('; ');
}
