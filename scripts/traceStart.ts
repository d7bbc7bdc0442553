/**
 * A Chromium trace of first visits (production build in dist/, served by vite preview):
 * tsx scripts/traceStart.ts [runs] [outDir]. Writes each trace as JSON (open in chrome://tracing
 * or the DevTools performance panel) and prints, per run, the app's start-up marks, the long
 * tasks on the page's thread with what they spent their time on, and the wasm compile on
 * DuckDB's worker.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/browser/chromium';
import { PAGE_PROBE, probeMarks } from '../bench/pageProbe';
import { serveBuild } from '../bench/staticHost';

const runs = Number(process.argv[2] ?? 3);
const outDir = process.argv[3] ?? '/tmp/ketenmonitor-traces';
const query = process.argv[4] ?? '';
const distDir = process.argv[5] ?? 'dist';
const verbose = process.env.TRACE_VERBOSE === '1';
mkdirSync(outDir, { recursive: true });

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; [key: string]: unknown };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
  'disabled-by-default-v8.cpu_profiler',
  'blink',
  'netlog',
].join(',');

const server = await serveBuild({ outDir: distDir, port: 4510 });
const url = server.resolvedUrls!.local[0] + query;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PAGE_PROBE);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => void events.push(...(message.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url);
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => `${Math.round(m.startTime)}+${Math.round(m.duration)} ${m.name}`));
    if (verbose) console.log(measures.join('\n'));
    writeFileSync(path.join(outDir, `measures-${run}.json`), JSON.stringify(await page.evaluate(() => performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, duration: m.duration })))));
    const probe = await probeMarks(page);
    await cdp.send('Tracing.end');
    await complete;
    await context.close();
    const file = path.join(outDir, `start-${run}.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    console.log(`\n=== run ${run}: ${file}`);
    console.log('probe:', Object.entries(probe).map(([k, v]) => `${k} ${Math.round(v)}`).join('; '));
    analyse(events, probe.ready);
  }
} finally {
  await browser.close();
  await server.close();
}

function analyse(events: TraceEvent[], probeReady: number) {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  // The page's main thread: the renderer thread that has our marks.
  const mark = events.find((e) => e.name.startsWith('ketenmonitor:'));
  if (!mark) throw new Error('no ketenmonitor marks in the trace');
  const pid = mark.pid;
  const main = [...threadNames].find(([key, name]) => key.startsWith(`${pid}:`) && name === 'CrRendererMain')![0];
  const nav = events.find((e) => e.pid === pid && e.name === 'navigationStart') ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav!.ts;
  const ms = (ts: number) => Math.round((ts - t0) / 1000);
  const marks = events.filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && e.name.startsWith('ketenmonitor:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b' || e.ph === 'X'));
  const seen = new Set<string>();
  console.log('marks:', marks.filter((m) => !seen.has(m.name) && seen.add(m.name)).map((m) => `${m.name.replace('ketenmonitor:', '')} ${ms(m.ts)}`).join('; '));
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > 30_000);
  for (const task of verbose ? tasks : []) {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 5_000);
    const label = (e: TraceEvent) => {
      const data = e.args?.data ?? {};
      const what = [data.functionName, data.url, data.stackTrace ? '' : undefined].filter(Boolean).join(' ');
      return `${e.name}${what ? `(${String(what).replace(/^.*\/assets\//, '')}` + (data.lineNumber ? `:${String(data.lineNumber)}` : '') + ')' : ''} ${Math.round((e.dur ?? 0) / 1000)}`;
    };
    console.log(`long task at ${ms(task.ts)} for ${Math.round(task.dur! / 1000)} ms: ${inside.slice(2, 9).map(label).join(', ')}`);
  }
  // CPU time (thread time) of each thread of the page's process, before the engine is ready and after it until ready.
  const at = (name: string) => marks.find((m) => m.name === `ketenmonitor:${name}`)?.ts;
  const engineReady = at('engine-ready')!;
  const readyAt = t0 + probeReady * 1000;
  const cpu = new Map<string, [number, number]>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.ts < t0 || e.ts > readyAt) continue;
    const name = threadNames.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
    const key = `${name}#${e.tid}`;
    const sums = cpu.get(key) ?? [0, 0];
    sums[e.ts < engineReady ? 0 : 1] += (e.tdur ?? 0) / 1000;
    cpu.set(key, sums);
  }
  console.log('CPU ms before engine-ready / after it until ready:', [...cpu].filter(([, [a, b]]) => a + b > 5).map(([k, [a, b]]) => `${k.replace(/#\d+$/, '')} ${Math.round(a)}/${Math.round(b)}`).join('; '));
  const lazy = events.filter((e) => e.pid === pid && e.name === 'wasm.CompileLazy');
  const topTier = events.filter((e) => e.pid === pid && e.name === 'wasm.TopTierCompilation');
  const sum = (es: TraceEvent[], from: number, to: number) => Math.round(es.filter((e) => e.ts >= from && e.ts < to).reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0) / 1000);
  console.log(`wasm lazy compile ${sum(lazy, t0, engineReady)}/${sum(lazy, engineReady, readyAt)} ms (${lazy.length}), top tier ${sum(topTier, t0, engineReady)}/${sum(topTier, engineReady, readyAt)} ms`);
  // How busy the page's thread was, per 200 ms.
  const busy: number[] = [];
  for (const task of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) {
    const bucket = Math.floor(ms(task.ts) / 200);
    if (bucket >= 0) busy[bucket] = (busy[bucket] ?? 0) + (task.dur ?? 0) / 1000;
  }
  if (verbose) console.log('main thread busy per 200 ms:', Array.from(busy, (b, i) => `${i * 200}:${Math.round(b ?? 0)}`).join(' '));
  // DuckDB's worker: the wasm compile and instantiation.
  const wasm = events.filter((e) => e.cat.includes('wasm') && (e.dur ?? 0) > 20_000);
  for (const e of verbose ? wasm.slice(0, 12) : []) console.log(`wasm ${e.name} on ${threadNames.get(`${e.pid}:${e.tid}`)} at ${ms(e.ts)} for ${Math.round(e.dur! / 1000)} ms`);
  const resources = events.filter((e) => e.name === 'ResourceSendRequest' && e.pid === pid);
  for (const r of verbose ? resources : []) {
    const data = r.args?.data as { url?: string; requestId?: string; priority?: string } | undefined;
    const finish = events.find((e) => e.name === 'ResourceFinish' && (e.args?.data as { requestId?: string } | undefined)?.requestId === data?.requestId);
    console.log(`request ${String(data?.url).replace(/^.*\/(assets\/)?/, '')} ${data?.priority ?? ''} ${ms(r.ts)} → ${finish ? ms(finish.ts) : '?'}`);
  }
}
