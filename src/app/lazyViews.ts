import { createElement, lazy, type ComponentType } from 'react';
import { useRetries } from './components/ErrorBoundary';

/**
 * A view whose code loads when first opened. React.lazy keeps a failed load for good; this one
 * loads again after a failure once its error boundary's "try again" is pressed (not before:
 * React draws a failed part twice, and a new load each time would never let the failure show).
 */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const attempt = () => {
    const next = {
      failed: false,
      View: lazy(() =>
        load().then(
          (component) => ({ default: component }),
          (error: unknown) => {
            next.failed = true;
            throw error;
          },
        ),
      ),
    };
    return next;
  };
  let current = attempt();
  let seenRetries = 0;
  return function LazyView(props: P) {
    const retries = useRetries();
    if (retries !== seenRetries) {
      seenRetries = retries;
      if (current.failed) current = attempt();
    }
    return createElement(current.View, props);
  };
}

/** Views other than the dashboard load when first opened. */
export const BacklogView = lazyView(() => import('./views/BacklogView').then((m) => m.BacklogView));
export const LetterView = lazyView(() => import('./views/LetterView').then((m) => m.LetterView));
export const BriefingView = lazyView(() => import('./views/BriefingView').then((m) => m.BriefingView));
export const FilesView = lazyView(() => import('./views/FilesView').then((m) => m.FilesView));
