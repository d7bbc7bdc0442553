import { lazy } from 'react';
import { useBusy } from './busy';

/** Stands in for a part of the page whose code is still loading; the app is not "ready" meanwhile. */
export function Loading({ height }: { height?: number }) {
  useBusy(true);
  return <div className="loading-placeholder" style={{ minHeight: height }} aria-hidden="true" />;
}

/** Views other than the dashboard load when first opened. */
export const BacklogView = lazy(() => import('./BacklogView').then((m) => ({ default: m.BacklogView })));
export const LetterView = lazy(() => import('./LetterView').then((m) => ({ default: m.LetterView })));
export const BriefingView = lazy(() => import('./BriefingView').then((m) => ({ default: m.BriefingView })));
export const FilesView = lazy(() => import('./FilesView').then((m) => ({ default: m.FilesView })));
