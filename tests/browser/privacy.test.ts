/**
 * Nothing leaves the browser: one whole session in the production build (sample, dropped weekly
 * and case-level exports, every view, every export, copy and print, a removal, a reload) with
 * every request of the browser context recorded. Only our own origin, blob: and data: may appear.
 */
import { expect, it } from 'vitest';
import { browserForFile, upload, waitUntilReady, withApp } from './chromium';

const browser = browserForFile();

it('makes no request to another origin in a whole session', () =>
  withApp(browser(), async ({ page, context }) => {
    const origin = new URL(page.url()).origin;
    const requests: string[] = [];
    const sockets: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const ready = () => waitUntilReady(page, 60_000);
    const view = async (testId: string) => {
      await page.locator(`[data-testid=${testId}]`).click();
      await ready();
    };
    const download = async (click: () => Promise<void>) => {
      const [file] = await Promise.all([page.waitForEvent('download'), click()]);
      await file.path();
    };

    for (const testId of ['nav-backlog', 'nav-letter', 'nav-briefing', 'nav-files', 'nav-dashboard']) await view(testId);
    await upload(page, [
      { name: 'vertrek_2021-01-04.csv', text: 'week;Aantoonbaar vertrek;waarvan gedwongen\n2020-W50;60;20\n2020-W51;70;25\n2020-W52;80;30\n2020-W53;90;35\n' },
      { name: 'zaken_2021-01-04.csv', text: 'zaak;ontvangen;besluit\nA;01-12-2020;\nB;02-12-2020;20-12-2020\nC;03-12-2020;\n' },
    ]);
    const panel = page.locator('[data-testid=panel-departures]');
    await download(() => panel.locator('[data-testid=download-png]').click());
    await download(() => panel.locator('[data-testid=download-svg]').click());
    await download(() => panel.locator('[data-testid=download-csv-excel-nl]').click());
    await panel.locator('[data-testid=show-table]').click();
    await view('nav-backlog');
    await page.locator('[data-testid=panel-backlog] [data-testid=show-table]').click();
    await view('nav-letter');
    await page.locator('[data-testid=copy-all]').click();
    await download(() => page.locator('[data-testid=phase-table-csv-standard]').click());
    await view('nav-briefing');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await view('nav-files');
    await page.getByRole('button', { name: /vertrek_2021-01-04\.csv/ }).click();
    await ready();
    await page.reload();
    await ready();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await ready();

    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(sockets).toEqual([]);
    // The session did reach the network: the app's own files, the wasm among them.
    expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  }));
