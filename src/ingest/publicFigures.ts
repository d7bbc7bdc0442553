/**
 * Reads the bundled "Openbare cijfers" (public/data/public/openbare-cijfers_*.csv, a copy of the
 * team's shared public-figures.csv): real published figures, one per line, with the period, its
 * grain, the metric, the value and the link where it was published. Weeks become weekly
 * observations; months, quarters and years period observations, each with its source. A figure
 * over a range of periods (a sum) or a period that names no one week, month, quarter or year is
 * skipped with its reason: loaded + rejected + skipped = data lines.
 */
import Papa from 'papaparse';
import { CUSTOM_METRIC_PREFIX, type MetricId } from '../domain/catalogue';
import { contentHash } from '../domain/contentHash';
import { grainOfPeriod } from '../domain/grain';
import { checkedWeek, isoWeekMonday } from '../domain/isoWeek';
import { emptyExport, type ExportInput, type LineReport, type Observation, type ParsedExport, type PeriodObservation, type ValueFlag } from '../domain/parsedExport';
import type { RejectReason, SkipReason } from '../domain/reasons';
import { exportDateOf } from './exportDate';

/**
 * Public series whose definition is the catalogue metric's (shared/domain.md): IND's own monthly
 * figures of first and repeat ("opvolgende") applications and of family members who arrived, and
 * DT&V's forced departures (a part of the demonstrable departures). CBS's "eerste asielverzoeken"
 * (persons, rounded to 5) and Eurostat's "asylum applicants" are other series, kept apart.
 */
export const PUBLIC_CATALOGUE: Readonly<Record<string, MetricId>> = {
  ind_first_applications: 'asylum_first',
  ind_repeat_applications: 'asylum_followup',
  ind_nareizigers_entered: 'nareis_arrivals',
  dtv_departures_forced: 'departures_forced',
};

/** Labels of the public series outside the catalogue; any other is shown under its own name. */
const LABELS: Record<string, string> = {
  cbs_first_asylum_requests: 'Eerste asielverzoeken (CBS)',
  cbs_nareizigers: 'Nareizigers (CBS)',
  ind_total_influx: 'Totale asielinstroom (IND)',
  ind_amv_applications: 'Asielaanvragen alleenstaande minderjarige vreemdelingen (IND)',
  eurostat_asylum_applicants_asy_app: 'Asielzoekers (Eurostat, eerste en opvolgende)',
  dtv_departures_independent: 'Zelfstandig vertrek (DT&V)',
  dtv_departures_unsupervised: 'Vertrek zonder toezicht (DT&V)',
  dtv_departures_demonstrable_derived: 'Aantoonbaar vertrek (DT&V; afgeleid: zelfstandig + gedwongen)',
  dtv_intake_from_ind: 'Instroom DT&V vanuit IND',
  dtv_intake_from_kmar: 'Instroom DT&V vanuit KMar',
  dtv_intake_from_police: 'Instroom DT&V vanuit politie',
  dtv_intake_from_other: 'Instroom DT&V overig',
  jenv_weekly_asylum_inflow_rounded: 'Asielaanvragen per week (J&V, via ANP, op honderdtallen)',
  // The catalogue's own series, for their other releases ("…, herzien in de volgende publicatie").
  ind_first_applications: 'Eerste asielaanvragen (IND)',
  ind_repeat_applications: 'Opvolgende aanvragen (IND)',
  ind_nareizigers_entered: 'Ingereisde nareizigers (IND)',
  dtv_departures_forced: 'Gedwongen vertrek (DT&V)',
  ind_asylum_applications_incl_nareis_applications: 'Asielaanvragen inclusief nareisaanvragen (IND)',
  ind_first_applications_afghan_evacuees: 'Eerste asielaanvragen van Afghaanse geëvacueerden (IND)',
  ind_first_applications_afghan_transferees: 'Eerste asielaanvragen van overgebrachte Afghanen (IND)',
  ind_first_applications_alt: 'Eerste asielaanvragen (IND, andere publicatie)',
  ind_first_applications_avg_per_month: 'Eerste asielaanvragen, gemiddeld per maand (IND)',
  ind_nareis_applications_eritrea_rejected: 'Afgewezen nareisaanvragen uit Eritrea (IND)',
  ind_nareis_applications_received_per_week: 'Ontvangen nareisaanvragen per week (IND)',
  ind_nareis_applications_submitted: 'Ingediende nareisaanvragen (IND)',
  ind_nareis_pending_applications_targeted_by_measures: 'Openstaande nareisaanvragen onder de maatregelen (IND)',
  ind_nareizigers_5months_derived: 'Ingereisde nareizigers over vijf maanden (IND, afgeleid)',
  ind_open_asylum_applications: 'Openstaande asielaanvragen (IND)',
  ind_open_asylum_applications_general_procedure: 'Openstaande asielaanvragen in de algemene procedure (IND)',
  ind_open_asylum_plus_nareis_applications: 'Openstaande asiel- en nareisaanvragen (IND)',
  ind_open_cases_total_incl_nareis: 'Openstaande zaken, inclusief nareis (IND)',
  ind_open_first_asylum_applications: 'Openstaande eerste asielaanvragen (IND)',
  ind_open_general_asylum_applications: 'Openstaande algemene asielaanvragen (IND)',
  ind_open_nareis_applications: 'Openstaande nareisaanvragen (IND)',
  ind_open_nareis_applications_persons: 'Personen in openstaande nareisaanvragen (IND)',
  ind_open_nareis_persons: 'Openstaande nareis, personen (IND)',
  ind_repeat_applications_5months_derived: 'Opvolgende aanvragen over vijf maanden (IND, afgeleid)',
  ind_repeat_plus_nareis_derived: 'Opvolgende en nareisaanvragen (IND, afgeleid)',
};

/** What a suffix of a public metric name says about the figure, added to its label. */
const SUFFIXES: [string, string][] = [
  ['_provisional', 'voorlopig'],
  ['_first_release', 'eerste publicatie'],
  ['_rev', 'herzien in de volgende publicatie'],
  ['_derived', 'afgeleid'],
  ['_check', 'controle'],
  ['_final_3rdparty', 'definitief, overgenomen door derden'],
  ['_q1release', 'publicatie eerste kwartaal'],
];

/** The label of a public metric outside the catalogue: "Eerste asielverzoeken (CBS) — voorlopig". */
export function publicLabel(name: string): string {
  for (const [suffix, words] of SUFFIXES) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      if (LABELS[base]) return `${LABELS[base]}, ${words}`;
    }
  }
  return LABELS[name] ?? name.replace(/_/g, ' ');
}

/** The metric id a public series is stored under. */
export function publicMetricId(name: string): string {
  return PUBLIC_CATALOGUE[name] ?? `${CUSTOM_METRIC_PREFIX}${name}`;
}

const COLUMNS = ['period', 'period_type', 'metric', 'value', 'unit', 'source_url_or_repo_path', 'quote', 'confidence'];

export function readPublicFigures(input: ExportInput): ParsedExport {
  const text = new TextDecoder('utf-8').decode(input.bytes).replace(/^\uFEFF/, '');
  const parsed = emptyExport(input.name, input.bytes.length, exportDateOf(input.name, input.lastModified));
  // The last line's line break ends the file: no empty line after it.
  const rows = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { skipEmptyLines: false }).data;
  const header = rows[0] ?? [];
  if (COLUMNS.some((c, i) => header[i]?.trim() !== c)) return { ...parsed, problem: { code: 'read_failed', message: `expected the columns ${COLUMNS.join(', ')}` } };
  const observations: Observation[] = [];
  const periodObservations: PeriodObservation[] = [];
  const rejected: LineReport<RejectReason>[] = [];
  const skipped: LineReport<SkipReason>[] = [];
  const custom = new Map<string, string>();
  // Line numbers as an editor shows them: quoted fields here never hold a line break.
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const raw = cells.join(',');
    const [period, periodType, name, valueText, unit, source] = cells.map((c) => c?.trim() ?? '');
    if (cells.every((c) => c.trim() === '')) return skipped.push({ line, raw, reason: { code: 'blank_line' } });
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) return rejected.push({ line, raw, reason: { code: 'values_invalid', cells: [{ column: 'value', text: valueText, problem: 'not_a_number' }] } });
    if (period.includes('/')) return skipped.push({ line, raw, reason: { code: 'period_range', period } });
    if (/^percent/i.test(unit)) return skipped.push({ line, raw, reason: { code: 'not_a_count', unit: 'percentage' } });
    const metric = publicMetricId(name);
    if (metric.startsWith(CUSTOM_METRIC_PREFIX)) custom.set(metric, publicLabel(name));
    // "ruim 38.000" is no count: its unit says approx, and the figure keeps saying so.
    const flag: ValueFlag | undefined = name.endsWith('_provisional') ? 'provisional' : /\bapprox/i.test(unit) ? 'approximate' : undefined;
    if (periodType === 'week') {
      const m = /^(\d{4})-W(\d{2})$/.exec(period);
      const week = m ? checkedWeek(Number(m[1]), Number(m[2])) : null;
      if (!week?.ok) return skipped.push({ line, raw, reason: { code: 'period_unclear', period } });
      return observations.push({ line, weekStart: isoWeekMonday(week.week), metric, value });
    }
    const grain = grainOfPeriod(period);
    if (!grain || grain !== periodType) return skipped.push({ line, raw, reason: { code: 'period_unclear', period } });
    periodObservations.push({ line, metric, dimensions: [], grain, period, value, ...(flag ? { flag } : {}), ...(source ? { source } : {}) });
  });
  return {
    ...parsed,
    contentHash: contentHash(input.bytes),
    encoding: 'utf-8',
    delimiter: ',',
    layout: 'long',
    headerLine: 1,
    dataLines: rows.length - 1,
    rowsLoaded: observations.length + periodObservations.length,
    columns: COLUMNS.map((header, position) => ({ position, header, ...(header === 'value' ? { role: 'value' as const } : header === 'metric' ? { role: 'metric_name' as const } : { role: 'ignored' as const, why: 'not_numeric' as const }) })),
    customMetrics: [...custom].map(([id, label]) => ({ id, label })),
    observations,
    periodObservations,
    rejected,
    skipped,
  };
}
