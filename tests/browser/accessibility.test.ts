/**
 * WCAG 2.1 AA, checked by axe-core in the production build: every view we have, in Dutch and
 * English, with tables open. No serious or critical violation may remain.
 */
import { describe, expect, it } from 'vitest';
import { browserForFile, openApp, seriousViolations, upload, waitUntilReady } from './chromium';

const browser = browserForFile();

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each(['', '?lang=en'])('the dashboard, with every table view open (%s)', async (query) => {
    const { page, context } = await openApp(browser(), query);
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
    const { page, context } = await openApp(browser(), query);
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
    const { page, context } = await openApp(browser(), `?view=letter${query}`);
    try {
      for (const details of await page.locator('details summary').all()) await details.click();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '&lang=en'])('the backlog view, chart and table, case-level and weekly (%s)', async (query) => {
    const { page, context } = await openApp(browser(), `?view=backlog${query}`);
    try {
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('[data-testid=panel-backlog] [data-testid=show-table]').click();
      await page.locator('[data-testid=backlog-source]').selectOption('cases');
      await waitUntilReady(page);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['', '&lang=en'])('the briefing, on screen and as printed (%s)', async (query) => {
    const { page, context } = await openApp(browser(), `?view=briefing${query}`);
    try {
      expect(await seriousViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
