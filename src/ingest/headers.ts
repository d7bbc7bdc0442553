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

/**
 * What a header says about its numbers besides their name. A scale ("x 1.000", "(duizendtallen)")
 * multiplies; a percentage, rate, average or running total is not a weekly count, so it is never
 * taken as one of the catalogue's counts (its column stays a series of its own, with its unit).
 */
export interface HeaderUnit {
  kind: 'count' | 'percent' | 'rate' | 'average' | 'cumulative';
  /** The factor a cell is multiplied by: 1000 for "x 1.000". */
  scale: number;
  /** The words that said so, as written: "x 1.000", "%", "cumulatief". */
  text: string | null;
}

const SCALES: [RegExp, number][] = [
  [/[x×*]\s*1[.,\s]?000[.,\s]?000\b|\bmiljoenen\b|\bin millions\b|\(millions\)/i, 1_000_000],
  [/[x×*]\s*1[.,\s]?000\b|\bduizendtallen\b|\bx\s*duizend\b|\bin duizenden\b|\bthousands\b/i, 1000],
  [/[x×*]\s*100\b|\bhonderdtallen\b/i, 100],
];
const KINDS: [RegExp, HeaderUnit['kind']][] = [
  [/%|\bprocent\b|\bpercentage\b|\bpct\b|\baandeel\b|\bshare\b|\bpercent\b/i, 'percent'],
  [/\bper\s+(?:\d[\d.,]*|duizend|honderd|thousand|hundred)\b|\bratio\b|\brate\b|\bquotum\b/i, 'rate'],
  [/\bgemiddeld[e]?\b|\bgem\.|\baverage\b|\bmean\b|\bavg\b|\bmediaan\b|\bmedian\b/i, 'average'],
  [/\bcumulatie[fv]e?\b|\bcumulative\b|\bcum\.|\brunning total\b|\byear to date\b|\bytd\b|\blopend totaal\b|\btot nu toe\b/i, 'cumulative'],
];

export function headerUnit(header: string): HeaderUnit {
  for (const [pattern, kind] of KINDS) {
    const hit = pattern.exec(header);
    if (hit) return { kind, scale: 1, text: hit[0].trim() };
  }
  for (const [pattern, scale] of SCALES) {
    const hit = pattern.exec(header);
    if (hit) return { kind: 'count', scale, text: hit[0].trim() };
  }
  return { kind: 'count', scale: 1, text: null };
}

export type HeaderMatch = { metric: MetricId; via: 'alias' | 'forced_part'; scale?: number } | null;

/**
 * The catalogue metric a header names. "waarvan gedwongen" names the forced part of the
 * total metric in the column before it (departures or Dublin transfers).
 */
export function matchMetricHeader(header: string, previousMetric?: MetricId): HeaderMatch {
  const unit = headerUnit(header);
  // "Telehoren (%)" is a share, not the count of video hearings.
  if (unit.kind !== 'count') return null;
  const scaled = unit.scale === 1 ? {} : { scale: unit.scale };
  const named = unit.text ? header.replace(unit.text, ' ') : header;
  const metric = lookup(metricIndex, named);
  if (metric) return { metric, via: 'alias', ...scaled };
  if (lookup(forcedIndex, named) && previousMetric) {
    const part = forcedPartOf(previousMetric);
    if (part) return { metric: part, via: 'forced_part', ...scaled };
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
    'week start', 'begin week', 'maandag', 'week maandag', 'datum', 'date', 'week van', 'week of',
    // CBS StatLine's period column, and SDMX-CSV's
    'perioden', 'time period'].map((h): [string, true] => [h, true]),
);
const YEAR_HEADERS = keyIndex(['jaar', 'year', 'iso jaar', 'iso year'].map((h): [string, true] => [h, true]));
const METRIC_NAME_HEADERS = keyIndex(
  ['metric', 'metriek', 'indicator', 'reeks', 'serie', 'series', 'kenmerk', 'variabele', 'measure', 'onderwerp',
    // CBS StatLine ("Onderwerpen_1"), and SDMX-CSV, whose series is its data flow
    'onderwerpen', 'onderwerpen 1', 'onderwerpen 2', 'dataflow'].map((h): [string, true] => [h, true]),
);
const VALUE_HEADERS = keyIndex(['value', 'waarde', 'aantal', 'count', 'getal', 'obs value'].map((h): [string, true] => [h, true]));

/** Row and record ids ("Id", "Rijnummer", "Volgnr"): numbers, but never a series to chart. */
const ID_HEADERS = keyIndex(
  ['id', 'rij', 'rijnummer', 'rij nr', 'regel', 'regelnummer', 'volgnummer', 'volgnr', 'nr', 'nummer', 'index', 'row', 'row id', 'row number', 'rownum', 'record id', 'key', 'sleutel', 'pk'].map((h): [string, true] => [h, true]),
);

/** Columns that split figures into series, as Dutch and English tables and Eurostat name them. */
const DIMENSION_HEADERS = keyIndex(
  ['nationaliteit', 'nationality', 'citizen', 'citizenship', 'staatsburgerschap', 'geslacht', 'sex', 'gender', 'leeftijd', 'age', 'leeftijdsklasse',
    'leeftijdsgroep', 'age group', 'age class', 'herkomst', 'land van herkomst', 'herkomstland', 'country of origin', 'country of citizenship', 'asyl app', 'applicant',
    'type aanvraag', 'soort aanvraag', 'aanvraagtype', 'categorie', 'category', 'doelgroep', 'groep', 'regio', 'region', 'provincie', 'province', 'gemeente',
    'municipality', 'decision', 'beslissing', 'reason', 'reden', 'duration',
    // In a Dutch export "Land" is mostly the country of origin: a dimension, never a filter.
    'land', 'country'].map((h): [string, true] => [h, true]),
);
/** The country a row is about (Eurostat's geo, the reporting member state): one is read, the others skipped. */
const COUNTRY_HEADERS = keyIndex(
  ['geo', 'geo time', 'geo time period', 'geopolitical entity', 'geopolitical entity reporting', 'lidstaat', 'member state', 'reporting country', 'rapporterend land'].map((h): [string, true] => [h, true]),
);
/** The unit of the figures beside it (CBS "Waarde eenheid", Eurostat "unit"): said once per series, never a series. */
const UNIT_HEADERS = keyIndex(['eenheid', 'waarde eenheid', 'unit', 'units', 'unit of measure'].map((h): [string, true] => [h, true]));
/** Eurostat's flag column (SDMX-CSV OBS_FLAG). */
const FLAG_HEADERS = keyIndex(['obs flag', 'flag', 'flags', 'vlag'].map((h): [string, true] => [h, true]));

export const isDimensionHeader = (h: string) => lookup(DIMENSION_HEADERS, h) === true;
export const isCountryHeader = (h: string) => lookup(COUNTRY_HEADERS, h) === true;
export const isUnitHeader = (h: string) => lookup(UNIT_HEADERS, h) === true;
export const isFlagHeader = (h: string) => lookup(FLAG_HEADERS, h) === true;
export const isRowIdHeader = (h: string) => ID_HEADERS.get(keys(h)[0]) === true;
export const isWeekHeader = (h: string) => lookup(WEEK_HEADERS, h) === true;
export const isYearHeader = (h: string) => lookup(YEAR_HEADERS, h) === true;
export const isMetricNameHeader = (h: string) => lookup(METRIC_NAME_HEADERS, h) === true;
export const isValueHeader = (h: string) => lookup(VALUE_HEADERS, h) === true;

/** The id a column outside the catalogue is kept under: "COA-bezetting" becomes custom_coa_bezetting. */
export function customMetricId(header: string): string {
  return CUSTOM_METRIC_PREFIX + (normaliseHeader(header).replace(/ /g, '_') || 'column');
}
