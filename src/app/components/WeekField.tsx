import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import { parseCalendarDate } from '../../domain/isoWeek';
import { normaliseWeek } from '../state/viewState';

/**
 * A date or week input whose value lives in the URL. Uncontrolled on purpose: re-rendered with
 * the value after every keystroke, Chromium dropped what was typed into its segments (a week or
 * year typed digit by digit never arrived). A value from outside (a quick pick, back/forward)
 * is written in when it differs; only complete, plausible values are handed on.
 */
function SyncedInput({ value, parse, onChange, ...rest }: { value: string; parse: (text: string) => string | null; onChange: (value: string | null) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'>) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current && input.current.value !== value) input.current.value = value;
  }, [value]);
  return (
    <input
      ref={input}
      defaultValue={value}
      onChange={(e) => {
        const accepted = parse(e.target.value);
        if (accepted || e.target.value === '') onChange(accepted);
      }}
      {...rest}
    />
  );
}

/** An ISO week input ("2020-W27"); Chromium and Edge show a week picker, other browsers a text field. */
export function WeekField({ label, value, min, max, onChange, testId }: { label: string; value: string; min?: string; max?: string; onChange: (week: string | null) => void; testId: string }) {
  return (
    <label className="field">
      {label}
      <SyncedInput type="week" value={value} min={min} max={max} data-testid={testId} pattern="[0-9]{4}-W[0-9]{2}" parse={normaliseWeek} onChange={onChange} />
    </label>
  );
}

/** A calendar day; a year still being typed ("0020") is not a date anyone means. */
const plausibleDay = (text: string) => {
  const day = parseCalendarDate(text);
  return day && day >= '1900' ? day : null;
};

export function DateInput({ value, onChange, testId }: { value: string; onChange: (day: string | null) => void; testId?: string }) {
  return <SyncedInput type="date" value={value} data-testid={testId} parse={plausibleDay} onChange={onChange} />;
}
