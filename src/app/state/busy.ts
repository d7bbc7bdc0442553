/**
 * Which parts of the page are still waiting for data. The app status reads "ready" only when
 * none is: a component registers in a layout effect, before the browser paints, so no test
 * or user ever sees "ready" above an empty chart.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';

const waiting = new Set<symbol>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function useBusy(isBusy: boolean): void {
  useLayoutEffect(() => {
    if (!isBusy) return;
    const token = Symbol('busy');
    waiting.add(token);
    notify();
    return () => {
      waiting.delete(token);
      notify();
    };
  }, [isBusy]);
}

export function useAnythingBusy(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting.size > 0,
  );
}
