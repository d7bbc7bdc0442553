import { useMemo } from 'react';
import type { Dataset } from '../../domain/dataset';
import { formatIsoWeek, isoWeekOfDate } from '../../domain/isoWeek';
import { useLang, useT } from '../../i18n/language';
import { useLoadedWeekRange, usePhaseFigures } from './dataQueries';
import { buildLetter, letterPhases, runningTotalPhase, type Letter } from './letter';
import { useCheckingFigures } from './queryCache';
import { hasFigure, usePanelQuery } from './usePanelData';
import type { ViewState } from './viewState';

/** The phase table and sentences of the current view, from one query; none until DuckDB has confirmed the figures. */
export function useLetter(dataset: Dataset, view: ViewState): { letter: Letter | null; noData: boolean } {
  const t = useT();
  const lang = useLang();
  const { query, panels, present, labelOf, noData } = usePanelQuery(dataset, view);
  const loaded = useLoadedWeekRange(dataset);
  const phases = useMemo(() => letterPhases(view), [view]);
  const runningTotal = useMemo(
    () => runningTotalPhase(view, formatIsoWeek(isoWeekOfDate(view.cumulativeFrom)), loaded.data ? formatIsoWeek(isoWeekOfDate(loaded.data.last)) : null),
    [view, loaded.data],
  );
  const figures = usePhaseFigures(query, useMemo(() => (runningTotal ? [...phases, runningTotal] : phases), [phases, runningTotal]));
  const checking = useCheckingFigures();
  const letter = useMemo(() => {
    if (!figures.data || checking) return null;
    return buildLetter({ figures: figures.data, phases, runningTotal, panels, shown: (metric) => hasFigure(metric, present), labelOf, view, lang, t });
  }, [figures.data, checking, phases, runningTotal, panels, present, labelOf, view, lang, t]);
  return { letter, noData };
}
