/**
 * A panel query's weeks and summaries come from one statement (panelFigures in
 * src/metrics/panelQueries.ts): the two queries asked together, as every view with panels asks
 * them (usePanelWeeks and useMetricSummaries), share one answer while it is being computed.
 */
import { hashKey } from '@tanstack/react-query';
import type { Database } from '../../db/database';
import { panelFigures, type PanelFigures, type PanelQuery } from '../../metrics/panelQueries';

export function sharedPanelFigures(db: Database, query: PanelQuery): Promise<PanelFigures> {
  return db.shared(hashKey(['panelFigures', query]), () => panelFigures(db, query));
}
