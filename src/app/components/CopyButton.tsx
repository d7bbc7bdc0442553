import { useState } from 'react';
import { copyRich } from '../../export/clipboard';
import { markCopy } from '../../export/provenance';
import { useFictionalMark } from '../state/fictionalMark';
import { useT } from '../../i18n/language';

/** Copies text and HTML together, with the fictional mark on sample figures; says whether it worked. */
export function CopyButton({ label, ariaLabel, content, testId }: { label: string; ariaLabel?: string; content: () => { text: string; html: string }; testId?: string }) {
  const t = useT();
  const mark = useFictionalMark();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={async () => {
          const { text, html } = markCopy(content(), mark);
          setState((await copyRich(text, html)) ? 'copied' : 'failed');
          setTimeout(() => setState('idle'), 2500);
        }}
      >
        {label}
      </button>
      <span className="copy-state" role="status">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
