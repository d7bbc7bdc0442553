/**
 * Charts take turns: drawing one is tens of milliseconds of work, and several in one task would
 * hold the page up. A chart's first drawing (lazy.tsx) and a long chart's redrawing with new
 * figures (PanelChart) each wait for a task of their own, in the order asked.
 */
import { useSyncExternalStore } from 'react';

const waiting: (() => void)[] = [];

export function takeTurn(draw: () => void): void {
  waiting.push(draw);
  if (waiting.length === 1) setTimeout(nextTurn);
}

function nextTurn(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setTimeout(nextTurn);
}

/**
 * The charts that still show figures older than they were given. A chart leaves this set in the
 * layout effect of the render that draws the new ones, before the browser paints, so whoever
 * waits on it (the app's status) never sees the old figures as current.
 */
const behind = new Set<symbol>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function markBehind(token: symbol, isBehind: boolean): void {
  if (isBehind === behind.has(token)) return;
  if (isBehind) behind.add(token);
  else behind.delete(token);
  notify();
}

/** Whether any chart has figures still waiting for its turn to be drawn. */
export function useChartsBehind(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => behind.size > 0,
  );
}
