/**
 * The panels and the panel query of a view, as plain functions: the app's hooks and the build
 * step that computes the sample's first view (scripts/firstView.ts) ask DuckDB the same question.
 */
import type { Dataset } from '../../domain/dataset';
import { inOrder, isoWeekMonday, isoWeekOfDate, parseIsoWeekLabel } from '../../domain/isoWeek';
import { customPanel, PANELS, panelMetrics, type PanelDefinition } from '../../domain/panels';
import type { PanelQuery } from '../../metrics/panelQueries';
import type { ViewState } from './viewState';

/** The Monday of an ISO week label, or null. */
export const weekMonday = (label: string | null) => {
  const week = label ? parseIsoWeekLabel(label) : null;
  return week ? isoWeekMonday(week) : null;
};

/** The chosen panels, then one for each of the data's own (custom) metrics. */
export function panelsOf(view: Pick<ViewState, 'panels'>, customLabels: Map<string, string>): PanelDefinition[] {
  return [...PANELS.filter((p) => view.panels.includes(p.id)), ...[...customLabels].map(([metric, label]) => customPanel(metric, label))];
}

export function panelQueryOf(dataset: Dataset, view: ViewState, panels: PanelDefinition[]): PanelQuery {
  const [first, last] = inOrder(weekMonday(view.from), weekMonday(view.to));
  const [baseFirst, baseLast] = inOrder(weekMonday(view.baselineFrom)!, weekMonday(view.baselineTo)!);
  return {
    dataset,
    metrics: [...new Set(panels.flatMap(panelMetrics))],
    range: { first, last },
    baseline: { first: baseFirst, last: baseLast, method: view.method, referenceYear: view.referenceYear },
    cumulativeFrom: isoWeekMonday(isoWeekOfDate(view.cumulativeFrom)),
    cumulativeMetrics: panels.flatMap((p) => p.cumulative ?? []),
  };
}
