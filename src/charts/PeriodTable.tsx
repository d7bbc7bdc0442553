import type { PeriodGrain } from '../domain/grain';
import type { ReactNode } from 'react';
import { formatNumber, periodLabel } from '../i18n/format';
import { useLang, useT, type Translate } from '../i18n/language';
import { STRINGS, type StringKey } from '../i18n/strings';

/** One period's figure as a table row shows it (src/metrics/periodQueries.ts PeriodFigure). */
export interface PeriodRow {
  period: string;
  value: number | null;
  symbol: string | null;
  flag: string | null;
  source: string | null;
  fileName: string | null;
  line: number | null;
  sheet: string | null;
  revised: boolean;
  gap: boolean;
  /** The period ended after its figure's export date: shown, counted in no mean. */
  partial: boolean;
}

interface Props {
  caption: string;
  /** The series id: the metric, then its dimension values ("asylum_first|Syrisch|Mannen"). */
  metric: string;
  dimensions: string[];
  grain: PeriodGrain;
  rows: PeriodRow[];
  /** What a revised cell offers beyond its mark: the earlier releases of the figure. */
  renderRevision?: (period: string) => ReactNode;
}

/** "voorlopig", "geschat (e)": a source's flag in words; an unknown flag as its letter. */
export function flagText(flag: string, t: Translate): string {
  const key = `flag_${flag}`;
  return key in STRINGS ? t(key as StringKey) : flag;
}

export function symbolText(symbol: string, t: Translate): string {
  return t(`symbol_${symbol}` as StringKey);
}

/** The link in a source text ("https://… (CBS release reprint)"), and the words around it. */
export function sourceParts(source: string): { url: string | null; note: string } {
  const match = /https?:\/\/\S+/.exec(source);
  if (!match) return { url: null, note: source };
  const url = match[0].replace(/[),.;]+$/, '');
  return { url, note: source.replace(match[0], '').replace(/^[\s,;]+|[\s,;]+$/g, '') };
}

/**
 * Every period of one series at one grain, gaps included. A figure cell carries data-period,
 * data-grain, data-metric and data-value (exact; absent for a gap or a statistical symbol, whose
 * meaning is written instead), data-flag when the source flagged it, and data-dimensions for a
 * series split by dimensions. Each row names its source: the link where it was published, or
 * the file and line it came from.
 */
export function PeriodTable({ caption, metric, dimensions, grain, rows, renderRevision }: Props) {
  const lang = useLang();
  const t = useT();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="weekly-table period-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('periodColumn')}</th>
            <th scope="col" className="number">
              {t('value')}
            </th>
            <th scope="col">{t('flagColumn')}</th>
            <th scope="col">{t('source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown =
              row.value !== null ? (
                <>
                  {formatNumber(row.value, lang)}
                  {row.symbol && <span className="symbol"> ({symbolText(row.symbol, t)})</span>}
                </>
              ) : (
                <span className="missing">{row.symbol ? symbolText(row.symbol, t) : t('periodGap')}</span>
              );
            const source = row.source ? sourceParts(row.source) : null;
            return (
              <tr key={row.period} className={row.gap ? 'gap' : row.partial ? 'partial' : undefined}>
                <th scope="row">
                  {periodLabel(row.period, lang)}
                  {row.partial && (
                    <span className="badge partial-badge" title={t('partialPeriodTitle')}>
                      {t('partialWeek')}
                    </span>
                  )}
                </th>
                <td
                  className={`number${row.partial ? ' partial' : ''}`}
                  data-period={row.period}
                  data-grain={grain}
                  data-metric={metric}
                  data-dimensions={dimensions.length ? dimensions.join(' · ') : undefined}
                  data-value={row.value ?? undefined}
                  data-flag={row.flag ?? undefined}
                  data-revised={row.revised ? 'true' : undefined}
                  data-partial={row.partial ? 'true' : undefined}
                >
                  {shown}
                  {row.revised && (renderRevision?.(row.period) ?? <span className="badge">{t('revised')}</span>)}
                </td>
                <td>{row.flag && <span className="badge flag">{flagText(row.flag, t)}</span>}</td>
                <td className="provenance">
                  {source?.url && (
                    <a href={source.url} target="_blank" rel="noopener noreferrer" data-testid="period-source" title={source.url}>
                      {hostOf(source.url)}
                    </a>
                  )}
                  {source?.note && <span className="source-note"> {source.note}</span>}
                  {row.fileName && (
                    <span className="source-file">
                      {' '}
                      {row.fileName}, {row.sheet ? `${row.sheet}, ` : ''}
                      {t('periodLine', { line: row.line ?? '' })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The site a link goes to, as its text ("www.cbs.nl"); the whole address is its title. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
