/**
 * Charts take turns: drawing one is tens of milliseconds of work, and several in one task would
 * hold the page up. A chart's first drawing (lazy.tsx) and a long chart's redrawing with new
 * figures (PanelChart) each wait for a task of their own, in the order asked.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

const waiting: (() => boolean)[] = [];
let turning = false;

/**
 * Waits for a task of its own to call `draw`, which returns whether it drew (false: its chart is
 * gone, the next one's turn). A turn ends when its chart has been drawn (`useTurn`'s `drawn`, from
 * an effect), not when it is asked to draw: React draws two charts asked for in a row in one
 * render, which a timer between them does not prevent.
 */
function takeTurn(draw: () => boolean): void {
  waiting.push(draw);
  if (!turning) {
    turning = true;
    setTimeout(nextTurn);
  }
}

function nextTurn(): void {
  const draw = waiting.shift();
  if (!draw) turning = false;
  else if (!draw()) setTimeout(nextTurn);
}

/**
 * A chart's turns: `ask(draw)` waits for its turn to draw; `drawn()`, from an effect of the
 * render that drew, ends it. A chart that unmounts during its turn ends it too.
 */
export function useTurn(): { ask: (draw: () => boolean) => void; drawn: () => void } {
  const holding = useRef(false);
  const drawn = useCallback(() => {
    if (!holding.current) return;
    holding.current = false;
    setTimeout(nextTurn);
  }, []);
  const ask = useCallback(
    (draw: () => boolean) =>
      takeTurn(() => {
        holding.current = draw();
        return holding.current;
      }),
    [],
  );
  useEffect(() => drawn, [drawn]);
  return useMemo(() => ({ ask, drawn }), [ask, drawn]);
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
