import { lazy } from 'react';

/** Views other than the dashboard load when first opened. */
export const BacklogView = lazy(() => import('./views/BacklogView').then((m) => ({ default: m.BacklogView })));
export const LetterView = lazy(() => import('./views/LetterView').then((m) => ({ default: m.LetterView })));
export const BriefingView = lazy(() => import('./views/BriefingView').then((m) => ({ default: m.BriefingView })));
export const FilesView = lazy(() => import('./views/FilesView').then((m) => ({ default: m.FilesView })));
