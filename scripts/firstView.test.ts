/** What the build ships for the sample (scripts/firstView.ts, src/app/state/sampleBuild.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSampleReads, type SampleReads } from '../src/app/state/sampleBuild';
import { readExport } from '../src/app/state/readAndStore';
import { readExportInput } from '../src/ingest/readFile';
import { sampleBuild } from './firstView';

const dataDir = path.resolve(import.meta.dirname, '../public/data');

describe('the sample as the build ships it', () => {
  it('gives every weekly export exactly as the readers read it at run time, packed line reports included', async () => {
    const { reads } = await sampleBuild(dataDir);
    // Through JSON, as the page gets it.
    const shipped = decodeSampleReads(JSON.parse(JSON.stringify(reads)) as SampleReads);
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    const weekly: string[] = [];
    for (const { name } of manifest.files) {
      const bytes = readFileSync(path.join(dataDir, name));
      const read = await readExport({ name, lastModified: 0, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }, () => {}, readExportInput);
      if ('kind' in read) {
        // A case-level export is read at run time, from its bytes.
        expect(shipped.has(name)).toBe(false);
        continue;
      }
      weekly.push(name);
      expect(shipped.get(name)).toEqual(read);
    }
    expect([...shipped.keys()]).toEqual(weekly);
    // The sample has rejected lines: their packed reports come through as bytes.
    expect([...shipped.values()].some((read) => read.packedReports && read.packedReports.csv instanceof Uint8Array && read.packedReports.csv.length > 0)).toBe(true);
  }, 60_000);
});
