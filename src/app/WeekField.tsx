import { useEffect, useRef } from 'react';
import { normaliseWeek } from './viewState';

/**
 * An ISO week input ("2020-W27"); Chromium and Edge show a week picker, other browsers a text
 * field. Uncontrolled on purpose: as a controlled input, Chromium dropped every digit typed
 * into the week and year segments, so the field only worked with the picker or a paste. A
 * new value from outside (a quick pick, back/forward) is written in when it differs.
 */
export function WeekField({ label, value, min, max, onChange, testId }: { label: string; value: string; min?: string; max?: string; onChange: (week: string | null) => void; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current && input.current.value !== value) input.current.value = value;
  }, [value]);
  return (
    <label className="field">
      {label}
      <input
        ref={input}
        type="week"
        defaultValue={value}
        min={min}
        max={max}
        data-testid={testId}
        pattern="[0-9]{4}-W[0-9]{2}"
        onChange={(e) => {
          const week = normaliseWeek(e.target.value);
          if (week || e.target.value === '') onChange(week);
        }}
      />
    </label>
  );
}
