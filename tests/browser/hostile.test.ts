/**
 * Hostile files, tried in earnest in the production build: each gets its clear message, none
 * freezes or crashes the tab, and the file loaded before them keeps its figures.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserForFile, tableCells, upload, waitUntilReady, withApp } from './chromium';

const browser = browserForFile();

/** Writes `total` bytes made of `line` repeated (the last one cut), without holding them in memory. */
function writeLarge(name: string, header: string, line: string, total: number): string {
  const file = path.join(tmpdir(), name);
  const fd = openSync(file, 'w');
  const chunk = Buffer.from(line.repeat(Math.ceil(2 ** 20 / line.length)));
  let written = writeSync(fd, header);
  while (written < total) written += writeSync(fd, chunk, 0, Math.min(chunk.length, total - written));
  closeSync(fd);
  return file;
}

interface FileFacts {
  name: string;
  problem: string | null;
  loaded: number;
  rejected: number;
  text: string;
}

async function files(page: Page): Promise<Map<string, FileFacts>> {
  await page.locator('[data-testid=nav-files]').click();
  await waitUntilReady(page);
  const items = await page.locator('[data-testid=file-item]').evaluateAll((els) =>
    els.map((el) => ({
      name: el.getAttribute('data-name')!,
      problem: el.getAttribute('data-problem'),
      loaded: Number(el.getAttribute('data-rows-loaded')),
      rejected: Number(el.getAttribute('data-rows-rejected')),
      text: el.textContent ?? '',
    })),
  );
  return new Map(items.map((i) => [i.name, i]));
}

it('gives every hostile file its own clear message and keeps the good file loaded', () =>
  withApp(browser(), async ({ page }) => {
    await upload(page, [{ name: 'vertrek_2021-01-04.csv', text: 'week;Aantoonbaar vertrek\n2020-W52;77\n2020-W53;88\n' }]);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const header = ['week', ...Array.from({ length: 9_999 }, (_, i) => `kolom ${i}`)].join(';');
    const wideRow = ['2020-W01', ...Array.from({ length: 9_999 }, () => '1')].join(';');
    await upload(page, [
      { name: 'leeg.csv', text: '' },
      { name: 'alleen_kop.csv', text: 'week;Telehoren\n' },
      { name: 'plaatje.csv', bytes: png },
      { name: 'dubbel_2021-01-04.csv', text: 'week;Telehoren\n2020-W50;10\n2020-W50;12\n2020-W51;11\n' },
      { name: 'toekomst_2021-01-04.csv', text: 'week;Telehoren\n2020-W53;10\n2021-W30;12\n' },
      { name: 'formule_2021-01-04.csv', text: 'week;Telehoren;=HYPERLINK("x","klik")\n2020-W49;=HYPERLINK("x","klik");5\n2020-W48;9;6\n' },
      { name: 'tienduizend_kolommen.csv', text: `${header}\n${wideRow}\n` },
    ]);
    // The large ones go by path: a 300 MB file and a single line of 50 MB.
    const big = writeLarge('groot_2021-01-04.csv', 'week;Telehoren\n', '2020-W01;12345\n', 300 * 2 ** 20);
    const longLine = writeLarge('een_regel_2021-01-04.csv', 'week;Telehoren\n2020-W01;', '9', 50 * 2 ** 20);
    try {
      await page.locator('[data-testid=file-input]').setInputFiles([big, longLine]);
      await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitUntilReady(page, 120_000);
    } finally {
      rmSync(big);
      rmSync(longLine);
    }

    const report = await files(page);
    const expectations: Record<string, Partial<FileFacts> & { says: RegExp }> = {
      'leeg.csv': { problem: 'empty_file', says: /Het bestand is leeg/ },
      'alleen_kop.csv': { problem: 'no_data_rows', says: /kopregel maar geen gegevens/ },
      'plaatje.csv': { problem: 'binary_file', says: /geen tekstbestand/ },
      'dubbel_2021-01-04.csv': { problem: null, loaded: 2, rejected: 1, says: /staat al op regel 2, met een andere waarde/ },
      'toekomst_2021-01-04.csv': { problem: null, loaded: 1, rejected: 1, says: /begint na de exportdatum/ },
      'formule_2021-01-04.csv': { problem: null, loaded: 1, rejected: 1, says: /“=HYPERLINK\("x","klik"\)” is geen getal/ },
      'tienduizend_kolommen.csv': { problem: 'too_many_columns', loaded: 0, rejected: 1, says: /10\.000 kolommen/ },
      'groot_2021-01-04.csv': { problem: 'too_large', loaded: 0, says: /300 MB; een weekexport mag hooguit 50 MB/ },
      'een_regel_2021-01-04.csv': { problem: 'line_too_long', loaded: 0, says: /Regel 2 is 52\.428\.785 tekens lang; een regel van een weekexport is hooguit 1\.000\.000 tekens/ },
    };
    for (const [name, { says, ...facts }] of Object.entries(expectations)) {
      const item = report.get(name);
      expect(item, name).toBeDefined();
      expect(item, name).toMatchObject(facts);
      expect(item!.text, name).toMatch(says);
    }
    // The formula header became a series of its own whose name is shown as text, never run.
    const formulaPanel = page.locator('[data-testid^="panel-custom_"]');
    await page.locator('[data-testid=nav-dashboard]').click();
    await waitUntilReady(page);
    await expect(formulaPanel.locator('h2').textContent()).resolves.toBe('=HYPERLINK("x","klik")');

    const good = await tableCells(page, 'departures', 'departures_total');
    // Other files widen the range of weeks shown; the good file's two weeks are as loaded.
    expect(good.filter((c) => c.value !== '').map((c) => [c.week, c.value])).toEqual([
      ['2020-W52', '77'],
      ['2020-W53', '88'],
    ]);
  }));
