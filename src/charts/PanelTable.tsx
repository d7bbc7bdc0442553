import type { ReactNode } from 'react';
import type { CsvCell } from '../export/csv';
import { formatNumber, weekLabel, weekSpan } from '../i18n/format';
import { useLang, useT, type Lang, type Translate } from '../i18n/language';

export interface TableColumn {
  key: string;
  label: string;
  values: (number | null)[];
  /** A figure from the data: its cells carry data-metric (the acceptance tests' contract). */
  metric?: string;
  revised?: boolean[];
  unit?: '%';
}

interface Props {
  caption: string;
  weeks: string[];
  weekStarts: string[];
  columns: TableColumn[];
  /** Where each week's figures came from. */
  sources: string[];
  /** What a revised cell offers beyond its mark, e.g. the list of earlier values. */
  renderRevision?: (metric: string, week: number) => ReactNode;
}

/**
 * Every week of the range, no paging. Figure cells carry data-week, data-metric and data-value
 * (exact, dot decimal, no grouping), and data-revised="true" where a newer export changed them.
 */
export function PanelTable({ caption, weeks, weekStarts, columns, sources, renderRevision }: Props) {
  const lang = useLang();
  const t = useT();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="weekly-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('week')}</th>
            <th scope="col">{t('period')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.key} className="number">
                {c.label}
              </th>
            ))}
            <th scope="col">{t('source')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={week}>
              <th scope="row">{weekLabel(week, lang)}</th>
              <td>{weekSpan(weekStarts[i], lang)}</td>
              {columns.map((c) => {
                const value = c.values[i];
                const revised = c.revised?.[i] ?? false;
                const shown = value === null ? <span className="missing">{t('missing')}</span> : `${formatNumber(value, lang)}${c.unit ?? ''}`;
                return c.metric ? (
                  <td key={c.key} className="number" data-week={week} data-metric={c.metric} data-value={value ?? ''} data-revised={revised ? 'true' : undefined}>
                    {shown}
                    {revised && (renderRevision?.(c.metric, i) ?? <span className="badge">{t('revised')}</span>)}
                  </td>
                ) : (
                  <td key={c.key} className="number derived" data-column={c.key}>
                    {shown}
                  </td>
                );
              })}
              <td className="provenance">{sources[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The same weekly table as CSV cells, exact figures: week, its Monday-to-Sunday span, the columns
 * and, when given, each week's sources. Called only when downloaded (sources take a while).
 */
export function tableCells(weeks: string[], weekStarts: string[], columns: Pick<TableColumn, 'label' | 'values'>[], sources: string[] | null, t: Translate, lang: Lang): CsvCell[][] {
  return [
    [t('week'), t('period'), ...columns.map((c) => c.label), ...(sources ? [t('source')] : [])],
    ...weeks.map((week, i) => [week, weekSpan(weekStarts[i], lang), ...columns.map((c) => c.values[i]), ...(sources ? [sources[i]] : [])]),
  ];
}
