/** TanStack Query hooks over src/metrics: the only way components reach the data. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { parseAnnotations } from '../../ingest/annotations';
import type { Database } from '../../db/database';
import type { Dataset } from '../../domain/dataset';
import { backlogBreakdown, backlogFiles, backlogSources, backlogSummary, backlogWeeks, type BacklogQuery } from '../../metrics/backlog';
import { type BacklogSource, type BreakdownBy } from '../../domain/backlog';
import { type PanelQuery } from '../../metrics/panelQueries';
import { sharedPanelFigures } from './sharedPanelFigures';
import { phaseFigures } from '../../metrics/phases';
import { datasetPeriodFigures, datasetPeriodMeans, periodHistory, periodSeries } from '../../metrics/periodQueries';
import type { PeriodGrain } from '../../domain/grain';
import { MONTH_PHASES, PERIOD_BASELINE } from '../../domain/grain';
import { type Phase } from '../../domain/phases';
import { fileColumns, fileCount, fileReports, fileSheets, lineReportPage, loadedWeekRange, metricsInData, observationHistory } from '../../metrics/queries';
import { useBusy } from './busy';
import { engine, whenStored } from './engine';
import { answer } from './queryCache';

/**
 * A query on the data. With `keepShownAfter`, the previous answer stays on screen while a changed
 * view is computed, when that function allows it for the previous key, so panels never flash
 * empty; the status says "loading" until the new answer is in. A failed query is thrown to the
 * nearest error boundary (src/app/components/ErrorBoundary.tsx), which shows it with "try
 * again", unless `ownError`: then the caller shows `error` itself (a panel, in its own place).
 */
function useData<T>(
  key: readonly unknown[],
  read: (db: Database) => Promise<T>,
  {
    keepShownAfter,
    ownError = false,
    enabled = true,
  }: { keepShownAfter?: (previousKey: readonly unknown[]) => boolean; ownError?: boolean; /** False: not asked (nor waited for) now. */ enabled?: boolean } = {},
): UseQueryResult<T> {
  const result = useQuery({
    enabled,
    queryKey: key,
    queryFn: async () => {
      await whenStored();
      return answer(key, async () => read(await engine));
    },
    placeholderData: (previous, previousQuery) =>
      keepShownAfter && previousQuery && previousQuery.queryKey[0] === key[0] && keepShownAfter(previousQuery.queryKey) ? previous : undefined,
    throwOnError: !ownError,
  });
  // A query not asked is pending without being busy.
  useBusy(enabled ? result.isPending || result.isFetching : result.isFetching);
  return result;
}

export const useMetricsInData = (dataset: Dataset) => useData(['metrics', dataset], (db) => metricsInData(db, dataset));

export const useLoadedWeekRange = (dataset: Dataset) => useData(['weekRange', dataset], (db) => loadedWeekRange(db, dataset));

/** Another dataset's figures are never shown in place of this one's, not even for a moment. */
const sameDataset = (query: PanelQuery) => (previousKey: readonly unknown[]) => (previousKey[1] as PanelQuery).dataset === query.dataset;

/**
 * Whether a dataset is known to have weekly figures. Its panels' queries are asked only then: a
 * dataset of case-level exports alone (or monthly figures alone) shows no weekly panel, and those
 * queries would cost DuckDB a few hundred milliseconds while a large case-level export goes in.
 */
function useHasWeekly(dataset: Dataset): boolean {
  const inData = useMetricsInData(dataset);
  return inData.isSuccess && inData.data.length > 0;
}

/** A panel's figures: a failure is shown in each panel, not in place of the view. */
export const usePanelWeeks = (query: PanelQuery) =>
  useData(['panelWeeks', query], async (db) => (await sharedPanelFigures(db, query)).weeks, { keepShownAfter: sameDataset(query), ownError: true, enabled: useHasWeekly(query.dataset) });

export const useMetricSummaries = (query: PanelQuery) =>
  useData(['summaries', query], async (db) => (await sharedPanelFigures(db, query)).summaries, { keepShownAfter: sameDataset(query), ownError: true, enabled: useHasWeekly(query.dataset) });

export const usePhaseFigures = (query: PanelQuery, phases: Phase[]) =>
  useData(['phases', query, phases], (db) => phaseFigures(db, query, phases), { keepShownAfter: sameDataset(query) });

/** The monthly, quarterly and yearly series of a dataset, every period of each (gaps included), and their means over the baseline and the phases in months. */
export const usePeriodSeries = (dataset: Dataset) => useData(['periodSeries', dataset], (db) => periodSeries(db, dataset));
export const usePeriodFigures = (dataset: Dataset) => useData(['periodFigures', dataset], (db) => datasetPeriodFigures(db, dataset));
export const usePeriodMeans = (dataset: Dataset) =>
  useData(['periodMeans', dataset], (db) =>
    datasetPeriodMeans(db, dataset, { month: [PERIOD_BASELINE.month, ...MONTH_PHASES], quarter: [PERIOD_BASELINE.quarter], year: [PERIOD_BASELINE.year] }),
  );

export const usePeriodHistory = (dataset: Dataset, series: string, grain: PeriodGrain, period: string) =>
  useData(['periodHistory', dataset, series, grain, period], (db) => periodHistory(db, dataset, series, grain, period));

/** Backlog answers stay on screen while a changed view is computed, within one dataset and source. */
const sameBacklog = (query: BacklogQuery) => (previousKey: readonly unknown[]) => {
  const previous = previousKey[1] as BacklogQuery;
  return previous.dataset === query.dataset && previous.source === query.source;
};

export const useBacklogSources = (dataset: Dataset) => useData(['backlogSources', dataset], (db) => backlogSources(db, dataset));

export const useBacklogWeeks = (query: BacklogQuery) => useData(['backlogWeeks', query], (db) => backlogWeeks(db, query), { keepShownAfter: sameBacklog(query) });

export const useBacklogSummary = (query: BacklogQuery) => useData(['backlogSummary', query], (db) => backlogSummary(db, query), { keepShownAfter: sameBacklog(query) });

export const useBacklogBreakdown = (dataset: Dataset, by: BreakdownBy, weekStart: string | null, trailingWeeks: number, enabled: boolean) =>
  useData(['backlogBreakdown', dataset, by, weekStart, trailingWeeks], async (db) => (enabled && weekStart ? backlogBreakdown(db, dataset, by, weekStart, trailingWeeks) : []));

export const useBacklogFiles = (dataset: Dataset, source: BacklogSource) => useData(['backlogFiles', dataset, source], (db) => backlogFiles(db, dataset, source));

/** The header's count of files: outside any error boundary, so its failure is its own (it shows none). */
export const useFileCount = (dataset: Dataset) => useData(['fileCount', dataset], (db) => fileCount(db, dataset), { ownError: true });

export const useFileReports = (dataset: Dataset) => useData(['files', dataset], (db) => fileReports(db, dataset));

export const useFileColumns = (dataset: Dataset) => useData(['columns', dataset], (db) => fileColumns(db, dataset));

export const useLineReportPage = (fileId: number, outcome: 'rejected' | 'skipped', page: number) =>
  useData(['lines', fileId, outcome, page], (db) => lineReportPage(db, fileId, outcome, page));

export const useFileSheets = (dataset: Dataset) => useData(['sheets', dataset], (db) => fileSheets(db, dataset));

export const useObservationHistory = (dataset: Dataset, metric: string, weekStart: string) =>
  useData(['history', dataset, metric, weekStart], (db) => observationHistory(db, dataset, metric, weekStart));

/** The events shipped with the app (public/data/annotations.csv); none if the file is missing. */
export function useShippedAnnotations() {
  const result = useQuery({
    queryKey: ['annotations'],
    queryFn: () =>
      answer(['annotations'], async () => {
        const response = await fetch(`${import.meta.env.BASE_URL}data/annotations.csv`);
        return response.ok ? parseAnnotations(await response.text()) : [];
      }),
  });
  useBusy(result.isPending);
  return result;
}
