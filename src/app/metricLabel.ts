import type { Lang } from '../i18n/language';
import { metricDefinition } from '../metrics/catalogue';

/** A catalogue metric's label in the UI language; a custom metric's header as found in the export. */
export function metricLabel(metric: string, customLabel: string | null, lang: Lang): string {
  return metricDefinition(metric)?.label[lang] ?? customLabel ?? metric;
}
