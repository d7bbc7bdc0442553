/**
 * A panel query's weeks and summaries come from one statement (panelFigures in
 * src/metrics/panelQueries.ts): the two queries asked together, as every view with panels asks
 * them (usePanelWeeks and useMetricSummaries), share one answer while it is being computed.
 */
import { hashKey } from '@tanstack/react-query';
import type { Database } from '../../db/database';
import { panelFigures, type PanelFigures, type PanelQuery } from '../../metrics/panelQueries';

const underWay = new Map<string, Promise<PanelFigures>>();

export function sharedPanelFigures(db: Database, query: PanelQuery): Promise<PanelFigures> {
  const key = hashKey([query]);
  let figures = underWay.get(key);
  if (!figures) {
    figures = panelFigures(db, query);
    underWay.set(key, figures);
    // Shared only while under way: asked again later (the data changed), DuckDB is asked again.
    const forget = () => underWay.delete(key);
    figures.then(forget, forget);
  }
  return figures;
}
