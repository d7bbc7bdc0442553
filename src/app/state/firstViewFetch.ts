/**
 * What the build computed for the bundled sample (scripts/firstView.ts), asked for by the page's
 * entry (src/main.tsx) as it starts, so it arrives while the app's code loads, not after it: the
 * first view's figures, read only when there is no user's file to show instead, and the sample's
 * exports as the readers read them (sampleBuild.ts), stored on every visit.
 */
import type { FirstViewFigures } from './queryCache';
import { BUILD_ID, decodeSampleReads, FIRST_VIEW_FILE, SAMPLE_READS_FILE, type SampleRead } from './sampleBuild';

const response = fetch(`${import.meta.env.BASE_URL}${FIRST_VIEW_FILE}`).catch(() => null);
const readsResponse = fetch(`${import.meta.env.BASE_URL}${SAMPLE_READS_FILE}`).catch(() => null);

export async function firstViewFigures(): Promise<FirstViewFigures | null> {
  const answer = await response;
  const figures = answer?.ok ? ((await answer.json()) as FirstViewFigures) : null;
  // Another build's (a cache that kept an old file beside the new code): DuckDB answers as without them.
  return figures?.build === BUILD_ID ? figures : null;
}

let reads: Promise<Map<string, SampleRead>> | null = null;

/** The sample's reads by file name; none without them (the dev server, a host that lost the file, another build's): then its files are read as any. */
export function sampleReads(): Promise<Map<string, SampleRead>> {
  reads ??= readsResponse
    .then(async (answer) => (answer?.ok ? decodeSampleReads(await answer.text(), BUILD_ID) : new Map<string, SampleRead>()))
    .catch(() => new Map<string, SampleRead>());
  return reads;
}
