import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/browser/chromium';
import { PAGE_PROBE, probeMarks } from '../bench/pageProbe';
import { serveBuild } from '../bench/staticHost';
const server = await serveBuild({ outDir: process.argv[2], port: 4681 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
for (let i = 0; i < Number(process.argv[3] ?? 5); i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.addInitScript(() => { (window as any).lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(server.resolvedUrls!.local[0]);
  await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
  const p = await probeMarks(page);
  const lt = await page.evaluate(() => (window as any).lt);
  console.log(`shell ${Math.round(p.shell)} c1 ${Math.round(p['charts=1'])} c2 ${Math.round(p['charts=2'])} c3 ${Math.round(p['charts=3'])} c4 ${Math.round(p['charts=4'])} c5 ${Math.round(p['charts=5'])} brush ${Math.round(p.brush)} | ` + lt.filter(([, d]: number[]) => d > 60).map(([s, d]: number[]) => `${s}+${d}`).join(' '));
  await context.close();
}
await browser.close(); await server.close();
