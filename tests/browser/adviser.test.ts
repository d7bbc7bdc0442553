/**
 * The backlog view for an adviser, in the production build: when the backlog is back at its
 * pre-COVID level at this pace (marked on the projection), three titled charts on one time axis,
 * a labelled wait axis, and the count past the decision period beside the other facts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, waitUntilReady } from './chromium';


const withApp = chromiumForFile('?view=backlog&bsource=cases');

async function cells(page: Page, metric: string): Promise<[string, number | null][]> {
  const panel = page.locator('[data-testid=panel-backlog]');
  const toggle = panel.locator('[data-testid=show-table]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await waitUntilReady(page);
  const found = await panel.locator(`td[data-metric="${metric}"]`).evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-week')!, td.getAttribute('data-value')!] as [string, string]));
  return found.map(([week, value]) => [week, value === '' ? null : Number(value)]);
}

describe('the backlog for an adviser', () => {
  it('says when, at the current pace, the backlog is back at its pre-COVID level, as the projection has it, and marks it', () =>
    withApp(async ({ page }) => {
      const answer = page.locator('[data-testid=back-at-level]');
      // Enough extra decisions to get back within the projection.
      await page.locator('[data-testid=extra-decisions]').fill('400');
      await waitUntilReady(page);
      await expect.poll(() => answer.getAttribute('data-week')).not.toBe('');
      const week = (await answer.getAttribute('data-week'))!;
      const target = Number(await answer.getAttribute('data-target'));
      const [year, number] = week.split('-W');
      await expect(answer.textContent()).resolves.toBe(`In dit scenario terug op het niveau van vóór de COVID-19-crisis in week ${Number(number)} ${year}.`);
      await expect(page.locator('[data-testid=panel-backlog] [data-testid=event-item]').first().textContent()).resolves.toBe(`1 Terug op niveau vóór COVID-19-crisis (week ${Number(number)} ${year})`);
      await expect(page.locator('[data-testid=panel-backlog] [data-testid=event-label]').count()).resolves.toBe(1);
      const projected = (await cells(page, 'projection_open')).filter(([, v]) => v !== null);
      const first = projected.findIndex(([, v]) => v! <= target);
      expect(projected[first][0]).toBe(week);
    }));

  it('says "niet binnen N weken" when the projection does not get there', () =>
    withApp(async ({ page }) => {
      const answer = page.locator('[data-testid=back-at-level]');
      await page.locator('[data-testid=extra-decisions]').fill('-50');
      await waitUntilReady(page);
      await expect.poll(() => answer.textContent()).toBe('In dit scenario niet binnen 26 weken terug op het niveau van vóór de COVID-19-crisis.');
      await expect(answer.getAttribute('data-week')).resolves.toBe('');
    }));

  it('names the baseline window instead of the crisis when the window lies after it', () =>
    withApp(async ({ page }) => {
      const answer = page.locator('[data-testid=back-at-level]');
      await page.locator('[data-testid=extra-decisions]').fill('-50');
      await waitUntilReady(page);
      await expect.poll(() => answer.textContent()).toMatch(/^In dit scenario niet binnen 26 weken terug op het niveau van week 27 2020 t\/m week 37 2020\.$/);
      await expect(answer.textContent()).resolves.not.toMatch(/COVID/);
      // So do the wait, the target's field, the solver's answer and the chart's baseline label.
      await expect(page.locator('[data-testid=wait-now]').textContent()).resolves.toMatch(/^[\d,]+ weken \(week 27 2020 t\/m week 37 2020: [\d,]+\)$/);
      await expect(page.getByLabel('Voorraad om te bereiken (leeg: het niveau van week 27 2020 t/m week 37 2020)', { exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('[data-testid=required-decisions-per-week]').textContent()).resolves.toContain('openstaande zaken te komen (het niveau van week 27 2020 t/m week 37 2020) zijn gemiddeld');
      await expect(page.locator('[data-testid=panel-backlog]').textContent()).resolves.not.toMatch(/COVID/);
    }, '?view=backlog&bsource=cases&bfrom=2020-W27&bto=2020-W37'));

  it('names the crisis for a window before it, in the wait, the target\'s field and the solver\'s answer', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=wait-now]').textContent()).resolves.toMatch(/^[\d,]+ weken \(vóór de COVID-19-crisis: [\d,]+\)$/);
      await expect(page.getByLabel('Voorraad om te bereiken (leeg: het niveau van vóór de COVID-19-crisis)', { exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('[data-testid=required-decisions-per-week]').textContent()).resolves.toContain('openstaande zaken te komen (het niveau van vóór de COVID-19-crisis) zijn gemiddeld');
    }));

  it('gives its three charts titles and one time axis, labels the wait axis, and shows the count past the decision period', () =>
    withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-backlog]');
      await panel.locator('.recharts-wrapper').nth(2).waitFor();
      await expect(panel.locator('h3.chart-title').allTextContents()).resolves.toEqual(['Openstaande zaken, met projectie', 'Aanvragen en besluiten per week, en de geschatte wachttijd', 'Openstaande zaken naar leeftijd']);
      // The time axis's tick labels per chart (the y axes' are not centred).
      const ticks = await panel.locator('.recharts-wrapper').evaluateAll((charts) => charts.map((chart) => [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value[text-anchor=middle]')].map((t) => t.textContent)));
      expect(ticks).toHaveLength(3);
      expect(ticks[0].length).toBeGreaterThan(1);
      expect(ticks[1]).toEqual(ticks[0]);
      expect(ticks[2]).toEqual(ticks[0]);
      // And line up: each chart's time axis spans the same pixels.
      const spans = await panel.locator('.recharts-wrapper').evaluateAll((charts) =>
        charts.map((chart) => {
          const labels = [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value[text-anchor=middle]')].map((t) => Math.round(t.getBoundingClientRect().x + t.getBoundingClientRect().width / 2));
          return [labels[0], labels[labels.length - 1]];
        }),
      );
      expect(spans[1]).toEqual(spans[0]);
      expect(spans[2]).toEqual(spans[0]);
      await expect(panel.locator('.recharts-label').allTextContents()).resolves.toEqual(expect.arrayContaining(['Geschatte wachttijd (weken)', 'Aantal per week']));
      const shown = Number(await page.locator('[data-testid=past-term]').getAttribute('data-value'));
      const table = (await cells(page, 'open_past_term')).filter(([, v]) => v !== null);
      expect(shown).toBe(table[table.length - 1][1]);
      await expect(page.locator('[data-testid=past-term]').textContent()).resolves.toBe(new Intl.NumberFormat('nl-NL').format(shown));
      expect(table.some(([, v]) => v! > 0)).toBe(true);
    }));
});
