/**
 * WCAG 2.1 AA, checked by axe-core in the production build: every view we have, in Dutch and
 * English, with tables open. No serious or critical violation may remain.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, upload, waitUntilReady } from './chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe in the page (through the driver, which the page's CSP does not govern) and returns the serious and critical findings. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate<Finding[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    )`);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each(['', '?lang=en'])('the dashboard, with every table view open (%s)', async (query) => {
    const { page, context } = await openApp(browser, query);
    try {
      expect(await seriousViolations(page)).toEqual([]);
      for (const toggle of await page.locator('[data-testid=show-table]').all()) await toggle.click();
      await waitUntilReady(page);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '?lang=en'])('the files view, with rejected and skipped lines (%s)', async (query) => {
    const { page, context } = await openApp(browser, query);
    try {
      await upload(page, [{ name: 'vertrek_2020-09-14.csv', text: 'week;Aantoonbaar vertrek\n2019-W53;5\n2020-W01;-3\n\n2020-W02;7\nTotaal;12\n' }]);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      for (const details of await page.locator('details summary').all()) await details.click();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '&lang=en'])('the letter view, with every piece of evidence open (%s)', async (query) => {
    const { page, context } = await openApp(browser, `?view=letter${query}`);
    try {
      for (const details of await page.locator('details summary').all()) await details.click();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '&lang=en'])('the backlog view, chart and table, case-level and weekly (%s)', async (query) => {
    const { page, context } = await openApp(browser, `?view=backlog${query}`);
    try {
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[data-testid=panel-backlog] [data-testid=show-table]').click();
      await page.locator('[data-testid=backlog-source]').selectOption('weekly');
      await waitUntilReady(page);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '&lang=en'])('the briefing, on screen and as printed (%s)', async (query) => {
    const { page, context } = await openApp(browser, `?view=briefing${query}`);
    try {
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
