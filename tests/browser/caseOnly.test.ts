/**
 * A large case-level export alone, in the production build (issue 14): DuckDB reads it from the
 * File itself while the parse worker checks it, every line accounted for with the lines before its
 * header skipped; the dashboard of a dataset without weekly figures asks no panel query; the
 * backlog groups the cases when it is opened.
 */
import { expect, it } from 'vitest';
import { chromiumForFile, fileItems, upload, waitUntilReady } from './chromium';

const withApp = chromiumForFile();

// Over the 1 MB from which a file goes to DuckDB under way, a title line before the header, and two rows to reject.
const rows = Array.from({ length: 40_000 }, (_, i) => `Z${String(i).padStart(6, '0')};2020-0${(i % 9) + 1}-1${i % 10};${i % 3 === 0 ? '' : '2020-10-05'}`);
rows.splice(100, 0, 'Z-voor;2020-03-10;2020-03-01'); // decided before received: line 103
rows.splice(30_000, 0, ';2020-03-10;'); // no id: line 30003
const text = `Overzicht zaken\nzaak;ontvangen;besluit\n${rows.join('\n')}\n`;

/** The query keys kept in the browser's figure cache (src/app/state/queryCache.ts), once it counts the user's one file. */
async function keptQueryKeys(page: import('playwright-core').Page): Promise<unknown[][]> {
  for (let tries = 0; tries < 60; tries++) {
    const keys = (await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('ketenmonitor-figures');
      open.onerror = () => resolve([]);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('cache')) return resolve([]);
        const get = db.transaction('cache').objectStore('cache').get('last');
        get.onsuccess = () => resolve((get.result?.clientState?.queries ?? []).map((q) => [q.queryKey, q.state.data]));
        get.onerror = () => resolve([]);
      };
    })`)) as [unknown[], unknown][];
    // Kept after the file went in: the header's count of the user's files is 1.
    if (keys.some(([key, data]) => key[0] === 'fileCount' && key[1] === 'user' && data === 1)) return keys.map(([key]) => key);
    await page.waitForTimeout(500);
  }
  throw new Error('the figure cache never counted the user\'s file');
}

it('reads a large case-level export from the file itself, asks no weekly panel for it, and groups its cases when the backlog opens', async () => {
  await withApp(async ({ page }) => {
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(2 ** 20);
    await upload(page, [{ name: 'zaken_2021-01-31.csv', text }]);
    // The dashboard of a dataset of cases alone: no weekly figures, and no panel query asked for them.
    await expect(page.locator('.empty').first().textContent()).resolves.toBe('Nog geen cijfers geladen.');
    const kept = await keptQueryKeys(page);
    const userPanels = kept.filter((key) => (key[0] === 'panelWeeks' || key[0] === 'summaries') && (key[1] as { dataset?: string }).dataset === 'user');
    expect(userPanels).toEqual([]);

    const [file] = await fileItems(page);
    expect(file).toMatchObject({ name: 'zaken_2021-01-31.csv', loaded: 40_000, rejected: 2, skipped: 1, rejectedLines: [103, 30_003] });

    await page.locator('[data-testid=nav-backlog]').click();
    await waitUntilReady(page, 60_000);
    await expect(page.locator('[data-testid=panel-backlog]').getAttribute('data-source')).resolves.toBe('cases');
  });
}, 180_000);
