/**
 * Recharts is about a third of the app's JavaScript. The charts load as a chunk of their own,
 * beside DuckDB's wasm, so the shell (header, controls, file button) does not wait for them.
 */
import { startTransition, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useTurn } from './turns';

/**
 * A component whose code loads on first use, drawn at once when already loaded and in the place
 * of `fallback` until then. Not React.lazy: its Suspense holds a revealed chart back for a
 * moment, and the first chart would wait for it even when the code was fetched long before.
 */
function whenLoaded<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /**
   * Drawn as a transition: React renders the chart in slices, giving the page back between them, so
   * the first chart (Recharts' code running for the first time) is less of a long task. Only for
   * charts the status waits for (their fallback is busy): a transition is drawn later.
   */
  { transition = false } = {},
) {
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
    // Drawn in a turn of its own; the next chart's turn waits until this one is drawn.
    const turn = useTurn();
    useEffect(() => {
      let mounted = true;
      preload().then(
        () =>
          turn.ask(() => {
            if (!mounted) return false;
            const show = () => setState({ ready: true, failed: null });
            if (transition) startTransition(show);
            else show();
            return true;
          }),
        // Thrown while drawing, to the error boundary around: a "try again" there mounts this anew and fetches again.
        (error: unknown) => mounted && setState({ ready: false, failed: error instanceof Error ? error : new Error(String(error)) }),
      );
      return () => {
        mounted = false;
      };
    }, [turn]);
    useEffect(() => {
      if (state.ready) turn.drawn();
    }, [state.ready, turn]);
    if (state.failed) throw state.failed;
    const Component = loaded;
    return state.ready && Component ? <Component {...(props as P)} /> : fallback;
  }
  return { WhenLoaded, preload };
}

const panelChart = whenLoaded(() => import('./PanelChart').then((m) => m.PanelChart), { transition: true });
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
