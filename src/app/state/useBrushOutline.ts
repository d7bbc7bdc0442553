/**
 * The series the period brush draws small: the first panel's primary figure over every loaded
 * week, whatever period is chosen, so the user sees where they select. Asked as the dashboard's
 * own query over all weeks: with the whole period shown it is that query (no second one), and a
 * narrowed period asks it once.
 */
import { useMemo } from 'react';
import type { Dataset } from '../../domain/dataset';
import type { PanelDefinition } from '../../domain/panels';
import { usePanelWeeks } from './dataQueries';
import { panelQueryOf } from './panelQuery';
import type { ViewState } from './viewState';

export interface BrushOutline {
  metric: string;
  byWeek: Map<string, number | null>;
}

export function useBrushOutline(dataset: Dataset, view: ViewState, panels: PanelDefinition[]): BrushOutline | undefined {
  const query = useMemo(
    () => panelQueryOf(dataset, { ...view, from: null, to: null }, panels),
    [dataset, panels, view.baselineFrom, view.baselineTo, view.method, view.referenceYear, view.cumulativeFrom],
  );
  const weeks = usePanelWeeks(query);
  const metric = panels[0]?.primary;
  return useMemo(
    () => (metric && weeks.data ? { metric, byWeek: new Map(weeks.data.filter((w) => w.metric === metric).map((w) => [w.week, w.value])) } : undefined),
    [metric, weeks.data],
  );
}
