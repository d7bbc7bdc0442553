/**
 * The dashboard's five panels and the figures derived from catalogue metrics (totals, shares).
 * Each derived figure is defined here once and computed in SQL (src/metrics/panelQueries.ts).
 */
import type { MetricId, PanelId } from './catalogue';

export type DerivedId = 'inflow_total' | 'hearings_total' | 'hearings_video_share';

export interface DerivedMetric {
  id: DerivedId;
  label: { nl: string; en: string };
  /** What a sentence counts or, for a share, what it is the share of. */
  noun: { nl: string; en: string };
  /** sum: the components added up; share: the first component as % of the sum of all. */
  kind: 'sum' | 'share';
  components: MetricId[];
}

export const DERIVED_METRICS: readonly DerivedMetric[] = [
  {
    id: 'inflow_total',
    // The official definition (IND, ministry): first + follow-up applications + family members who arrived.
    label: { nl: 'Totale asielinstroom', en: 'Total asylum inflow' },
    noun: { nl: 'asielaanvragen en ingereisde nareizigers samen', en: 'asylum applications and family members who arrived, together' },
    kind: 'sum',
    components: ['asylum_first', 'asylum_followup', 'nareis_arrivals'],
  },
  {
    id: 'hearings_total',
    label: { nl: 'Totaal gehoren', en: 'Total hearings' },
    noun: { nl: 'gehoren', en: 'hearings' },
    kind: 'sum',
    components: ['hearings_physical', 'hearings_tele'],
  },
  {
    id: 'hearings_video_share',
    label: { nl: 'Aandeel telehoren (%)', en: 'Video share (%)' },
    noun: { nl: 'gehoren dat per video plaatsvond', en: 'hearings held by video' },
    kind: 'share',
    components: ['hearings_tele', 'hearings_physical'],
  },
];

export interface PanelDefinition {
  /** A PanelId, or a custom metric's id for its own panel. */
  id: string;
  title: { nl: string; en: string };
  /** The weekly series drawn, bottom to top when stacked. */
  series: string[];
  stacked: boolean;
  /** Drawn as a line over the series and listed in the table. */
  total?: DerivedId;
  /** A stock drawn on its own axis. */
  stock?: MetricId;
  /** Listed in the table only. */
  share?: DerivedId;
  /** The figure the panel's status speaks of. */
  primary: string;
  /** Series with a running total from a chosen date. */
  cumulative?: MetricId[];
}

export const PANELS: readonly (PanelDefinition & { id: PanelId })[] = [
  {
    id: 'inflow',
    title: { nl: 'Asielinstroom', en: 'Asylum inflow' },
    // Nareis applications are not part of the inflow: they stay in the nareis panel.
    series: ['asylum_first', 'asylum_followup', 'nareis_arrivals'],
    stacked: true,
    total: 'inflow_total',
    primary: 'inflow_total',
  },
  {
    id: 'hearings',
    title: { nl: 'Gehoren: fysiek en telehoren', en: 'Hearings: in person and by video' },
    series: ['hearings_physical', 'hearings_tele'],
    stacked: true,
    total: 'hearings_total',
    share: 'hearings_video_share',
    primary: 'hearings_total',
  },
  {
    id: 'departures',
    title: { nl: 'Aantoonbaar vertrek', en: 'Demonstrable departures' },
    series: ['departures_total', 'departures_forced'],
    stacked: false,
    primary: 'departures_total',
  },
  {
    id: 'dublin',
    title: { nl: 'Dublinoverdrachten', en: 'Dublin transfers' },
    series: ['dublin_transfers', 'dublin_transfers_forced'],
    stacked: false,
    primary: 'dublin_transfers',
    cumulative: ['dublin_transfers', 'dublin_transfers_forced'],
  },
  {
    id: 'nareis',
    title: { nl: 'Nareis', en: 'Family reunification' },
    series: ['nareis_applications', 'nareis_decisions'],
    stacked: false,
    stock: 'nareis_open',
    primary: 'nareis_open',
  },
];

export function derivedMetric(id: string): DerivedMetric | undefined {
  return DERIVED_METRICS.find((d) => d.id === id);
}

/** A panel of its own for a metric found outside the catalogue. */
export function customPanel(metric: string, label: string): PanelDefinition {
  return { id: metric, title: { nl: label, en: label }, series: [metric], stacked: false, primary: metric };
}

/** Every figure a panel shows: series, total, stock and share. */
export function panelMetrics(panel: PanelDefinition): string[] {
  const optional: (string | undefined)[] = [panel.total, panel.stock, panel.share];
  return [...panel.series, ...optional.filter((m): m is string => m !== undefined)];
}
