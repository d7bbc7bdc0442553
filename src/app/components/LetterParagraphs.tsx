import { escapeHtml } from '../../export/clipboard';
import { useLang, useT } from '../../i18n/language';
import type { ParagraphOptions } from '../../i18n/paragraphs';
import { basisNote, type LetterParagraph } from '../state/letter';
import { CopyButton } from './CopyButton';

/** A paragraph (or sentence) with its source note, for "Kopieer met onderbouwing": the note as a footnote-sized line under it. */
export function withBasis(text: string, note: string): { text: string; html: string } {
  return { text: `${text}\n\n${note}`, html: `<p>${escapeHtml(text)}</p><p style="font-size:8pt">${escapeHtml(note)}</p>` };
}

/** The options of the letter's paragraphs, both off by default as the letter has neither. */
export function ParagraphOptionsFields({ options, onChange }: { options: ParagraphOptions; onChange: (options: ParagraphOptions) => void }) {
  const t = useT();
  return (
    <fieldset className="paragraph-options">
      <legend>{t('paragraphOptions')}</legend>
      <label>
        <input type="checkbox" data-testid="paragraph-percentages" checked={options.percentages} onChange={(e) => onChange({ ...options, percentages: e.target.checked })} /> {t('paragraphPercentages')}
      </label>
      <label>
        <input type="checkbox" data-testid="paragraph-forced" checked={options.forced} onChange={(e) => onChange({ ...options, forced: e.target.checked })} /> {t('paragraphForced')}
      </label>
    </fieldset>
  );
}

/** One paragraph per figure, each one click to copy, alone or with its basis. */
export function LetterParagraphs({ paragraphs, withTools = true }: { paragraphs: LetterParagraph[]; withTools?: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="letter-paragraphs">
      {paragraphs.map((paragraph) => (
        <article key={paragraph.metric} className="letter-paragraph" data-testid="letter-paragraph" data-metric={paragraph.metric} aria-label={paragraph.label}>
          {withTools && <h3>{paragraph.label}</h3>}
          <p>{paragraph.text}</p>
          {withTools && (
            <div className="sentence-tools">
              <CopyButton
                label={t('copy')}
                ariaLabel={t('copyParagraph', { label: paragraph.label })}
                testId="copy-paragraph"
                content={() => ({ text: paragraph.text, html: `<p>${escapeHtml(paragraph.text)}</p>` })}
              />
              <CopyButton
                label={t('copyWithBasis')}
                ariaLabel={t('copyParagraphWithBasis', { label: paragraph.label })}
                testId="copy-paragraph-basis"
                content={() => withBasis(paragraph.text, basisNote(paragraph.basis, t, lang))}
              />
            </div>
          )}
        </article>
      ))}
    </div>
  );
}
