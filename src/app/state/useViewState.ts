import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serialiseViewState, type ViewState } from './viewState';

/** The view state, read from and written to the URL; each change is a history entry. */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState(() => parseViewState(window.location.search));
  const latest = useRef(state);

  useEffect(() => {
    const restore = () => {
      latest.current = parseViewState(window.location.search);
      setState(latest.current);
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  const update = useCallback((change: Partial<ViewState>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    const search = serialiseViewState(next);
    if (search !== window.location.search) window.history.pushState(null, '', search || window.location.pathname);
    setState(next);
  }, []);

  return [state, update];
}
