/**
 * The page's entry: starts DuckDB first (its wasm takes most of a second to instantiate), asks
 * for the sample's build-time first view, then loads the app, which draws the shell (and the
 * first view) while the engine comes up. Only the worker's start and the first view's fetch are
 * static imports: DuckDB's client and Arrow (about 150 KB) would otherwise arrive before either.
 */
import './db/duckdbWorker';
import './app/state/firstViewFetch';

// A failure to load it is reported by the app, whose first query waits for the engine.
import('./app/state/engine').catch(() => undefined);

import('./mount').catch((error: unknown) => {
  // The app's code did not arrive: say so in plain DOM (React came with it) instead of "loading" for ever.
  const status = document.createElement('div');
  status.setAttribute('role', 'alert');
  status.dataset.testid = 'app-status';
  status.dataset.state = 'error';
  const message = error instanceof Error ? error.message : String(error);
  const line = (text: string, lang: string) => Object.assign(document.createElement('p'), { textContent: text, lang });
  const retry = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Opnieuw proberen / Try again' });
  retry.dataset.testid = 'try-again';
  retry.addEventListener('click', () => location.reload());
  status.append(line(`Ketenmonitor kon niet worden geladen (${message}).`, 'nl'), line('Ketenmonitor could not be loaded.', 'en'), retry);
  document.getElementById('root')!.replaceChildren(status);
});
