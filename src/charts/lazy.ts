/**
 * Recharts is about a third of the app's JavaScript. The charts load as a chunk of their own,
 * beside DuckDB's wasm, so the shell (header, controls, file button) does not wait for them.
 */
import { lazy } from 'react';

export const LazyPanelChart = lazy(() => import('./PanelChart').then((m) => ({ default: m.PanelChart })));

export const LazyRangeBrush = lazy(() => import('./RangeBrush').then((m) => ({ default: m.RangeBrush })));
