import { useId } from 'react';
import { useT } from '../../i18n/language';

/** Which dimension combination of a metric a panel shows ("Syrisch · Mannen"; the total as "Totaal"). */
export function DimensionPicker({ options, value, onChange }: { options: { key: string; dimensions: string[] }[]; value: string; onChange: (key: string) => void }) {
  const t = useT();
  const id = useId();
  return (
    <p className="dimension-picker">
      <label htmlFor={id}>{t('dimensionPicker')} </label>
      <select id={id} data-testid="dimension-picker" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.dimensions.length ? o.dimensions.join(' · ') : t('dimensionTotal')}
          </option>
        ))}
      </select>
    </p>
  );
}
