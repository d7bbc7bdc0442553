/**
 * Marks, in page time, of a start: when the shell shows, the first chart is drawn, each further
 * chart appears, the range brush is drawn and the app is ready, and the longest main-thread task.
 * Added as an init script (`page.addInitScript(PAGE_PROBE)`) by the bench and the start-up scripts.
 */
import type { Browser, Page } from 'playwright-core';

export const PAGE_PROBE = () => {
  const marks: Record<string, number> = { longestTask: 0 };
  (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longestTask = Math.max(marks.longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const now = performance.now();
    if (!marks.shell && document.querySelector('.app-header')) marks.shell = now;
    if (!marks.firstChart && document.querySelector('.panel .recharts-line-curve')) marks.firstChart = now;
    const charts = document.querySelectorAll('.panel .recharts-wrapper').length;
    if (charts !== (marks.charts ?? 0)) {
      marks.charts = charts;
      marks[`charts=${charts}`] = now;
    }
    if (!marks.brush && document.querySelector('.range-brush')) marks.brush = now;
    if (!marks.ready && document.querySelector('[data-testid=app-status][data-state=ready]')) marks.ready = now;
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

/** The marks PAGE_PROBE has taken so far. */
export const probeMarks = (page: Page) => page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);

/** A first visit of the bare engine page (bench/bare) in a context of its own: navigation to its SELECT 1, in page time. */
export async function bareFirstVisit(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return (await page.waitForFunction(() => (window as unknown as { bareReady?: number }).bareReady, undefined, { timeout: 60_000 }).then((h) => h.jsonValue())) as number;
  } finally {
    await context.close();
  }
}
