/**
 * The sample's first view, computed at build time: the bundled sample is read and stored by the
 * app's own readers and store in DuckDB-WASM under Node, and the default dashboard's queries
 * (src/metrics, under the keys of src/app/state/dataQueries.ts) are answered. The app draws these
 * at once on a first visit and asks DuckDB the same queries when it is up (src/app/state/queryCache.ts).
 * The exports as read go with them (src/app/state/sampleBuild.ts): the page stores those without
 * reading the files again.
 * Run by the build (vite.config.ts): `tsx scripts/firstView.ts OUT_DIR BUILD_ID`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openTestDatabase } from '../tests/support/nodeDuckdb';
import { readExport, storeParsedExports } from '../src/app/state/readAndStore';
import { panelQueryOf, panelsOf } from '../src/app/state/panelQuery';
import type { FirstViewFigures } from '../src/app/state/queryCache';
import { encodeSampleReads, FIRST_VIEW_FILE, SAMPLE_READS_FILE, type SampleRead } from '../src/app/state/sampleBuild';
import { DEFAULT_VIEW } from '../src/app/state/viewState';
import { readExportInput } from '../src/ingest/readFile';
import { panelFigures } from '../src/metrics/panelQueries';
import { fileCount, loadedWeekRange, metricsInData } from '../src/metrics/queries';

/** What the build ships for the sample: its first view's figures, and its exports as read. */
export async function sampleBuild(dataDir = path.resolve(import.meta.dirname, '../public/data'), build = 'dev'): Promise<{ figures: FirstViewFigures; reads: string }> {
  const db = await openTestDatabase();
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
  // As the app loads the sample (workspace.ts): the manifest's order, last modified 0, not kept in the browser's storage.
  const read = await Promise.all(
    manifest.files.map(({ name }) => {
      const bytes = readFileSync(path.join(dataDir, name));
      const source = { name, lastModified: 0, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
      return readExport(source, () => {}, readExportInput);
    }),
  );
  await storeParsedExports(db, 'sample', read.map((file) => ({ file, storeKey: null, onProgress: () => {} })));

  const inData = await metricsInData(db, 'sample');
  const customLabels = new Map(inData.filter((m) => m.customLabel).map((m) => [m.metric, m.customLabel!]));
  const query = panelQueryOf('sample', DEFAULT_VIEW, panelsOf(DEFAULT_VIEW, customLabels));
  // JSON in and out, as the page will read them.
  const plain = (data: unknown) => JSON.parse(JSON.stringify(data)) as unknown;
  // One statement for both, as the app asks them (dataQueries.ts).
  const { weeks, summaries } = await panelFigures(db, query);
  const figures: FirstViewFigures = {
    build,
    queries: [
      { queryKey: ['metrics', 'sample'], data: plain(inData) },
      { queryKey: ['weekRange', 'sample'], data: plain(await loadedWeekRange(db, 'sample')) },
      { queryKey: ['panelWeeks', query], data: plain(weeks) },
      { queryKey: ['summaries', query], data: plain(summaries) },
      // The header counts the user's files: none on a first visit.
      { queryKey: ['fileCount', 'user'], data: plain(await fileCount(db, 'user')) },
    ],
  };
  // Read from bytes, never from a File: no case-level export is under way.
  const whole = read.filter((file): file is SampleRead => !('checked' in file));
  return { figures, reads: encodeSampleReads(whole, build) };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const [out, build] = process.argv.slice(2);
  if (!out || !build) throw new Error('usage: tsx scripts/firstView.ts OUT_DIR BUILD_ID');
  const { figures, reads } = await sampleBuild(undefined, build);
  writeFileSync(path.join(out, FIRST_VIEW_FILE), JSON.stringify(figures));
  writeFileSync(path.join(out, SAMPLE_READS_FILE), reads);
}
