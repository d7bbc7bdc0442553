import type { Lang } from '../../i18n/language';
import { metricDefinition } from '../../domain/catalogue';
import { derivedMetric } from '../../domain/panels';

/** The label of a catalogue metric or a derived figure in the UI language; undefined for a custom metric. */
export function catalogueLabel(metric: string, lang: Lang): string | undefined {
  return metricDefinition(metric)?.label[lang] ?? derivedMetric(metric)?.label[lang];
}
