import { useCallback, useMemo } from 'react';
import type { Dataset } from '../../domain/dataset';
import { useLang, useT } from '../../i18n/language';
import { Controls } from '../components/Controls';
import { baselineLevel, baselineRule } from '../state/baselineRule';
import { Panel } from '../components/Panel';
import { usePanelData } from '../state/usePanelData';
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
  const setCumulativeFrom = useCallback((date: string) => update({ cumulativeFrom: date }), [update]);
  const settings = useMemo(() => ({ rolling: view.rolling, cumulativeFrom: view.cumulativeFrom, method: view.method }), [view.rolling, view.cumulativeFrom, view.method]);
  const rule = baselineRule(view, t, lang);
  const level = baselineLevel(view, t, lang);
  if (data.noData) return <p className="empty">{t('noData')}</p>;
  return (
    <div className="dashboard">
      <Controls view={view} update={update} loaded={data.loaded} />
      <p className="baseline-rule" data-testid="baseline-rule">
        {rule}
      </p>
      <div className="panel-grid">
        {data.panels.map((panel) => (
          <Panel
            key={panel.id}
            panel={panel}
            dataset={dataset}
            {...data.panelFigures(panel)}
            summaries={data.summaryByMetric}
            labelOf={data.labelOf}
            markers={data.markers}
            settings={settings}
            baselineRule={rule}
            baselineLevel={level}
            onCumulativeFrom={panel.cumulative ? setCumulativeFrom : undefined}
            error={data.error}
          />
        ))}
      </div>
    </div>
  );
}
