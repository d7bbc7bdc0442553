/** The tooltip of a week in any chart: the week and its Monday-to-Sunday span, then one line per series. */
import { formatNumber, weekLabel, weekSpan } from '../i18n/format';
import type { Lang, Translate } from '../i18n/language';
import type { WeekTooltip } from './PanelChart';

export interface TooltipEntry {
  label: string;
  value: number | null;
  /** Said after the value: baseline, source file, revision. */
  notes?: string[];
  /** Why there is no value (a derived figure's missing components); default: "missing". */
  missingText?: string;
}

/**
 * With `skipMissing`, a series without a value that week is left out (a projection before it
 * starts); otherwise it is named as missing. A week with nothing to show says so.
 */
export function weekTooltip(week: string, weekStart: string, entries: TooltipEntry[], t: Translate, lang: Lang, { skipMissing = false } = {}): WeekTooltip {
  const lines = entries
    .filter((e) => !skipMissing || e.value !== null)
    .map((e) => (e.value === null ? `${e.label}: ${e.missingText ?? t('missing')}` : [`${e.label}: ${formatNumber(e.value, lang)}`, ...(e.notes ?? [])].join(' · ')));
  return { title: `${weekLabel(week, lang)}, ${weekSpan(weekStart, lang)}`, lines: lines.length > 0 ? lines : [t('missing')] };
}
