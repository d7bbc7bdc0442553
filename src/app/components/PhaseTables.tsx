import type { PhaseFigure } from '../../domain/phases';
import { phaseOfKey } from '../../domain/phases';
import { roundForLetter, roundPercent } from '../../domain/rounding';
import { formatNumber, weeksLabel } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import type { Letter } from '../state/letter';

/** Per phase, each figure exact and rounded side by side; the mean cell carries the acceptance tests' hooks. */
export function PhaseTable({ letter }: { letter: Letter }) {
  const t = useT();
  const lang = useLang();
  const n = (value: number | null, digits = 2) => (value === null ? '–' : formatNumber(value, lang, digits));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('phaseTableTitle')}>
      <table className="phase-table">
        <caption className="visually-hidden">{t('phaseTableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figure')}</th>
            <th scope="col" className="number">{t('meanExact')}</th>
            <th scope="col" className="number">{t('meanRounded')}</th>
            <th scope="col" className="number">{t('totalExact')}</th>
            <th scope="col" className="number">{t('weeksWithData')}</th>
            <th scope="col" className="number">{t('baseline')}</th>
            <th scope="col" className="number">{t('ofBaseline')}</th>
          </tr>
        </thead>
        {letter.phases.map((phase) => (
          <tbody key={phase.key}>
            <tr className="phase-heading">
              <th scope="rowgroup" colSpan={7}>
                {phase.title}: {weeksLabel(phaseOfKey(phase.key), lang)}
              </th>
            </tr>
            {phase.rows.map(({ metric, label, figure: f }) => {
              const gap = f.weeksWithData < f.weeksInRange;
              return (
                <tr key={metric}>
                  <th scope="row">{label}</th>
                  <td className="number">{n(f.mean)}</td>
                  <td className="number" {...phaseCellHooks(phase.key, metric, f)}>
                    {f.mean === null ? '–' : formatNumber(roundForLetter(f.mean), lang)}
                  </td>
                  <td className="number">{n(f.total)}</td>
                  <td className={`number${gap ? ' gap' : ''}`}>
                    {t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange })}
                    {gap && <span className="visually-hidden"> ({t('weeksMissing')})</span>}
                    {weeksLeftOut(f, t) && <span className="muted"> ({weeksLeftOut(f, t)})</span>}
                  </td>
                  <td className="number">{n(f.baseline)}</td>
                  <td className="number">{f.pct === null || phase.isBaseline ? '–' : `${n(f.pct, 1)}%`}</td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Weeks with figures that were left out: partial weeks, and for a derived figure weeks missing a component. */
function weeksLeftOut(f: PhaseFigure, t: ReturnType<typeof useT>): string {
  return [
    f.weeksIncomplete > 0 ? t('weeksIncomplete', { n: f.weeksIncomplete }) : '',
    f.weeksPartial > 0 ? t('weeksPartial', { n: f.weeksPartial }) : '',
  ].filter(Boolean).join('; ');
}

/** The acceptance tests' hooks on a phase table cell: the exact mean, its rounding and the gap count. */
const phaseCellHooks = (phase: string, metric: string, f: PhaseFigure) => ({
  'data-phase': phase,
  'data-metric': metric,
  'data-mean': f.mean ?? '',
  'data-rounded': f.mean === null ? '' : roundForLetter(f.mean),
  'data-weeks-with-data': f.weeksWithData,
  'data-weeks-in-range': f.weeksInRange,
});

/**
 * The briefing's table: a row per figure, a column per phase, each cell the rounded weekly mean
 * and its % of the baseline; a phase with missing weeks says how many it has.
 */
export function CompactPhaseTable({ letter, metrics }: { letter: Letter; metrics: string[] }) {
  const t = useT();
  const lang = useLang();
  const rows = metrics.filter((metric) => letter.phases.some((p) => p.rows.some((r) => r.metric === metric)));
  return (
    <table className="phase-table compact">
      <caption className="visually-hidden">{t('phaseTableTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figure')}</th>
          {letter.phases.map((phase) => (
            <th scope="col" className="number" key={phase.key}>
              {phase.title}
              <br />
              <span className="muted">{weeksLabel(phaseOfKey(phase.key), lang)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((metric) => (
          <tr key={metric}>
            <th scope="row">{letter.phases.flatMap((p) => p.rows).find((r) => r.metric === metric)!.label}</th>
            {letter.phases.map((phase) => {
              const f = phase.rows.find((r) => r.metric === metric)?.figure;
              if (!f) return <td key={phase.key} />;
              return (
                <td key={phase.key} className="number" {...phaseCellHooks(phase.key, metric, f)}>
                  {f.mean === null ? '–' : formatNumber(roundForLetter(f.mean), lang)}
                  {f.pct !== null && !phase.isBaseline && <span className="muted"> ({formatNumber(roundPercent(f.pct), lang)}%)</span>}
                  {f.weeksWithData < f.weeksInRange && <span className="gap"> [{[t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange }), weeksLeftOut(f, t)].filter(Boolean).join('; ')}]</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
