/** The app by keyboard alone: load a file, change the baseline, open a table view, add a phase, copy a sentence. No mouse. */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserForFile, openApp, waitUntilReady } from './chromium';

const browser = browserForFile();

/** Presses Tab until the focused element matches `selector`; fails if it never does. */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Opens the file chooser from the focused file input with a key: Enter, or Space where Enter did not. */
async function chooseFileByKeyboard(page: Page) {
  for (const key of ['Enter', 'Space']) {
    await tabTo(page, '[data-testid=file-input]');
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
    await page.keyboard.press(key);
    const opened = await chooser;
    if (opened) return opened;
  }
  throw new Error('neither Enter nor Space opened the file chooser');
}

it('loads a file, changes the baseline, opens a table, adds a phase and copies a sentence without a mouse', async () => {
  const { page, context } = await openApp(browser());
  try {
    const chooser = await chooseFileByKeyboard(page);
    await chooser.setFiles({ name: 'vertrek_2020-09-14.csv', mimeType: 'text/csv', buffer: Buffer.from('week;Aantoonbaar vertrek\n2019-W12;140\n2020-W11;142\n2020-W27;80\n') });
    await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
    await waitUntilReady(page);
    await expect(page.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('user');

    const baseline = page.locator('[data-testid=panel-departures] [data-baseline-metric=departures_total]');
    await expect(baseline.getAttribute('data-method')).resolves.toBe('mean');
    await tabTo(page, '[data-testid=baseline-method]');
    await page.keyboard.press('ArrowDown');
    await waitUntilReady(page);
    await expect(baseline.getAttribute('data-method')).resolves.toBe('median');
    await expect(baseline.getAttribute('data-value')).resolves.toBe('141');

    await tabTo(page, '[data-testid=panel-departures] [data-testid=show-table]');
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    const cells = await page.locator('[data-testid=panel-departures] td[data-metric=departures_total]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
    expect(cells.filter(Boolean)).toEqual(['140', '142', '80']);

    await tabTo(page, '[data-testid=nav-letter]', 400);
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    await tabTo(page, '[data-testid=phase-from]');
    // Chromium's week field reads week first, then year.
    await page.keyboard.type('272020');
    await tabTo(page, '[data-testid=phase-to]');
    // Chromium's week field reads week first, then year.
    await page.keyboard.type('272020');
    await tabTo(page, '[data-testid=phase-add]');
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    const sentence = '[data-testid=letter-sentence][data-phase="2020-W27/2020-W27"][data-metric=departures_total]';
    await expect(page.locator(`${sentence} p`).textContent()).resolves.toMatch(/^Van week 27 tot en met week 27 van 2020 waren er gemiddeld 80 aantoonbare vertrekken per week\./);
    await page.evaluate(`window.addEventListener('copy', (e) => { window.copied = e.clipboardData.getData('text/plain'); })`);
    await tabTo(page, `${sentence} button`);
    await page.keyboard.press('Enter');
    await expect(page.evaluate('window.copied')).resolves.toBe(await page.locator(`${sentence} p`).textContent());
  } finally {
    await context.close();
  }
});
