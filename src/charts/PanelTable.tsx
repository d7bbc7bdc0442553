import type { ReactNode } from 'react';
import { splitSeriesId } from '../domain/grain';
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
  /** A derived figure without a value: the labels of the components that have none that week. */
  missing?: string[][];
  /** Weeks that end after their export date: shown, marked "onvolledig", never counted. */
  partial?: boolean[];
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

/** A series split by dimensions: its values as text ("Syrisch · Mannen"); undefined for a whole metric. */
function dimensionsOf(metric: string): string | undefined {
  const { dimensions } = splitSeriesId(metric);
  return dimensions.length ? dimensions.join(' · ') : undefined;
}

/** Why a derived figure has no value: "Telehoren ontbreekt", "Opvolgende aanvragen en Ingereisde nareizigers ontbreken". */
export function missingComponentsText(labels: string[], t: Translate): string {
  const joined = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${t('and')} ${labels[labels.length - 1]}` : labels.join('');
  return t(labels.length > 1 ? 'componentsMissingMany' : 'componentsMissing', { columns: joined });
}

/**
 * Every week of the range, no paging. Figure cells carry data-week, data-metric and data-value
 * (exact, dot decimal, no grouping), and data-revised="true" where a newer export changed them.
 * A derived cell whose components are not all there has no data-value and says which is missing;
 * a partial week's cell has data-partial="true".
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
          {weeks.map((week, i) => {
            const partialWeek = columns.some((c) => c.partial?.[i]);
            return (
              <tr key={week} className={partialWeek ? 'partial' : undefined}>
                <th scope="row">
                  {weekLabel(week, lang)}
                  {partialWeek && <span className="badge partial-badge">{t('partialWeek')}</span>}
                </th>
                <td>{weekSpan(weekStarts[i], lang)}</td>
                {columns.map((c) => {
                  const value = c.values[i];
                  const revised = c.revised?.[i] ?? false;
                  const partial = c.partial?.[i] ?? false;
                  const lacking = value === null ? (c.missing?.[i] ?? []) : [];
                  const shown =
                    value !== null ? `${formatNumber(value, lang)}${c.unit ?? ''}` : <span className="missing">{lacking.length ? missingComponentsText(lacking, t) : t('missing')}</span>;
                  return c.metric ? (
                    <td
                      key={c.key}
                      className={`number${partial ? ' partial' : ''}`}
                      data-week={week}
                      data-metric={c.metric}
                      data-dimensions={dimensionsOf(c.metric)}
                      data-value={lacking.length ? undefined : (value ?? '')}
                      data-revised={revised ? 'true' : undefined}
                      data-partial={partial ? 'true' : undefined}
                    >
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
            );
          })}
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
