/**
 * The dashboard in the production build: baselines and status per panel, the view in the URL,
 * English, and table figures checked against the sample generator's own series.
 */
import { describe, expect, it } from 'vitest';
import { formatIsoWeek } from '../../src/domain/isoWeek';
import { generateSeries, sampleWeeks } from '../../scripts/sampleSeries';
import { type AppPage, chromiumForFile, panelFacts, tableCells, upload, waitUntilReady } from './chromium';

const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);
const mean = (metric: keyof typeof series, from: string, to: string) => {
  const values = series[metric].slice(weeks.indexOf(from), weeks.indexOf(to) + 1);
  return values.reduce((a, b) => a + b, 0) / values.length;
};

const withApp = chromiumForFile();

async function setWeek(app: AppPage, testId: string, week: string) {
  await app.page.locator(`[data-testid=${testId}]`).fill(week);
  await waitUntilReady(app.page);
}

describe('baselines', () => {
  it('default to the mean of the 52 weeks before 2020-W12, exactly', () =>
    withApp(async ({ page }) => {
      const facts = await panelFacts(page);
      const departures = facts.departures.baselines.find((b) => b.metric === 'departures_total')!;
      expect(departures.method).toBe('mean');
      expect(departures.value).toBeCloseTo(mean('departures_total', '2019-W12', '2020-W11'), 9);
      const hearings = facts.hearings.baselines.find((b) => b.metric === 'hearings_physical')!;
      expect(hearings.value).toBeCloseTo(mean('hearings_physical', '2019-W12', '2020-W11'), 9);
      // A stock's baseline is its level at the end of the window.
      const open = facts.nareis.baselines.find((b) => b.metric === 'nareis_open')!;
      expect(open.value).toBe(series.nareis_open[weeks.indexOf('2020-W11')]);
      // Departures never returned to about 140 a week in the sample.
      expect(facts.departures.backSince).toBeNull();
    }));

  it('change in every panel when the window changes, and the status follows', () =>
    withApp(async (app) => {
      const before = await panelFacts(app.page);
      // The crisis period itself as the baseline: every flow is back above it before 2022.
      await setWeek(app, 'baseline-from', '2020-W12');
      await setWeek(app, 'baseline-to', '2020-W37');
      const after = await panelFacts(app.page);
      for (const panel of ['inflow', 'hearings', 'departures', 'dublin', 'nareis']) {
        const [b, a] = [before[panel].baselines, after[panel].baselines];
        expect(a.map((x) => x.metric), panel).toEqual(b.map((x) => x.metric));
        a.forEach((x, i) => expect(x.value, `${panel} ${x.metric}`).not.toBe(b[i].value));
      }
      expect(after.departures.baselines[0].value).toBeCloseTo(mean('departures_total', '2020-W12', '2020-W37'), 9);
      for (const panel of ['inflow', 'hearings', 'departures', 'dublin']) {
        expect(after[panel].backSince, panel).not.toBe(before[panel].backSince);
        expect(after[panel].backSince! > '2020-W37', panel).toBe(true);
      }
    }));

  it('switch to the median and to the same week of a reference year', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=baseline-method]').selectOption('median');
      await waitUntilReady(page);
      const median = await panelFacts(page);
      expect(median.departures.baselines.every((b) => b.method === 'median')).toBe(true);
      const sorted = series.departures_total.slice(weeks.indexOf('2019-W12'), weeks.indexOf('2020-W11') + 1).sort((a, b) => a - b);
      expect(median.departures.baselines[0].value).toBe((sorted[25] + sorted[26]) / 2);

      await page.locator('[data-testid=baseline-method]').selectOption('seasonal');
      await waitUntilReady(page);
      const seasonal = await panelFacts(page);
      expect(seasonal.departures.baselines[0].method).toBe('seasonal');
      // The latest 4 weeks (2021-W49..W52) against the same weeks of 2019.
      expect(seasonal.departures.baselines[0].value).toBeCloseTo(mean('departures_total', '2019-W49', '2019-W52'), 9);
    }));
});

describe('the view in the URL', () => {
  it('reopens the same view from a copied link, and back and forward step through changes', () =>
    withApp(async (app) => {
      const { page } = app;
      await page.getByRole('button', { name: '2020', exact: true }).click();
      await waitUntilReady(page);
      await setWeek(app, 'baseline-from', '2019-W01');
      await page.locator('[data-testid=rolling-mean]').check();
      await waitUntilReady(page);
      await page.getByRole('checkbox', { name: 'Nareis' }).uncheck();
      await waitUntilReady(page);
      const facts = await panelFacts(page);
      expect(Object.keys(facts)).toEqual(['inflow', 'hearings', 'departures', 'dublin']);
      const link = page.url();
      expect(link).toContain('from=2020-W01');

      const fresh = await app.context.newPage();
      await fresh.goto(link);
      await waitUntilReady(fresh);
      expect(await panelFacts(fresh)).toEqual(facts);
      expect(await fresh.locator('[data-testid=range-from]').inputValue()).toBe('2020-W01');
      expect(await fresh.locator('[data-testid=range-to]').inputValue()).toBe('2020-W53');
      expect(await fresh.locator('[data-testid=rolling-mean]').isChecked()).toBe(true);
      const cells = await tableCells(fresh, 'departures', 'departures_total');
      expect(cells.map((c) => c.week)).toEqual(weeks.filter((w) => w.startsWith('2020')));
      await fresh.close();

      await page.goBack();
      await waitUntilReady(page);
      expect(Object.keys(await panelFacts(page))).toContain('nareis');
      await page.goBack();
      await waitUntilReady(page);
      expect(await page.locator('[data-testid=rolling-mean]').isChecked()).toBe(false);
      await page.goForward();
      await waitUntilReady(page);
      expect(await page.locator('[data-testid=rolling-mean]').isChecked()).toBe(true);
    }));
});

describe('events on the charts', () => {
  it("marks the shipped events and the user's own, which travel in the link", () =>
    withApp(async ({ page }) => {
      // Numbered on the chart, the text listed under it (src/charts/events.ts).
      const events = (panel: string) => page.locator(`[data-testid=panel-${panel}] .chart-events`).textContent();
      await expect(events('dublin')).resolves.toContain('Dublinoverdrachten hervat');
      await page.locator('[data-testid=note-date]').fill('2020-09-13');
      await page.locator('[data-testid=note-text]').fill('Kamerbrief');
      await page.locator('[data-testid=note-add]').click();
      await waitUntilReady(page);
      await expect(events('departures')).resolves.toContain('Kamerbrief');
      expect(decodeURIComponent(page.url())).toContain('note=2020-09-13:Kamerbrief');
    }));
});

describe('the baseline on the charts', () => {
  /** The departures chart's baseline line and plot area, in the chart's own pixels. */
  const departuresChart = (page: AppPage['page']) =>
    page.evaluate(() => {
      const panel = document.querySelector('[data-testid=panel-departures]')!;
      const plot = panel.querySelector('.recharts-wrapper svg defs clipPath rect')!;
      const line = panel.querySelector('.baseline-mark line')!;
      return {
        plotTop: Number(plot.getAttribute('y')),
        plotBottom: Number(plot.getAttribute('y')) + Number(plot.getAttribute('height')),
        baselineY: Number(line.getAttribute('y1')),
        label: panel.querySelector('.baseline-mark text')!.textContent,
        series: [...panel.querySelectorAll('.recharts-line-curve')].map((path) => path.getAttribute('d')),
      };
    });

  it('moves only the baseline when the window changes, and stays inside the plot when every week in view is below it', () =>
    withApp(async (app) => {
      const before = await departuresChart(app.page);
      expect(before.label).toContain('Basis Aantoonbaar vertrek');
      expect(before.baselineY).toBeGreaterThan(before.plotTop);
      expect(before.baselineY).toBeLessThan(before.plotBottom);

      await setWeek(app, 'baseline-from', '2019-W40');
      const after = await departuresChart(app.page);
      expect(after.label).not.toBe(before.label);
      expect(after.series).toEqual(before.series);

      // Weeks 14-24 of 2020: departures fell to a fraction of the baseline, which stretches the axis.
      await setWeek(app, 'range-from', '2020-W14');
      await setWeek(app, 'range-to', '2020-W24');
      const zoomed = await departuresChart(app.page);
      expect(zoomed.baselineY).toBeGreaterThanOrEqual(zoomed.plotTop);
      expect(zoomed.baselineY).toBeLessThan(zoomed.plotBottom);
    }));
});

describe('language and tables', () => {
  it('switches every label to English and back, numbers included', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=panel-inflow] h2').textContent()).resolves.toBe('Asielinstroom');
      const dutch = await page.locator('[data-testid=panel-nareis] [data-baseline-metric=nareis_open]').textContent();
      expect(dutch).toMatch(/^\d\.\d{3}$/);
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await waitUntilReady(page);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('[data-testid=panel-inflow] h2').textContent()).resolves.toBe('Asylum inflow');
      await expect(page.locator('[data-testid=panel-nareis] [data-baseline-metric=nareis_open]').textContent()).resolves.toBe(dutch!.replace('.', ','));
      await expect(page.locator('[data-testid=sample-notice]').textContent()).resolves.toMatch(/Fictional sample data/);
      expect(page.url()).toContain('lang=en');
    }));

  it('lists the exact figures of the sample, the baseline and % of it, week by week', () =>
    withApp(async ({ page }) => {
      const cells = await tableCells(page, 'departures', 'departures_total');
      expect(cells).toHaveLength(weeks.length);
      expect(cells.map((c) => Number(c.value))).toEqual(series.departures_total);
      const dublin = page.locator('[data-testid=panel-dublin]');
      await dublin.locator('[data-testid=show-table]').click();
      await waitUntilReady(page);
      const running = await dublin.locator('tr', { has: page.locator('td[data-week="2020-W37"]') }).locator('td[data-column=cumulative_dublin_transfers]').textContent();
      const since = series.dublin_transfers.slice(weeks.indexOf('2020-W27'), weeks.indexOf('2020-W37') + 1).reduce((a, b) => a + b, 0);
      expect(Number(running)).toBe(since);
    }));

  it('shows a week with no figure on either side as a dot, not as nothing', () =>
    withApp(async ({ page }) => {
      // Departures: weeks 27-28 a line; week 31 alone between empty weeks (a single weekly release).
      await upload(page, [{ name: 'vertrek_2020-09-14.csv', text: 'Week;Aantoonbaar vertrek\n2020-W27;80\n2020-W28;85\n2020-W29;\n2020-W30;\n2020-W31;90\n2020-W32;\n' }]);
      await expect(page.locator('[data-testid=panel-departures] [data-testid=isolated-point]').count()).resolves.toBe(1);
      // No weeks before the crisis: the status says the baseline has no figures, not that they are zero.
      await expect(page.locator('[data-testid=panel-departures]').textContent()).resolves.toContain('de basisperiode heeft voor dit cijfer geen cijfers');
    }));

  it('says which columns would fill a panel that has no data', () =>
    withApp(async ({ page }) => {
      await upload(page, [{ name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n' }]);
      await expect(page.locator('[data-testid=panel-departures]').textContent()).resolves.toContain('Aantoonbaar vertrek, Vertrek, waarvan gedwongen');
      expect(await page.locator('[data-testid=panel-hearings] .recharts-surface').count()).toBeGreaterThan(0);
    }));
});
