/** The app itself, loaded by src/main.tsx once DuckDB has been started. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadCharts } from './charts/lazy';
import { firstViewFigures } from './app/state/firstViewFetch';
import { drawFromCache } from './app/state/queryCache';
import './styles.css';

// The data only changes when the user loads or removes files, and then every query is invalidated.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

// The last confirmed figures (or the build's own for the sample) are drawn while DuckDB starts.
performance.mark('ketenmonitor:app-loaded');
// The charts' code is fetched while the kept figures are read: the first chart need not wait for the shell.
preloadCharts();
await drawFromCache(queryClient, firstViewFigures);
performance.mark('ketenmonitor:drawn-from-cache');

// Drawn as a transition: React renders the whole dashboard (from the figures at hand) in slices
// that yield to the browser, not in one task that holds the page.
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
