/**
 * A first visit stores the sample's case-level export after the dashboard's figures are confirmed:
 * the dashboard shows none of it, so its status is "ready" before that export is in; a view that
 * shows cases (the backlog) says "loading" until it is in, and is never "ready" without its cases.
 */
import { expect, inject, it } from 'vitest';
import { browserForFile } from './chromium';

const browser = browserForFile();

/** Records, in page time, each state the status takes, from the first script on. */
const STATUS_PROBE = () => {
  const states: { state: string; at: number; casesOffered: boolean }[] = [];
  (window as unknown as { statusStates: typeof states }).statusStates = states;
  new MutationObserver(() => {
    const state = document.querySelector('[data-testid=app-status]')?.getAttribute('data-state') ?? null;
    if (state && states.at(-1)?.state !== state) {
      states.push({ state, at: performance.now(), casesOffered: document.querySelector('[data-testid=backlog-source] option[value=cases]') !== null });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
};

/** A first visit at `query`: the states the status took, when the sample's case export was stored, and when the dashboard's figures were asked again. */
async function firstVisit(query: string) {
  const context = await browser().newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.addInitScript(STATUS_PROBE);
  try {
    await page.goto(inject('baseUrl') + query);
    // The sample's case export stored, and the refetch after it settled.
    await page.waitForFunction(() => performance.getEntriesByName('ketenmonitor:sample-stored').length > 0, undefined, { timeout: 60_000 });
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => ({
      states: (window as unknown as { statusStates: { state: string; at: number; casesOffered: boolean }[] }).statusStates,
      casesStored: performance.getEntriesByName('ketenmonitor:sample-stored')[0].startTime,
      // Every figure drawn from the build's first view confirmed by DuckDB (queryCache.ts).
      confirmed: performance.getEntriesByName('ketenmonitor:confirmed')[0].startTime,
    }));
    expect(consoleErrors).toEqual([]);
    return seen;
  } finally {
    await context.close();
  }
}

it('shows the dashboard ready once its figures are confirmed, before the sample\'s case export is stored', async () => {
  const { states, casesStored, confirmed } = await firstVisit('');
  const firstReady = states.find((s) => s.state === 'ready');
  expect(firstReady).toBeDefined();
  expect(confirmed).toBeLessThan(casesStored);
  expect(firstReady!.at).toBeLessThan(casesStored);
}, 90_000);

it('keeps the backlog loading until the sample\'s case export is in, then offers its cases', async () => {
  const { states, casesStored } = await firstVisit('?view=backlog');
  const ready = states.filter((s) => s.state === 'ready');
  expect(ready.length).toBeGreaterThan(0);
  for (const s of ready) {
    expect(s.at).toBeGreaterThan(casesStored);
    expect(s.casesOffered).toBe(true);
  }
}, 90_000);
