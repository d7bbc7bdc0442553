/**
 * The sample's first view as the build computed it (scripts/firstView.ts), asked for by the page's
 * entry (src/main.tsx) as it starts, so it arrives while the app's code loads, not after it; read
 * only when there is no user's file to show instead.
 */
import type { FirstViewFigures } from './queryCache';

export const FIRST_VIEW_FILE = 'first-view.json';

const response = fetch(`${import.meta.env.BASE_URL}${FIRST_VIEW_FILE}`).catch(() => null);

export async function firstViewFigures(): Promise<FirstViewFigures | null> {
  const answer = await response;
  return answer?.ok ? ((await answer.json()) as FirstViewFigures) : null;
}
