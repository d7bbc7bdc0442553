/**
 * Charts fit for a nota, in the production build: event labels that never overlap (on the page
 * and in the exported SVG), a chart copied as an image, the briefing's compact table copied as
 * text and HTML, and the letter's phases shaded on the briefing's charts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, waitUntilReady } from './chromium';

const withApp = chromiumForFile();

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
function collisions(boxes: Box[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) found.push([i, j]);
  return found;
}

const labelBoxes = (page: Page, panel: string) =>
  page.locator(`[data-testid=panel-${panel}] [data-testid=event-label]`).evaluateAll((els) => els.map((el) => (el as SVGGraphicsElement).getBoundingClientRect().toJSON() as Box));

describe('event labels', () => {
  it('never overlap on any chart of the dashboard, with their texts listed under the chart', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=panel-hearings] [data-testid=event-label]').first().waitFor();
      for (const panel of ['inflow', 'hearings', 'departures', 'dublin', 'nareis']) {
        const boxes = await labelBoxes(page, panel);
        // The crisis, the suspension (week 11), the restart and the first video hearings (both week 18), Dublin resuming, the UNHCR interviews.
        expect(boxes.length).toBe(6);
        expect(collisions(boxes)).toEqual([]);
      }
      const items = await page.locator('[data-testid=panel-departures] [data-testid=event-item]').allTextContents();
      expect(items).toEqual([
        '1 Asielprocedure opgeschort (week 11 2020)',
        '2 Start COVID-19-crisis (week 12 2020)',
        '3 Procedure hervat (week 18 2020)',
        '4 Eerste telehoren (week 18 2020)',
        '5 Dublinoverdrachten hervat (week 27 2020)',
        '6 IND-UNHCR video-interviews nareis (week 20 2021)',
      ]);
    }));

  it('never overlap in the exported SVG, which lists the events under the chart', () =>
    withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-hearings]');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid=download-svg]').click()]);
      const svg = (await readFile((await download.path())!)).toString('utf8');
      expect(svg).toContain('3 Procedure hervat (week 18 2020)');
      const boxes = await page.evaluate((markup) => {
        const holder = document.createElement('div');
        holder.innerHTML = markup;
        document.body.append(holder);
        const found = [...holder.querySelectorAll('[data-testid=event-label]')].map((el) => (el as SVGGraphicsElement).getBoundingClientRect().toJSON());
        holder.remove();
        return found;
      }, svg);
      expect(boxes.length).toBe(6);
      expect(collisions(boxes)).toEqual([]);
    }));
});

describe('exported images', () => {
  const svgOf = async (page: Page, panel: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=panel-${panel}] [data-testid=download-svg]`).click()]);
    return (await readFile((await download.path())!)).toString('utf8');
  };

  it('print the baseline rule that applies to the figure and the panel\'s status sentence', () =>
    withApp(async ({ page }) => {
      const departures = await svgOf(page, 'departures');
      expect(departures).toContain('ten minste');
      expect(departures).not.toContain('voorraad');
      expect(departures).toContain((await page.locator('[data-testid=panel-departures] [data-testid=baseline-status]').textContent())!.trim().split(' ').slice(0, 4).join(' '));
      const nareis = await svgOf(page, 'nareis');
      expect(nareis).toContain('Basis: de stand eind week 11 2020.');
      expect(nareis).not.toContain('ten minste');
    }));

  it('wrap the subtitle inside the image and keep legend entries apart', () =>
    withApp(async ({ page }) => {
      const svg = await svgOf(page, 'hearings');
      const layout = await page.evaluate((markup) => {
        const holder = document.createElement('div');
        holder.innerHTML = markup;
        document.body.append(holder);
        const root = holder.querySelector('svg')!;
        const width = Number(root.getAttribute('width'));
        // Texts of the image itself (not the chart inside it).
        const texts = [...root.children].filter((el) => el.tagName === 'text').map((el) => ({ box: (el as SVGGraphicsElement).getBBox(), y: Number(el.getAttribute('y')) }));
        holder.remove();
        return { width, texts: texts.map((t) => ({ x: t.box.x, y: t.box.y, width: t.box.width, height: t.box.height })) };
      }, svg);
      for (const text of layout.texts) expect(text.x + text.width).toBeLessThanOrEqual(layout.width - 8);
      const overlapping = collisions(layout.texts);
      expect(overlapping).toEqual([]);
    }));
});

describe('copying for a document', () => {
  it('puts a chart on the clipboard as a PNG image', () =>
    withApp(async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const panel = page.locator('[data-testid=panel-departures]');
      await panel.locator('[data-testid=copy-png]').click();
      await panel.getByRole('status').filter({ hasText: /Gekopieerd|lukte niet/ }).waitFor();
      await expect(panel.getByRole('status').filter({ hasText: /Gekopieerd|lukte niet/ }).textContent()).resolves.toBe('Gekopieerd');
      const image = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const blob = await item.getType('image/png');
        const bytes = new Uint8Array(await blob.arrayBuffer());
        return { types: item.types, signature: [...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''), size: blob.size };
      });
      expect(image.types).toContain('image/png');
      expect(image.signature).toBe('PNG');
      expect(image.size).toBeGreaterThan(10_000);
    }));

  it('copies the briefing\'s compact phase table as text and as an HTML table', () =>
    withApp(async ({ page }) => {
      await page.evaluate(`window.addEventListener('copy', (e) => { window.copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }; })`);
      await page.locator('[data-testid=copy-compact-table]').click();
      const copied = (await page.evaluate('window.copied')) as { text: string; html: string };
      // The sample's table opens with the app's fictional mark, then the table itself.
      const [mark, ...lines] = copied.text.split('\n');
      expect(mark).toBe('Fictieve voorbeelddata');
      expect(copied.html.startsWith('<p><strong>Fictieve voorbeelddata</strong></p><table')).toBe(true);
      const rows = lines.map((line) => line.split('\t'));
      expect(rows[0]).toEqual(['Cijfer', 'Basisperiode (week 12 2019 – 11 2020)', 'Fase 1 (week 12–17 2020)', 'Fase 2 (week 18–26 2020)', 'Fase 3 (week 27–37 2020)']);
      const departures = rows.find((r) => r[0] === 'Aantoonbaar vertrek')!;
      expect(departures.slice(1).map((c) => c.split(' ')[0])).toEqual(['140', '40', '20', '80']);
      const shape = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
      }, copied.html);
      expect(shape).toEqual(rows.slice(1));
    }, '?view=briefing'));
});

describe('the briefing\'s charts', () => {
  it('shade the letter\'s phases on every chart and name them in the legend', () =>
    withApp(async ({ page }) => {
      await waitUntilReady(page);
      const charts = page.locator('.briefing-chart');
      const count = await charts.count();
      expect(count).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < count; i++) {
        await expect(charts.nth(i).locator('.phase-band').count()).resolves.toBe(3);
        await expect(charts.nth(i).locator('.legend').textContent()).resolves.toContain('Fasen (gearceerd)');
        expect(collisions(await charts.nth(i).locator('[data-testid=event-label]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box)))).toEqual([]);
      }
    }, '?view=briefing'));
});

describe('the period brush', () => {
  it('names its two sliders in Dutch and gives each its week as the value', () =>
    withApp(async ({ page }) => {
      const from = page.getByRole('slider', { name: 'Van week', exact: true });
      const to = page.getByRole('slider', { name: 'Tot en met week', exact: true });
      await from.waitFor();
      await expect(from.getAttribute('aria-valuetext')).resolves.toBe('week 1 2020');
      await expect(to.getAttribute('aria-valuetext')).resolves.toBe('week 20 2021');
      // Moving the first by keyboard keeps the names and moves the value.
      await from.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => from.getAttribute('aria-valuetext')).toBe('week 2 2020');
      await expect(page.getByRole('slider', { name: 'Tot en met week', exact: true }).count()).resolves.toBe(1);
    }, '?from=2020-W01&to=2021-W20'));

  it('draws the first panel\'s series small over every loaded week, whatever period is chosen, with the weeks at its ends', () =>
    withApp(async ({ page }) => {
      const brush = page.locator('.range-brush');
      await brush.locator('.recharts-area-curve').waitFor();
      await expect(brush.locator('[data-testid=brush-outline-label]').textContent()).resolves.toBe('In de schuifregelaar: Totale asielinstroom');
      await expect(brush.locator('[data-testid=brush-first-week]').textContent()).resolves.toBe('week 1 2019');
      await expect(brush.locator('[data-testid=brush-last-week]').textContent()).resolves.toBe('week 52 2021');
      // One point a loaded week (the period chosen is 2020-W10 to W30), highest where the series is highest: the table, over all weeks, has the figures.
      const d = (await brush.locator('.recharts-area-curve').getAttribute('d'))!;
      const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(points.every(([x], i) => i === 0 || x > points[i - 1][0])).toBe(true);
      await page.goto(page.url().replace(/\?.*$/, ''));
      await waitUntilReady(page);
      const section = page.locator('[data-testid=panel-inflow]');
      await section.locator('[data-testid=show-table]').click();
      const values = await section.locator('td[data-metric=inflow_total]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      // 2019-W01 to 2021-W52, 2020 having 53 weeks.
      expect(values).toHaveLength(157);
      expect(points).toHaveLength(157);
      const highest = values.indexOf(Math.max(...values));
      const lowest = values.indexOf(Math.min(...values));
      const ys = points.map(([, y]) => y);
      expect(ys.indexOf(Math.min(...ys))).toBe(highest);
      expect(ys.indexOf(Math.max(...ys))).toBe(lowest);
    }, '?from=2020-W10&to=2020-W30'));
});

describe('keyboard stops in the charts', () => {
  it('each have a name: every chart by what it shows, the brush\'s sliders by what they set; the brush\'s outline is no stop', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=panel-nareis] .recharts-surface[tabindex="0"]').waitFor();
      const stops = await page.locator('.panel-grid, .range-brush').evaluateAll((roots) =>
        roots.flatMap((root) =>
          [...root.querySelectorAll<HTMLElement | SVGElement>('[tabindex]:not([tabindex="-1"]), button, a[href], input, select, textarea')].map((el) => {
            const labelledBy = el.getAttribute('aria-labelledby');
            const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') : '';
            const name = el.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ?? (labels || el.textContent) ?? '';
            return { tag: el.tagName, role: el.getAttribute('role'), name: name.trim(), brush: root.classList.contains('range-brush') };
          }),
        ),
      );
      expect(stops.filter((s) => !s.name)).toEqual([]);
      const charts = stops.filter((s) => s.tag === 'svg');
      expect(charts.map((c) => c.name.split(',')[0])).toEqual(['Grafiek: Asielinstroom', 'Grafiek: Gehoren: fysiek en telehoren', 'Grafiek: Aantoonbaar vertrek', 'Grafiek: Dublinoverdrachten', 'Grafiek: Nareis']);
      expect(stops.filter((s) => s.brush).map((s) => [s.role, s.name])).toEqual([
        ['slider', 'Van week'],
        ['slider', 'Tot en met week'],
      ]);
      // Reached by Tab, a chart is announced by its name.
      await page.locator('[data-testid=panel-departures] [data-testid=show-table]').focus();
      let focused = '';
      for (let i = 0; i < 10 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement?.tagName === 'svg' ? document.activeElement.getAttribute('aria-label') ?? '(no name)' : ''));
      }
      expect(focused).toMatch(/^Grafiek: Aantoonbaar vertrek, week 1 2019 tot en met week 52 2021/);
    }));
});

/** The time axis's tick labels (Recharts draws them in a layer of their own; the y axes' are not centred). */
const xTicks = (page: Page, scope: string) =>
  page.locator(`${scope} .recharts-cartesian-axis-tick-value[text-anchor=middle]`).allTextContents();

describe('time axes', () => {
  it('tick the same regular, meaningful intervals on every chart of the dashboard', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=panel-nareis] .recharts-cartesian-axis-tick-value').first().waitFor();
      const ticks = (panel: string) => xTicks(page, `[data-testid=panel-${panel}]`);
      // The sample's 156 weeks: one tick a year.
      expect(await ticks('departures')).toEqual(['2019', '2020', '2021']);
      for (const panel of ['inflow', 'hearings', 'dublin', 'nareis']) expect(await ticks(panel)).toEqual(await ticks('departures'));
    }));

  it('tick quarters on a range of a year and a half', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=panel-departures] .recharts-cartesian-axis-tick-value').first().waitFor();
      await expect(xTicks(page, '[data-testid=panel-departures]')).resolves.toEqual([
        'K2 2020', 'K3 2020', 'K4 2020', 'K1 2021', 'K2 2021', 'K3 2021',
      ]);
    }, '?from=2020-W10&to=2021-W30'));
});

describe('the first screen on a government laptop (1366x768)', () => {
  it('shows every panel\'s status in a row and, with the controls folded, the first chart without scrolling; folded they stay', () =>
    withApp(async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const statuses = page.locator('[data-testid=panel-status]');
      await expect(statuses.evaluateAll((els) => els.map((el) => el.getAttribute('data-metric')))).resolves.toEqual(['inflow_total', 'hearings_total', 'departures_total', 'dublin_transfers', 'nareis_open']);
      // Each says what the panel's own status says.
      const own = await page.locator('[data-testid=panel-departures] [data-testid=baseline-status]').textContent();
      await expect(statuses.nth(2).textContent()).resolves.toBe(`Aantoonbaar vertrek: ${own}`);

      await page.locator('[data-testid=controls-summary]').click();
      await page.locator('[data-testid=panel-inflow] .recharts-wrapper').waitFor();
      const bottoms = async () => ({
        statuses: await statuses.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom)),
        chart: await page.locator('[data-testid=panel-inflow] .recharts-wrapper').evaluate((el) => el.getBoundingClientRect().bottom),
        scrolled: await page.evaluate(() => window.scrollY),
      });
      const folded = await bottoms();
      expect(folded.scrolled).toBe(0);
      for (const bottom of folded.statuses) expect(bottom).toBeLessThanOrEqual(768);
      expect(folded.chart).toBeLessThanOrEqual(768);
      await expect(page.locator('[data-testid=controls-summary]').textContent()).resolves.toContain('Weergave: eerste week tot en met laatste week');

      await page.reload();
      await waitUntilReady(page);
      await expect(page.locator('details.controls-fold').evaluate((el) => (el as HTMLDetailsElement).open)).resolves.toBe(false);
    }));
});

describe('the per-panel table at half width (1366x768, two panels side by side)', () => {
  it('keeps each week on one line and the week column in view, wraps the sources without cutting them, and copies as text and HTML', () =>
    withApp(async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      // The first screen: the status row, the period summary and the first panels' titles, with the controls folded.
      await page.locator('[data-testid=controls-summary]').click();
      const first = await page.evaluate(() => {
        const top = (sel: string) => [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect());
        return { panels: top('.panel-grid > section').slice(0, 2).map((r) => [Math.round(r.x), Math.round(r.top), Math.round(r.width)]), statuses: top('[data-testid=panel-status]').map((r) => r.bottom) };
      });
      // Two panels side by side, starting on the first screen.
      expect(first.panels[1][1]).toBe(first.panels[0][1]);
      expect(first.panels[1][0]).toBeGreaterThan(first.panels[0][0] + first.panels[0][2] - 1);
      expect(first.panels[0][1]).toBeLessThan(768);
      for (const bottom of first.statuses) expect(bottom).toBeLessThanOrEqual(768);

      for (const toggle of await page.locator('.panel-grid [data-testid=show-table]').all()) await toggle.click();
      await waitUntilReady(page);
      const tables = await page.locator('.panel-grid table.weekly-table').evaluateAll((found) =>
        found.map((table) => {
          const scroller = table.closest('.table-scroll') as HTMLElement;
          const weeks = [...table.querySelectorAll('tbody th')].map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th.firstChild!);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          });
          const sources = [...table.querySelectorAll<HTMLElement>('td.provenance')];
          // Scrolled all the way: the sources column lies wholly inside the table's frame.
          scroller.scrollLeft = scroller.scrollWidth;
          const frame = scroller.getBoundingClientRect();
          const lastSource = sources[0].getBoundingClientRect();
          const weekCell = table.querySelector('tbody th')!.getBoundingClientRect();
          return {
            panel: table.closest('section')!.getAttribute('data-testid'),
            frameWidth: frame.width,
            weeksOnOneLine: weeks.every((lines) => lines === 1),
            sourcesCut: sources.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length,
            sourcesShown: sources.every((cell) => (cell.textContent ?? '').length > 0),
            sourceInside: lastSource.left >= frame.left - 1 && lastSource.right <= frame.right + 1,
            weekInView: weekCell.left >= frame.left - 1 && weekCell.left <= frame.left + 2,
          };
        }),
      );
      expect(tables).toHaveLength(5);
      for (const table of tables) {
        expect(table.frameWidth).toBeLessThan(683);
        expect(table).toMatchObject({ weeksOnOneLine: true, sourcesCut: 0, sourcesShown: true, sourceInside: true, weekInView: true });
      }

      await page.evaluate(`window.addEventListener('copy', (e) => { window.copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }; })`);
      const departures = page.locator('[data-testid=panel-departures]');
      await departures.locator('[data-testid=copy-table]').click();
      await expect.poll(() => page.evaluate('window.copied')).toBeTruthy();
      const copied = (await page.evaluate('window.copied')) as { text: string; html: string };
      const [mark, caption, header, ...rows] = copied.text.split('\n').map((line) => line.split('\t'));
      expect(mark).toEqual(['Fictieve voorbeelddata']);
      expect(caption[0]).toMatch(/^Aantoonbaar vertrek/);
      expect(header).toEqual(['Week', 'Periode', 'Aantoonbaar vertrek', 'Vertrek, waarvan gedwongen', 'Basis: Aantoonbaar vertrek', '% van basis', 'Bron']);
      // The figures as the table shows them, in Dutch notation.
      const shown = await departures.locator('td[data-metric=departures_total]').evaluateAll((tds) => tds.map((td) => td.firstChild!.textContent));
      expect(rows.map((r) => r[2])).toEqual(shown);
      expect(rows[0][6]).toMatch(/^DTV_vertrek_2022-01-07\.csv/);
      const html = await page.evaluate((markup) => {
        const doc = new DOMParser().parseFromString(markup, 'text/html');
        return [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
      }, copied.html);
      expect(html).toEqual(rows);
    }));
});

describe('axes and legend', () => {
  it('label a second axis with what it measures, and explain the baseline band in the legend', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=panel-nareis] .recharts-label').first().waitFor();
      await expect(page.locator('[data-testid=panel-nareis] .recharts-label').allTextContents()).resolves.toEqual(['Aantal per week', 'Openstaande nareisaanvragen']);
      await expect(page.locator('[data-testid=panel-dublin] .recharts-label').allTextContents()).resolves.toEqual(['Aantal per week', 'Opgeteld totaal']);
      await expect(page.locator('[data-testid=panel-departures] .legend').textContent()).resolves.toContain('Band: 10e–90e percentiel van de basisweken');
    }));
});
