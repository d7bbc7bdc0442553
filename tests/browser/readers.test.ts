/**
 * What real exports and real browsers do to the reader (issue 16), in the production build:
 * storage that refuses a file, two tabs, a million rejected lines, case-level exports from Excel.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserForFile, fileItems, openApp, upload, waitUntilReady, withApp } from './chromium';

const browser = browserForFile();

const gehoren = { name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n2020-W28;1.004;241\n' };
const vertrek = { name: 'vertrek_2020-09-14.csv', text: 'week;Aantoonbaar vertrek\n2020-W27;78\n2020-W28;81\n' };

/** Windows-1252 bytes, as Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" writes. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

/** Long tasks on the page's thread from now on; read with longestTask(page). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(`window.longestTask = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration); }).observe({ type: 'longtask' });`);
}
const longestTask = (page: Page) => page.evaluate('window.longestTask') as Promise<number>;

it('says at once when the browser refuses to keep a file, and still loads it', async () => {
  await withApp(browser(), async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    // A nearly full storage: IndexedDB refuses the file with QuotaExceededError.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 1 });
    await upload(page, [gehoren]);
    const problem = page.locator('[data-testid=storage-problem]');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/niet bewaard.*gehoren_2020-09-14\.csv.*vol.*Na herladen.*In gebruik/s);
    expect((await fileItems(page)).map((f) => [f.name, f.loaded])).toEqual([[gehoren.name, 2]]);
    // The load report says how much room the browser gives the kept files.
    await expect(page.locator('[data-testid=storage-room]').getAttribute('data-quota')).resolves.toMatch(/^\d+$/);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  });
});

it('keeps two tabs in step: a file added or removed in one is added or removed in the other, and said', async () => {
  const first = await openApp(browser());
  const second = await first.context.newPage();
  try {
    await second.goto(first.page.url());
    await waitUntilReady(second);
    await upload(first.page, [gehoren]);
    const added = second.locator('[data-testid=tab-notice][data-kind=added]');
    await added.waitFor();
    await expect(added.textContent()).resolves.toContain(gehoren.name);
    await waitUntilReady(second);
    expect((await fileItems(second)).map((f) => f.name)).toEqual([gehoren.name]);

    // A file the second tab adds is the first tab's to show too; "remove all" there removes it here, saying so.
    await upload(second, [vertrek]);
    await first.page.locator('[data-testid=tab-notice][data-kind=added]').waitFor();
    await waitUntilReady(first.page);
    expect((await fileItems(first.page)).map((f) => f.name).sort()).toEqual([gehoren.name, vertrek.name]);
    await first.page.getByRole('button', { name: 'Alle eigen bestanden verwijderen' }).click();
    await second.locator('[data-testid=tab-notice][data-kind=removed]').waitFor();
    await waitUntilReady(second);
    await expect(second.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('sample');
    await second.reload();
    await waitUntilReady(second);
    await expect(second.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('sample');
  } finally {
    await first.context.close();
  }
}, 180_000);

it('pages a hundred thousand rejected lines: the first thousand, a count, more on request, a CSV of all; no long task', async () => {
  await withApp(browser(), async ({ page }) => {
    // The file is made in the page before the watch starts: Playwright's own file transfer runs on the page's thread.
    await page.evaluate(`window.bigFile = new File([['Week;Telehoren', ...Array.from({ length: 100000 }, (_, i) => '2020-W' + String((i % 52) + 1).padStart(2, '0') + ';veel')].join('\\n') + '\\n'], 'alles_fout_2021-01-04.csv', { type: 'text/csv' })`);
    await watchLongTasks(page);
    await page.evaluate(`(() => { const input = document.querySelector('[data-testid=file-input]'); const files = new DataTransfer(); files.items.add(window.bigFile); input.files = files.files; input.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
    await waitUntilReady(page, 120_000);
    await page.locator('[data-testid=nav-files]').click();
    // Waited for with a cheap poll: Playwright's own locators run on the page's thread too.
    const rows = async (n: number) => {
      for (let tries = 0; tries < 120 && ((await page.evaluate(`document.querySelectorAll('[data-testid=rejected-row]').length`)) as number) < n; tries++) await page.waitForTimeout(500);
    };
    await rows(1000);
    const item = page.locator('[data-testid=file-item]');
    await expect(item.getAttribute('data-rows-rejected')).resolves.toBe('100000');
    await expect(item.locator('[data-testid=rejected-row]').count()).resolves.toBe(1000);
    await expect(item.locator('.line-paging').textContent()).resolves.toContain('1.000 van 100.000 getoond');
    await item.getByRole('button', { name: /Toon 1\.000 meer/ }).click();
    await rows(2000);
    await expect(item.locator('[data-testid=rejected-row]').count()).resolves.toBe(2000);
    await expect(item.locator('[data-testid=rejected-row]').nth(1999).getAttribute('data-line')).resolves.toBe('2001');

    const [download] = await Promise.all([page.waitForEvent('download'), item.locator('[data-testid=download-rejected]').click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv.trim().split('\r\n')).toHaveLength(100_001);
    expect(await longestTask(page)).toBeLessThan(200);
  });
}, 240_000);

it("loads Excel's case-level exports: Windows-1252, an extra Id column, every rejected line on its own line", async () => {
  await withApp(browser(), async ({ page }) => {
    const text = 'Id;Zaaknummer;Datum ontvangst;Datum besluit;Nationaliteit\r\n1;Z1;15-03-2020;;Curaçao – ’t €\r\n2;Z2;16-03-2020;"20-04-2020";"Eritrea\r\n(noord)"\r\n3;Z3;17-03-2020;10-03-2020;Irak\r\n4;Z4;"18-03-2020;;Iran\r\n5;Z5;19-03-2020;NULL;Iran\r\n';
    await upload(page, [{ name: 'nareis_zaken_2020-06-01.csv', bytes: windows1252(text) }]);
    const [file] = await fileItems(page);
    expect(file).toMatchObject({ name: 'nareis_zaken_2020-06-01.csv', loaded: 3, rejected: 2, skipped: 0, rejectedLines: [5, 6] });
    const item = page.locator('[data-testid=file-item]');
    await expect(item.locator('[data-testid=rejected-row][data-line="6"]').getAttribute('data-reason')).resolves.toBe('unterminated_quote');
    await expect(item.textContent()).resolves.toContain('een regelnummer of intern id');
  });
});
