/**
 * What the page's JavaScript did in a window of a trace written by scripts/traceStart.ts:
 * tsx scripts/traceProfile.ts TRACE.json FROM_MS TO_MS [thread]. Prints self and total time per
 * function (from the trace's CPU profile samples), milliseconds after navigation.
 */
import { readFileSync } from 'node:fs';

const [file, fromArg, toArg, threadArg] = process.argv.slice(2);
const from = Number(fromArg);
const to = Number(toArg);
const { traceEvents: events } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { name: string; cat: string; ph: string; ts: number; pid: number; tid: number; id?: string; args?: any }[] };

const mark = events.find((e) => e.name.startsWith('ketenmonitor:'))!;
const nav = events.find((e) => e.pid === mark.pid && e.name === 'navigationStart') ?? events.find((e) => e.name === 'navigationStart')!;
const threadNames = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
const wanted = threadArg ?? 'CrRendererMain';
const thread = [...threadNames].find(([key, name]) => key.startsWith(`${mark.pid}:`) && name === wanted)?.[0];
if (!thread) throw new Error(`no thread ${wanted}: ${[...threadNames].filter(([k]) => k.startsWith(`${mark.pid}:`)).map(([, n]) => n).join(', ')}`);

// Profile and ProfileChunk events: one profile per thread, by id.
const profiles = new Map<string, { start: number; nodes: Map<number, { id: number; parent?: number; callFrame: any }>; samples: number[]; deltas: number[] }>();
for (const e of events) {
  if (e.name === 'Profile' && `${e.pid}:${e.tid}` === thread) profiles.set(e.id!, { start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
}
for (const e of events) {
  if (e.name !== 'ProfileChunk' || !profiles.has(e.id!)) continue;
  const p = profiles.get(e.id!)!;
  const cpu = e.args.data.cpuProfile ?? {};
  for (const node of cpu.nodes ?? []) p.nodes.set(node.id, node);
  p.samples.push(...(cpu.samples ?? []));
  p.deltas.push(...(e.args.data.timeDeltas ?? []));
}
const self = new Map<string, number>();
const total = new Map<string, number>();
let count = 0;
for (const p of profiles.values()) {
  let t = p.start;
  const parents = new Map<number, number>();
  for (const node of p.nodes.values()) for (const child of (node as any).children ?? []) parents.set(child, node.id);
  for (let i = 0; i < p.samples.length; i++) {
    t += p.deltas[i];
    const at = (t - nav.ts) / 1000;
    if (at < from || at > to) continue;
    const interval = (p.deltas[i + 1] ?? 0) / 1000;
    count++;
    const name = (id: number) => {
      const frame = p.nodes.get(id)!.callFrame;
      return `${frame.functionName || '(anonymous)'} ${String(frame.url).replace(/^.*\/assets\//, '')}:${frame.lineNumber}:${frame.columnNumber}`;
    };
    let id: number | undefined = p.samples[i];
    self.set(name(id), (self.get(name(id)) ?? 0) + interval);
    const seen = new Set<string>();
    while (id !== undefined) {
      const n = name(id);
      if (!seen.has(n)) total.set(n, (total.get(n) ?? 0) + interval);
      seen.add(n);
      id = p.nodes.get(id)!.parent ?? parents.get(id);
    }
  }
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n');
console.log(`${count} samples on ${wanted} between ${from} and ${to} ms\n-- self\n${top(self, 30)}\n-- total\n${top(total, 45)}`);
