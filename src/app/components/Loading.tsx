import { useBusy } from '../state/busy';

/** Stands in for a part of the page whose code is still loading; the app is not "ready" meanwhile. */
export function Loading({ height }: { height?: number }) {
  useBusy(true);
  return <div className="loading-placeholder" style={{ minHeight: height }} aria-hidden="true" />;
}
