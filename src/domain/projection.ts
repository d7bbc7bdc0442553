/**
 * The backlog forward: the open stock for the coming weeks if inflow and decisions go on at
 * their trailing rates (changed by the user's scenario), with an 80% band that widens as a
 * random walk of the weekly net change; and the inverse, the decisions per week it takes to
 * reach a target stock by a given week. Arithmetic on the rates backlogSummary() gives.
 */
import { addIsoWeeks, formatIsoWeek, isoWeekMonday, isoWeekOfDate, weeksBetween } from './isoWeek';
import type { BacklogSummary } from './backlog';

export interface Scenario {
  weeks: number;
  extraDecisionsPerWeek: number;
  /** Inflow change in %, e.g. -10. */
  inflowChangePct: number;
}

export const DEFAULT_SCENARIO: Scenario = { weeks: 26, extraDecisionsPerWeek: 0, inflowChangePct: 0 };

/** z for an 80% two-sided band. */
const Z80 = 1.2816;

export interface ProjectionWeek {
  week: string;
  weekStart: string;
  open: number;
  low: number;
  high: number;
}

/** The inflow at its scenario rate; null where the data has no inflow (stock only): never taken as zero. */
const inflowRate = (s: BacklogSummary, scenario: Scenario) => (s.applicationsRate === null ? null : s.applicationsRate * (1 + scenario.inflowChangePct / 100));

export function project(summary: BacklogSummary, scenario: Scenario): ProjectionWeek[] {
  const inflow = inflowRate(summary, scenario);
  if (summary.open === null || summary.latestWeekStart === null || summary.decisionsRate === null || inflow === null) return [];
  const net = inflow - (summary.decisionsRate + scenario.extraDecisionsPerWeek);
  const sd = summary.netChangeSd ?? 0;
  const latest = isoWeekOfDate(summary.latestWeekStart);
  return Array.from({ length: Math.max(0, Math.min(scenario.weeks, 520)) }, (_, i) => {
    const k = i + 1;
    const week = addIsoWeeks(latest, k);
    const open = Math.max(0, summary.open! + k * net);
    const spread = Z80 * sd * Math.sqrt(k);
    return { week: formatIsoWeek(week), weekStart: isoWeekMonday(week), open, low: Math.max(0, open - spread), high: open + spread };
  });
}

/**
 * Decisions per week needed from the week after the latest up to and including `targetWeekStart`
 * to end that week at `target` open cases, with inflow at its (scenario) rate. Null when the
 * target week is not after the latest week, the data has no stock, or no inflow (it cannot be
 * computed without one: an unknown inflow is not zero).
 */
export function requiredDecisionsPerWeek(summary: BacklogSummary, scenario: Scenario, target: number, targetWeekStart: string): number | null {
  const inflow = inflowRate(summary, scenario);
  if (summary.open === null || summary.latestWeekStart === null || inflow === null) return null;
  const weeks = weeksBetween(summary.latestWeekStart, targetWeekStart);
  if (weeks <= 0) return null;
  return Math.max(0, inflow + (summary.open - target) / weeks);
}

/**
 * The first projected week whose open stock is at or below `target` (the pre-COVID level):
 * "terug op het niveau van vóór de COVID-19-crisis in week X". Null when not within the projection.
 */
export function weekBackAt(projection: readonly ProjectionWeek[], target: number): string | null {
  return projection.find((p) => p.open <= target)?.week ?? null;
}
