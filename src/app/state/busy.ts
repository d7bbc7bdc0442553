/**
 * Which parts of the page are still waiting for data, and which show a failure. The app status
 * reads "ready" only when none waits and none failed: a component registers in a layout effect,
 * before the browser paints, so no test or user ever sees "ready" above an empty chart or an
 * error message.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';

function registry() {
  const members = new Set<symbol>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  function useMember(isMember: boolean): void {
    useLayoutEffect(() => {
      if (!isMember) return;
      const token = Symbol();
      members.add(token);
      notify();
      return () => {
        members.delete(token);
        notify();
      };
    }, [isMember]);
  }
  function useAny(): boolean {
    return useSyncExternalStore(
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      () => members.size > 0,
    );
  }
  return { useMember, useAny };
}

const busy = registry();
const failed = registry();

/** This part waits for data or code. */
export const useBusy = busy.useMember;
export const useAnythingBusy = busy.useAny;
/** This part shows a failure in place of what it should show. */
export const useFailed = failed.useMember;
export const useAnythingFailed = failed.useAny;
