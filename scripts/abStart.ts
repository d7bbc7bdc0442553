/**
 * First visits of two builds, alternated with the bare engine page, so all three see the same
 * noise on a shared machine: tsx scripts/abStart.ts DIST_A DIST_B [runs]. Prints, per build, the
 * medians of first chart, ready and longest task as multiples of the bare SELECT 1, and the marks.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/browser/chromium';
import { bareFirstVisit, PAGE_PROBE, probeMarks } from '../bench/pageProbe';
import { BARE_CONFIG, serveBuild } from '../bench/staticHost';

const [distA, distB, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);

async function app(browser: Browser, url: string): Promise<Record<string, number>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(url);
  await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
  const probe = await probeMarks(page);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ketenmonitor:')).map((m) => [m.name.slice(13), m.startTime] as const));
  await context.close();
  return { ...Object.fromEntries(marks), ...probe };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const a = await serveBuild({ outDir: distA, port: 4611 });
const b = await serveBuild({ outDir: distB, port: 4612 });
const bareServer = await serveBuild({ configFile: BARE_CONFIG, port: 4613 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const results: Record<'A' | 'B', Record<string, number>[]> = { A: [], B: [] };
const bares: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    bares.push(await bareFirstVisit(browser, bareServer.resolvedUrls!.local[0]));
    const order = i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const);
    for (const which of order) results[which].push(await app(browser, (which === 'A' ? a : b).resolvedUrls!.local[0]));
  }
} finally {
  await browser.close();
  await Promise.all([a.close(), b.close(), bareServer.close()]);
}
const bareMedian = median(bares);
console.log(`bare SELECT 1 median ${Math.round(bareMedian)} (${bares.map(Math.round).join(' ')})`);
for (const which of ['A', 'B'] as const) {
  const rs = results[which];
  const keys = [...new Set(rs.flatMap((r) => Object.keys(r)))];
  const med = Object.fromEntries(keys.map((k) => [k, median(rs.map((r) => r[k]).filter((x) => x !== undefined))]));
  console.log(
    `${which}: firstChart ${(med.firstChart / bareMedian).toFixed(2)}x, ready ${(med.ready / bareMedian).toFixed(2)}x, longest task median ${Math.round(med.longestTask)} max ${Math.round(Math.max(...rs.map((r) => r.longestTask)))}`,
  );
  console.log('   ' + keys.filter((k) => k !== 'longestTask').sort((x, y) => med[x] - med[y]).map((k) => `${k} ${Math.round(med[k])}`).join('; '));
}
