/**
 * Matches export headers to the metric catalogue, ignoring case, accents, spacing, punctuation
 * and word order: "Gehoren fysiek", "fysieke gehoren" and "hearings_physical" all name one metric.
 */
import { CUSTOM_METRIC_PREFIX, FORCED_PART_ALIASES, LOOKALIKES, METRICS, forcedPartOf, type MetricId } from '../domain/catalogue';

/** Lower case, accents and punctuation dropped, words separated by single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Two keys per spelling: its words in any order, and its words run together ("dublin overdrachten" = "dublinoverdrachten"). */
function keys(header: string): string[] {
  const words = normaliseHeader(header).split(' ').filter(Boolean);
  return [[...words].sort().join(' '), words.join('')];
}

function keyIndex<T>(entries: [string, T][]): Map<string, T> {
  const index = new Map<string, T>();
  for (const [spelling, value] of entries) for (const key of keys(spelling)) index.set(key, value);
  return index;
}

const metricIndex = keyIndex<MetricId>(METRICS.flatMap((m) => [m.id, ...m.aliases].map((a): [string, MetricId] => [a, m.id])));
const forcedIndex = keyIndex(FORCED_PART_ALIASES.map((a): [string, true] => [a, true]));

function lookup<T>(index: Map<string, T>, header: string): T | undefined {
  const withoutUnits = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  for (const candidate of [header, withoutUnits]) {
    for (const key of keys(candidate)) {
      const hit = index.get(key);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

export type HeaderMatch = { metric: MetricId; via: 'alias' | 'forced_part' } | null;

/**
 * The catalogue metric a header names. "waarvan gedwongen" names the forced part of the
 * total metric in the column before it (departures or Dublin transfers).
 */
export function matchMetricHeader(header: string, previousMetric?: MetricId): HeaderMatch {
  const metric = lookup(metricIndex, header);
  if (metric) return { metric, via: 'alias' };
  if (lookup(forcedIndex, header) && previousMetric) {
    const part = forcedPartOf(previousMetric);
    if (part) return { metric: part, via: 'forced_part' };
  }
  return null;
}

const lookalikeIndex = keyIndex(LOOKALIKES.flatMap((l) => l.spellings.map((s): [string, (typeof LOOKALIKES)[number]] => [s, l])));

/** A header kept as a custom series that looks like a catalogue metric it is not ("vertrek", "dublin"). */
export function lookalikeMetric(header: string): (typeof LOOKALIKES)[number] | undefined {
  return lookup(lookalikeIndex, header);
}

const WEEK_HEADERS = keyIndex(
  ['week', 'weeknummer', 'weeknr', 'iso week', 'isoweek', 'jaarweek', 'jaar week', 'year week', 'yearweek', 'periode', 'period',
    'week start', 'begin week', 'maandag', 'week maandag', 'datum', 'date', 'week van', 'week of'].map((h): [string, true] => [h, true]),
);
const YEAR_HEADERS = keyIndex(['jaar', 'year', 'iso jaar', 'iso year'].map((h): [string, true] => [h, true]));
const METRIC_NAME_HEADERS = keyIndex(
  ['metric', 'metriek', 'indicator', 'reeks', 'serie', 'series', 'kenmerk', 'variabele', 'measure', 'onderwerp'].map((h): [string, true] => [h, true]),
);
const VALUE_HEADERS = keyIndex(['value', 'waarde', 'aantal', 'count', 'getal'].map((h): [string, true] => [h, true]));

export const isWeekHeader = (h: string) => lookup(WEEK_HEADERS, h) === true;
export const isYearHeader = (h: string) => lookup(YEAR_HEADERS, h) === true;
export const isMetricNameHeader = (h: string) => lookup(METRIC_NAME_HEADERS, h) === true;
export const isValueHeader = (h: string) => lookup(VALUE_HEADERS, h) === true;

/** The id a column outside the catalogue is kept under: "COA-bezetting" becomes custom_coa_bezetting. */
export function customMetricId(header: string): string {
  return CUSTOM_METRIC_PREFIX + (normaliseHeader(header).replace(/ /g, '_') || 'column');
}
