/**
 * The foundation end to end, in the production build: sample on first visit, the user's
 * files through the file input, the load report, revisions, and no request to elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { regionCases } from '../../scripts/caseExports';
import { sampleExports } from '../../scripts/sampleExports';
import { type AppPage, browserForFile, fileItems, tableCells, upload, waitUntilReady, withApp as withBrowserApp } from './chromium';

const browser = browserForFile();

const withApp = (test: (app: AppPage) => Promise<void>, timezoneId?: string) => withBrowserApp(browser(), test, { timezoneId });

describe('first visit', () => {
  it('shows the fictional sample, every file loaded whole, with charts drawn from DuckDB', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=sample-notice]').textContent()).resolves.toMatch(/Fictieve voorbeelddata/);
      for (const panel of ['inflow', 'hearings', 'departures', 'dublin', 'nareis']) {
        // Every panel has drawn its chart.
        expect(await page.locator(`[data-testid=panel-${panel}] .recharts-line-curve`).count(), panel).toBeGreaterThan(0);
      }

      const files = await fileItems(page);
      expect(files.map((f) => f.name).sort()).toEqual(sampleExports().map((f) => f.name).sort());
      // The case-level sample carries two lines to reject on purpose: a decision before receipt, an id twice.
      for (const file of files) expect(file.rejected, file.name).toBe(file.name.includes('_zaken_') ? 2 : 0);
      const cases = files.find((f) => f.name.includes('_zaken_'))!;
      expect(cases.loaded + cases.rejected + cases.skipped).toBe(regionCases().length + 2);
      const gehoren = files.find((f) => f.name === 'IND_gehoren_2022-01-10.csv')!;
      expect(gehoren).toMatchObject({ loaded: 157, skipped: 0 });
    }));

  it.each(['Europe/Amsterdam', 'America/Los_Angeles'])('lists every week in the table, 2020-W53 included, and marks revised weeks (%s)', (zone) =>
    withApp(async ({ page }) => {
      const cells = await tableCells(page, 'inflow', 'asylum_first');
      expect(cells).toHaveLength(157);
      expect(cells[0].week).toBe('2019-W01');
      expect(cells.at(-1)!.week).toBe('2021-W52');
      expect(cells.map((c) => c.week)).toContain('2020-W53');
      const revised = cells.filter((c) => c.revised).map((c) => c.week);
      expect(revised.length).toBeGreaterThan(0);
      expect(revised.every((w) => w >= '2020-W32' && w <= '2020-W37')).toBe(true);
      // The same Monday-to-Sunday span in every time zone.
      const card = page.locator('[data-testid=panel-inflow]');
      await expect(card.locator('tr', { has: page.locator('td[data-week="2020-W53"]') }).locator('td').first().textContent()).resolves.toBe(
        '28 dec. – 3 jan. 2021',
      );
    }, zone));
});

describe('loading your own exports', () => {
  const good = {
    name: 'gehoren_2020-09-14.csv',
    text: 'Week;Gehoren fysiek;Telehoren\r\n2020-W27;412;238\r\n2020-W28;1.004;241\r\n\r\nTotaal;1.416;479\r\n',
  };
  const messy = {
    name: 'vertrek_2020-09-14.csv',
    text: [
      'Aantoonbaar vertrek DT&V',
      'week,aantoonbaar vertrek,waarvan gedwongen',
      '2019-W53,141,50',
      '2020-W27,78,30',
      '2020-W28,-3,1',
      '2020-W29,12.5,abc',
      '2020-W30,82,33',
    ].join('\n'),
  };

  it('replaces the sample, reports every line, and brings the sample back with one click', () =>
    withApp(async ({ page }) => {
      await upload(page, [good, messy]);
      expect(await page.locator('[data-testid=sample-notice]').count()).toBe(0);
      const files = await fileItems(page);
      expect(files).toEqual([
        { name: good.name, loaded: 2, rejected: 0, skipped: 2, rejectedLines: [] },
        { name: messy.name, loaded: 2, rejected: 3, skipped: 1, rejectedLines: [3, 5, 6] },
      ]);
      const reasons = await page.locator('[data-testid=rejected-row]').allTextContents();
      expect(reasons[0]).toContain('2019 heeft geen week 53');
      expect(reasons[1]).toContain('negatief');

      // The default range is every loaded week: weeks another file filled show as missing here.
      const physical = await tableCells(page, 'hearings', 'hearings_physical');
      expect(physical).toEqual([
        { week: '2020-W27', metric: 'hearings_physical', value: '412', revised: false },
        { week: '2020-W28', metric: 'hearings_physical', value: '1004', revised: false },
        { week: '2020-W29', metric: 'hearings_physical', value: '', revised: false },
        { week: '2020-W30', metric: 'hearings_physical', value: '', revised: false },
      ]);
      const departures = await tableCells(page, 'departures', 'departures_total');
      expect(departures.map((c) => [c.week, c.value])).toEqual([
        ['2020-W27', '78'],
        ['2020-W28', ''],
        ['2020-W29', ''],
        ['2020-W30', '82'],
      ]);

      await page.getByRole('button', { name: 'Voorbeelddata bekijken' }).click();
      await expect(page.locator('[data-testid=sample-notice]').count()).resolves.toBe(1);
      expect(await tableCells(page, 'hearings', 'hearings_physical')).toHaveLength(157);
    }));

  it('keeps what is loaded when a bad file follows, and says what is wrong with it', () =>
    withApp(async ({ page }) => {
      await upload(page, [good]);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      await upload(page, [{ name: 'grafiek.csv', bytes: png }, { name: 'leeg.csv', text: '' }]);
      const files = await fileItems(page);
      expect(files.map((f) => [f.name, f.loaded])).toEqual([
        [good.name, 2],
        ['grafiek.csv', 0],
        ['leeg.csv', 0],
      ]);
      const problems = await page.locator('.file-item .problem').allTextContents();
      expect(problems).toEqual([expect.stringContaining('geen tekstbestand'), expect.stringContaining('leeg')]);
      expect((await tableCells(page, 'hearings', 'hearings_tele')).map((c) => c.value)).toEqual(['238', '241']);
    }));

  it('lets a newer export win, whatever the load order, and marks the revised cell', () =>
    withApp(async ({ page }) => {
      const newer = { name: 'gehoren_2020-09-21.csv', text: 'Week;Telehoren\n2020-W28;250\n2020-W29;244\n' };
      await upload(page, [newer]);
      await upload(page, [good]);
      expect(await tableCells(page, 'hearings', 'hearings_tele')).toEqual([
        { week: '2020-W27', metric: 'hearings_tele', value: '238', revised: false },
        { week: '2020-W28', metric: 'hearings_tele', value: '250', revised: true },
        { week: '2020-W29', metric: 'hearings_tele', value: '244', revised: false },
      ]);
      const card = page.locator('[data-testid=panel-hearings]');
      await card.locator('td[data-metric=hearings_tele][data-revised=true] button').click();
      await waitUntilReady(page);
      await expect(card.locator('.history li').allTextContents()).resolves.toEqual([
        expect.stringMatching(/^250: gehoren_2020-09-21\.csv, regel 2 .*geldt/),
        expect.stringMatching(/^241: gehoren_2020-09-14\.csv, regel 3/),
      ]);
    }));

  it('decodes Windows-1252 and keeps unknown numeric columns as custom metrics', () =>
    withApp(async ({ page }) => {
      const text = 'Week;Opvolgende aanvragen;Capaciteit één locatie;Opmerking\r\n2021-W01;31;1.200;€ geen\r\n2021-W02;28;1.150;\r\n';
      const bytes = Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
      await upload(page, [{ name: 'ind_2021-01-18.csv', bytes }]);
      const custom = await tableCells(page, 'custom_capaciteit_een_locatie', 'custom_capaciteit_een_locatie');
      expect(custom.map((c) => c.value)).toEqual(['1200', '1150']);
      const card = page.locator('[data-testid=panel-custom_capaciteit_een_locatie] h2');
      await expect(card.textContent()).resolves.toContain('Capaciteit één locatie');
    }));
});
