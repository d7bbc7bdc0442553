import { useCallback, useMemo, useState } from 'react';
import { weekLabel } from '../../i18n/format';
import type { Dataset } from '../../domain/dataset';
import { useLang, useT } from '../../i18n/language';
import { Controls } from '../components/Controls';
import { baselineLevel, baselineRule, baselineRuleFor } from '../state/baselineRule';
import { Panel, statusText } from '../components/Panel';
import { PeriodPanels } from '../components/PeriodPanels';
import { DimensionPicker } from '../components/DimensionPicker';
import { splitSeriesId } from '../../domain/grain';
import { pickCombinations } from '../state/dimensionPanels';
import { usePeriodSeries } from '../state/dataQueries';
import { usePanelData } from '../state/usePanelData';
import { useBrushOutline } from '../state/useBrushOutline';
import type { ViewState } from '../state/viewState';

interface Props {
  dataset: Dataset;
  view: ViewState;
  update: (change: Partial<ViewState>) => void;
}

export function DashboardView({ dataset, view, update }: Props) {
  const t = useT();
  const lang = useLang();
  const data = usePanelData(dataset, view);
  const outlined = useBrushOutline(dataset, view, data.panels);
  const outlineLabel = outlined ? data.labelOf(outlined.metric) : '';
  // Memoised: Controls redraws only when what it shows changes.
  const outline = useMemo(() => outlined && { label: outlineLabel, byWeek: outlined.byWeek }, [outlined, outlineLabel]);
  const setCumulativeFrom = useCallback((date: string) => update({ cumulativeFrom: date }), [update]);
  const settings = useMemo(() => ({ rolling: view.rolling, cumulativeFrom: view.cumulativeFrom, method: view.method }), [view.rolling, view.cumulativeFrom, view.method]);
  const rule = baselineRule(view, t, lang);
  const [controlsFolded, setControlsFolded] = useState(readFolded);
  // What each panel's exported image prints: the rule for its kind of figure only.
  const flowRule = baselineRuleFor(view, 'flow', t, lang);
  const stockRule = baselineRuleFor(view, 'stock', t, lang);
  const rules = useMemo(() => ({ flow: flowRule, stock: stockRule }), [flowRule, stockRule]);
  const level = baselineLevel(view, t, lang);
  // A weekly series split by dimensions: one panel per metric, showing the combination the user picks.
  const [combination, setCombination] = useState<Record<string, string>>({});
  // Beside monthly figures (the public figures, a statistics table), a weekly panel without any figure is left out, not shown empty.
  const periodSeries = usePeriodSeries(dataset).data;
  const withPeriods = (periodSeries?.length ?? 0) > 0;
  const shownPanels = useMemo(
    () => pickCombinations(data.panels, combination).filter(({ panel }) => !withPeriods || data.panelFigures(panel).weeksByMetric.size > 0),
    [data.panels, combination, withPeriods, data.panelFigures],
  );
  // Monthly, quarterly and yearly figures only (a statistics table, the public figures): their panels, no weekly ones.
  if (data.noData) return <PeriodPanels dataset={dataset} fallback={<p className="empty">{t('noData')}</p>} />;
  return (
    <div className="dashboard">
      <ul className="status-row" aria-label={t('statusRow')}>
        {shownPanels.map(({ panel }) => (
          <li key={panel.id} data-testid="panel-status" data-metric={panel.primary}>
            <a href={`#panel-title-${panel.id}`}>{panel.title[lang]}</a>: {statusText(data.summaryByMetric.get(panel.primary), level, t, lang)}
          </li>
        ))}
      </ul>
      <details
        className="controls-fold"
        open={!controlsFolded}
        onToggle={(e) => {
          const folded = !e.currentTarget.open;
          setControlsFolded(folded);
          try {
            localStorage.setItem(FOLD_KEY, folded ? '1' : '');
          } catch {
            // Storage may be off; the choice then lasts for this page only.
          }
        }}
      >
        <summary data-testid="controls-summary">
          {t('controlsSummary', {
            from: view.from ? weekLabel(view.from, lang) : t('firstWeek'),
            to: view.to ? weekLabel(view.to, lang) : t('lastWeek'),
            baseline: `${weekLabel(view.baselineFrom, lang)} – ${weekLabel(view.baselineTo, lang)}`,
            panels: data.panels.length,
          })}
        </summary>
        <Controls view={view} update={update} loaded={data.loaded} outline={outline} />
        <p className="baseline-rule" data-testid="baseline-rule">
          {rule}
        </p>
      </details>
      <div className="panel-grid">
        {shownPanels.map(({ panel, combinations }) => (
          <Panel
            key={panel.id}
            panel={panel}
            dataset={dataset}
            {...data.panelFigures(panel)}
            summaries={data.summaryByMetric}
            labelOf={data.labelOf}
            markers={data.markers}
            settings={settings}
            baselineRules={rules}
            baselineLevel={level}
            onCumulativeFrom={panel.cumulative ? setCumulativeFrom : undefined}
            error={data.error}
            control={combinations.length > 1 ? <DimensionPicker options={combinations} value={splitSeriesId(panel.id).dimensions.join('|')} onChange={(key) => setCombination((c) => ({ ...c, [splitSeriesId(panel.id).metric]: key }))} /> : undefined}
          />
        ))}
      </div>
      <PeriodPanels dataset={dataset} />
    </div>
  );
}

const FOLD_KEY = 'ketenmonitor.controlsFolded';

/** Folded controls stay folded on the next visit: on a laptop screen they push the charts down. */
function readFolded(): boolean {
  try {
    return localStorage.getItem(FOLD_KEY) === '1';
  } catch {
    return false;
  }
}
