/**
 * Recharts is about a third of the app's JavaScript. The charts load as a chunk of their own,
 * beside DuckDB's wasm, so the shell (header, controls, file button) does not wait for them.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads on first use, drawn at once when already loaded and in the place
 * of `fallback` until then. Not React.lazy: its Suspense holds a revealed chart back for a
 * moment, and the first chart would wait for it even when the code was fetched long before.
 */
function whenLoaded<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => void (loaded = component),
      (error: unknown) => {
        // Fetched again by the next chart that asks, not taken as failed for good.
        loading = null;
        throw error;
      },
    ));

  function WhenLoaded({ fallback, ...props }: P & { fallback: ReactNode }) {
    const [state, setState] = useState<{ ready: boolean; failed: Error | null }>({ ready: false, failed: null });
    /** True from this chart's turn until it is drawn (or gone): the next chart's turn waits for it. */
    const drawing = useRef(false);
    const turnOver = () => {
      if (!drawing.current) return;
      drawing.current = false;
      endTurn();
    };
    useEffect(() => {
      let mounted = true;
      preload().then(
        () =>
          takeTurn(() => {
            if (!mounted) return false;
            drawing.current = true;
            setState({ ready: true, failed: null });
            return true;
          }),
        // Thrown while drawing, to the error boundary around: a "try again" there mounts this anew and fetches again.
        (error: unknown) => mounted && setState({ ready: false, failed: error instanceof Error ? error : new Error(String(error)) }),
      );
      return () => {
        mounted = false;
        turnOver();
      };
    }, []);
    useEffect(() => {
      if (state.ready) turnOver();
    }, [state.ready]);
    if (state.failed) throw state.failed;
    const Component = loaded;
    return state.ready && Component ? <Component {...(props as P)} /> : fallback;
  }
  return { WhenLoaded, preload };
}

const waiting: (() => boolean)[] = [];
let turning = false;

/**
 * Charts first appear one per task: drawing one is tens of milliseconds of work, and the five of
 * the dashboard in one task would hold the page (and the first of them) up for a quarter second.
 * A turn ends when its chart is drawn (its effect runs), not when it is asked to draw: React draws
 * two charts asked for in a row in one render, which a timer between them does not prevent.
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
  // A chart no longer mounted has nothing to draw: the next one's turn.
  else if (!draw()) setTimeout(nextTurn);
}

function endTurn(): void {
  setTimeout(nextTurn);
}

const panelChart = whenLoaded(() => import('./PanelChart').then((m) => m.PanelChart));
const rangeBrush = whenLoaded(() => import('./RangeBrush').then((m) => m.RangeBrush));
const periodChart = whenLoaded(() => import('./PeriodChart').then((m) => m.PeriodChart));

export const LazyPanelChart = panelChart.WhenLoaded;
export const LazyRangeBrush = rangeBrush.WhenLoaded;
export const LazyPeriodChart = periodChart.WhenLoaded;

/** Fetches the charts' code once the shell is drawn, while DuckDB starts: the first chart need not wait for it. */
export function preloadCharts(): void {
  // A failure here is not final: the first chart to ask fetches again, and shows it if it fails again.
  panelChart.preload().catch(() => undefined);
  rangeBrush.preload().catch(() => undefined);
}
