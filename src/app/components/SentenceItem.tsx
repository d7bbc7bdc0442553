import { phaseOfKey } from '../../domain/phases';
import { escapeHtml } from '../../export/clipboard';
import { formatNumber, weeksLabel } from '../../i18n/format';
import { useLang, useT } from '../../i18n/language';
import { basisNote, sourcesText, type LetterRow } from '../state/letter';
import { CopyButton } from './CopyButton';
import { withBasis } from './LetterParagraphs';

/** A sentence, its copy button, and one click away the exact figures, weeks and exports behind it. */
export function SentenceItem({ row, phase, withEvidence = true }: { row: LetterRow; phase: string; withEvidence?: boolean }) {
  const t = useT();
  const lang = useLang();
  const f = row.figure;
  const n = (value: number | null) => (value === null ? '–' : formatNumber(value, lang, 4));
  const { from, to } = phaseOfKey(phase);
  return (
    <li className="sentence" data-testid="letter-sentence" data-metric={row.metric} data-phase={phase}>
      <p>{row.sentence}</p>
      {withEvidence && (
        <div className="sentence-tools">
          <CopyButton label={t('copy')} ariaLabel={t('copySentence', { label: row.label })} content={() => ({ text: row.sentence, html: `<p>${escapeHtml(row.sentence)}</p>` })} />
          <CopyButton
            label={t('copyWithBasis')}
            ariaLabel={t('copySentenceWithBasis', { label: row.label })}
            content={() => withBasis(row.sentence, basisNote([{ title: weeksLabel({ from, to }, lang), figure: f, label: row.label }], t, lang))}
          />
          <details>
            <summary>{t('evidence')}</summary>
            <dl className="evidence">
              <dt>{t('weeks')}</dt>
              <dd>
                {from} – {to} ({t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange })})
              </dd>
              <dt>{t('meanExact')}</dt>
              <dd>{n(f.mean)}</dd>
              {f.total !== null && (
                <>
                  <dt>{t('totalExact')}</dt>
                  <dd>{n(f.total)}</dd>
                </>
              )}
              {f.lastWeek && (
                <>
                  <dt>{t('lastWeekValue', { week: f.lastWeek })}</dt>
                  <dd>{n(f.lastValue)}</dd>
                </>
              )}
              <dt>{t('baseline')}</dt>
              <dd>{n(f.baseline)}</dd>
              <dt>{t('ofBaseline')}</dt>
              <dd>{f.pct === null ? '–' : `${n(f.pct)}%`}</dd>
              <dt>{t('source')}</dt>
              <dd>{sourcesText(f, t, lang) || t('noSources')}</dd>
            </dl>
          </details>
        </div>
      )}
    </li>
  );
}
