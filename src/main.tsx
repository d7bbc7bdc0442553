/**
 * The page's entry: starts DuckDB first (its wasm takes most of a second to instantiate), then
 * loads the app, which draws the shell while the engine comes up.
 */
import './app/state/engine';

void import('./mount');
