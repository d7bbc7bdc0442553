/**
 * The week charts, in the production build: the tooltip (made at the first pointer or focus) and the
 * keyboard walk every week, with a dot on each series there; and a series of forty years is drawn through fewer points than weeks
 * without losing a week's peak, a gap or a week that stands alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIsoWeeks, formatIsoWeek } from '../../src/domain/isoWeek';
import { generateSeries } from '../../scripts/sampleSeries';
import { chromiumForFile, upload } from './chromium';

const withApp = chromiumForFile();
const nl = (n: number) => n.toLocaleString('nl-NL');

/** The drawn line of a series: its stretches (each starts with M) and their points. */
async function drawnLine(page: Page, panel: string, color: string) {
  const d = (await page.locator(`[data-testid=panel-${panel}] .recharts-line-curve[stroke="${color}"]`).getAttribute('d'))!;
  const stretches = d.split('M').filter(Boolean);
  const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { stretches, points };
}

/** The left axis's pixel height of a value, from its tick labels (Dutch numbers; Recharts draws them in a layer of their own). */
async function leftAxis(page: Page, panel: string) {
  const ticks = await page
    .locator(`[data-testid=panel-${panel}] .recharts-cartesian-axis-tick-value[text-anchor=end]`)
    .evaluateAll((els) => els.map((el) => ({ value: Number(el.textContent!.replace(/\./g, '')), y: Number(el.getAttribute('y')) })));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  return { top: high.value, yOf: (v: number) => low.y + ((v - low.value) / (high.value - low.value)) * (high.y - low.y) };
}

describe('the tooltip of a week chart', () => {
  it('walks the weeks by keyboard, naming each week and its figures, with a dot on each series', () =>
    withApp(async ({ page }) => {
      const chart = page.locator('[data-testid=panel-departures] .recharts-surface[tabindex="0"]');
      await chart.waitFor();
      await chart.focus();
      const tooltip = page.locator('[data-testid=panel-departures] .chart-tooltip');
      const title = () => tooltip.locator('strong').textContent();
      const departures = generateSeries().departures_total;
      // Focused, the chart is at the first week; each arrow steps one week.
      await page.keyboard.press('ArrowRight');
      await expect.poll(title).toMatch(/^week 2 2019,/);
      await expect(tooltip.textContent()).resolves.toContain(`Aantoonbaar vertrek: ${nl(departures[1])}`);
      await expect(page.locator('[data-testid=panel-departures] .recharts-active-dot').count()).resolves.toBe(2);
      await page.keyboard.press('ArrowRight');
      await expect.poll(title).toMatch(/^week 3 2019,/);
      await expect(tooltip.textContent()).resolves.toContain(`Aantoonbaar vertrek: ${nl(departures[2])}`);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(title).toMatch(/^week 2 2019,/);
    }));

  it('shows at the first pointer move over a chart never pointed at before (the tooltip is made then)', () =>
    withApp(async ({ page }) => {
      const wrapper = page.locator('[data-testid=panel-departures] .recharts-wrapper');
      await page.locator('[data-testid=app-status][data-state=ready]').waitFor();
      await expect(page.locator('[data-testid=panel-departures] .recharts-tooltip-wrapper').count()).resolves.toBe(0);
      await wrapper.scrollIntoViewIfNeeded();
      const box = (await wrapper.boundingBox())!;
      // One move, straight to the middle: no second event to help it along.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tooltip = page.locator('[data-testid=panel-departures] .chart-tooltip');
      await tooltip.waitFor({ timeout: 5_000 });
      await expect(tooltip.textContent()).resolves.toMatch(/^week \d+ \d{4},.*Aantoonbaar vertrek: [\d.]+/);
    }));
});

describe('a series of forty years', () => {
  const count = 2_000;
  const weeks = Array.from({ length: count }, (_, i) => formatIsoWeek(addIsoWeeks({ year: 2021, week: 52 }, i - count + 1)));
  const values: (number | null)[] = weeks.map((_, i) => 100 + ((i * 37) % 90));
  const peak = 1_234;
  values[peak] = 5_000;
  // A gap of ten weeks with one week alone in it.
  for (let i = 1_500; i < 1_510; i++) values[i] = i === 1_505 ? 300 : null;
  const csv = ['Week;Aantoonbaar vertrek', ...weeks.map((w, i) => `${w};${values[i] ?? ''}`)].join('\n');

  it('is drawn through fewer points than weeks, keeping the peak week, the gap and the week alone in it', () =>
    withApp(async ({ page }) => {
      await upload(page, [{ name: 'vertrek_2022-01-10.csv', text: csv }]);
      const { stretches, points } = await drawnLine(page, 'departures', '#0072B2');
      expect(points.length).toBeLessThan(count);
      // Before the gap, the week alone (a closed point), after the gap.
      expect(stretches).toHaveLength(3);
      expect(stretches[1]).toMatch(/^[\d.]+,[\d.]+Z$/);
      await expect(page.locator('[data-testid=panel-departures] [data-testid=isolated-point]').count()).resolves.toBe(1);
      // The highest point drawn is the peak's figure, exactly where the axis puts 5.000.
      const axis = await leftAxis(page, 'departures');
      expect(axis.top).toBeGreaterThanOrEqual(5_000);
      const highest = Math.min(...points.map(([, y]) => y));
      expect(highest).toBeCloseTo(axis.yOf(5_000), 1);
      // And the lowest week of the series (100, the first) is drawn too.
      expect(Math.max(...points.map(([, y]) => y))).toBeCloseTo(axis.yOf(100), 1);
      // Pointed at (a pixel holds four weeks here), a week shows its own figure in the tooltip.
      const [x] = points.find(([, y]) => y === highest)!;
      const wrapper = page.locator('[data-testid=panel-departures] .recharts-wrapper');
      await wrapper.scrollIntoViewIfNeeded();
      const box = (await wrapper.boundingBox())!;
      await page.mouse.move(box.x + x, box.y + 100, { steps: 3 });
      const tooltip = page.locator('[data-testid=panel-departures] .chart-tooltip');
      await expect.poll(() => tooltip.textContent({ timeout: 1_000 }).catch(() => '')).toMatch(/^week \d+ \d{4},/);
      const [, week, year] = (await tooltip.textContent())!.match(/^week (\d+) (\d{4}),/)!;
      const pointed = weeks.indexOf(`${year}-W${week.padStart(2, '0')}`);
      expect(Math.abs(pointed - peak)).toBeLessThan(8);
      await expect(tooltip.textContent()).resolves.toContain(`Aantoonbaar vertrek: ${nl(values[pointed]!)}`);
    }));
});
