import { useState } from 'react';
import type { Dataset } from '../../domain/dataset';
import { formatDay, formatNumber } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import { useObservationHistory, usePeriodHistory } from '../state/dataQueries';
import type { PeriodGrain } from '../../domain/grain';
import { symbolText } from '../../charts/PeriodTable';

/** A revised cell's mark; opening it lists every value the exports gave for that week. */
export function RevisionBadge({ dataset, metric, weekStart }: { dataset: Dataset; metric: string; weekStart: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <span className="revision">
      <button type="button" className="badge" aria-expanded={open} title={t('revisedTitle')} onClick={() => setOpen((v) => !v)}>
        {t('revised')}
      </button>
      {open && <RevisionHistory dataset={dataset} metric={metric} weekStart={weekStart} />}
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
        <li key={`${v.fileName}:${v.sheet}:${v.line}`}>
          {formatNumber(v.value, lang)}: {v.sheet === null ? t('sourceLine', { file: v.fileName, line: v.line }) : t('sourceSheetRow', { file: v.fileName, sheet: v.sheet, line: v.line })} (
          {t('exportOf', { date: formatDay(v.exportDate, lang) })})
          {v.current && <strong> · {t('historyCurrent')}</strong>}
        </li>
      ))}
    </ul>
  );
}

/** A revised month's (quarter's, year's) mark; opening it lists every release of that period's figure, newest first. */
export function PeriodRevisionBadge({ dataset, series, grain, period }: { dataset: Dataset; series: string; grain: PeriodGrain; period: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <span className="revision">
      <button type="button" className="badge" aria-expanded={open} title={t('revisedTitle')} onClick={() => setOpen((v) => !v)}>
        {t('revised')}
      </button>
      {open && <PeriodRevisionHistory dataset={dataset} series={series} grain={grain} period={period} />}
    </span>
  );
}

function PeriodRevisionHistory({ dataset, series, grain, period }: { dataset: Dataset; series: string; grain: PeriodGrain; period: string }) {
  const lang = useLang();
  const t = useT();
  const history = usePeriodHistory(dataset, series, grain, period);
  return (
    <ul className="history" data-testid="period-history">
      {history.data?.map((v) => (
        <li key={`${v.fileName}:${v.sheet}:${v.line}`}>
          {v.value !== null ? formatNumber(v.value, lang) : v.symbol ? symbolText(v.symbol, t) : '–'}: {v.sheet === null ? t('sourceLine', { file: v.fileName, line: v.line }) : t('sourceSheetRow', { file: v.fileName, sheet: v.sheet, line: v.line })} (
          {t('exportOf', { date: formatDay(v.exportDate, lang) })})
          {v.inForce && <strong> · {t('historyCurrent')}</strong>}
        </li>
      ))}
    </ul>
  );
}
