import type { PhaseFigure } from '../../domain/phases';
import { phaseOfKey } from '../../domain/phases';
import { roundForLetter } from '../../domain/rounding';
import { formatNumber, weeksLabel } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import { compactTable, weeksLeftOut, type Letter } from '../state/letter';

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

/** The acceptance tests' hooks on a phase table cell: the exact mean, its rounding and the gap count. */
const phaseCellHooks = (phase: string, metric: string, f: PhaseFigure) => ({
  'data-phase': phase,
  'data-metric': metric,
  'data-mean': f.mean ?? '',
  'data-rounded': f.mean === null ? '' : roundForLetter(f.mean),
  'data-weeks-with-data': f.weeksWithData,
  'data-weeks-in-range': f.weeksInRange,
});

/** The briefing's table (src/app/state/letter.ts compactTable), with the same hooks on its cells as the full one. */
export function CompactPhaseTable({ letter, metrics }: { letter: Letter; metrics: string[] }) {
  const t = useT();
  const table = compactTable(letter, metrics, t);
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
              <span className="muted">{weeksLabel(phaseOfKey(phase.key), letter.lang)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.metric}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => (
              <td key={cell.phase} className="number" {...(cell.figure ? phaseCellHooks(cell.phase, row.metric, cell.figure) : {})}>
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
