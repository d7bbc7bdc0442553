/** The user's files survive a reload; a damaged store is reported and never blocks start-up. */
import { expect, it } from 'vitest';
import { browserForFile, fileItems, openApp, tableCells, upload, waitUntilReady } from './chromium';

const browser = browserForFile();

const gehoren = { name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n2020-W28;1.004;241\n' };
const vertrek = { name: 'vertrek_2020-09-14.csv', text: 'week;Aantoonbaar vertrek\n2020-W27;78\n2020-W28;bad\n' };

it('keeps the loaded files and their figures across a reload, and forgets a removed one', async () => {
  const { page, context } = await openApp(browser());
  try {
    await upload(page, [gehoren, vertrek]);
    const before = await fileItems(page);
    await page.reload();
    await waitUntilReady(page);
    await expect(page.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('user');
    expect(await fileItems(page)).toEqual(before);
    expect((await tableCells(page, 'hearings', 'hearings_physical')).map((c) => c.value)).toEqual(['412', '1004']);

    await page.locator('[data-testid=nav-files]').click();
    await page.getByRole('button', { name: `${vertrek.name} verwijderen` }).click();
    await page.locator('[data-testid=file-item]').nth(1).waitFor({ state: 'detached' });
    await waitUntilReady(page);
    await page.reload();
    await waitUntilReady(page);
    expect((await fileItems(page)).map((f) => f.name)).toEqual([gehoren.name]);
  } finally {
    await context.close();
  }
});

it('starts with a clear message when a stored file is damaged, and loads the rest', async () => {
  const { page, context } = await openApp(browser());
  try {
    await upload(page, [gehoren]);
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('ketenmonitor', 1);
      open.onsuccess = () => {
        const put = open.result.transaction('exports', 'readwrite').objectStore('exports').add({ name: 'kapot.csv', bytes: 'geen bytes' });
        put.onsuccess = () => { open.result.close(); resolve(); };
        put.onerror = () => reject(put.error);
      };
      open.onerror = () => reject(open.error);
    })`);
    await page.reload();
    await waitUntilReady(page);
    await expect(page.locator('[data-testid=storage-problem]').textContent()).resolves.toContain('kapot.csv');
    expect((await fileItems(page)).map((f) => f.name)).toEqual([gehoren.name]);

    await page.getByRole('button', { name: 'Alle eigen bestanden verwijderen' }).click();
    await page.locator('[data-testid=dataset-banner][data-dataset=sample]').waitFor();
    await waitUntilReady(page);
    await page.reload();
    await waitUntilReady(page);
    expect(await page.locator('[data-testid=storage-problem]').count()).toBe(0);
    await expect(page.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('sample');
  } finally {
    await context.close();
  }
});
