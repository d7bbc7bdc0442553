import { useState } from 'react';
import { copyRich } from '../../export/clipboard';
import { markCopy } from '../../export/provenance';
import { useFictionalMark } from '../state/fictionalMark';
import { useT } from '../../i18n/language';
import { useCheckingFigures } from '../state/queryCache';

/** Copies text and HTML together, with the fictional mark on sample figures; says whether it worked. Waits while shown figures are being confirmed. */
export function CopyButton({ label, ariaLabel, content, testId, small = false }: { label: string; ariaLabel?: string; content: () => { text: string; html: string }; testId?: string; small?: boolean }) {
  const t = useT();
  const mark = useFictionalMark();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const checking = useCheckingFigures();
  return (
    <>
      <button
        type="button"
        className={small ? 'secondary small' : 'secondary'}
        aria-label={ariaLabel}
        data-testid={testId}
        disabled={checking}
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
