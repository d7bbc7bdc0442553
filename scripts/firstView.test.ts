/** What the build ships for the sample (scripts/firstView.ts, src/app/state/sampleBuild.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSampleReads } from '../src/app/state/sampleBuild';
import { readExport } from '../src/app/state/readAndStore';
import { readExportInput } from '../src/ingest/readFile';
import { sampleBuild } from './firstView';

const dataDir = path.resolve(import.meta.dirname, '../public/data');

describe('the sample as the build ships it', () => {
  it('gives every export exactly as the readers read it at run time, bytes included', async () => {
    const { reads } = await sampleBuild(dataDir, 'build-a');
    // Another build's reads are not used: its files are read as any.
    expect(decodeSampleReads(reads, 'build-b').size).toBe(0);
    const shipped = decodeSampleReads(reads, 'build-a');
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    for (const { name } of manifest.files) {
      const bytes = readFileSync(path.join(dataDir, name));
      const read = await readExport({ name, lastModified: 0, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }, () => {}, readExportInput);
      expect(shipped.get(name), name).toEqual(read);
    }
    expect([...shipped.keys()]).toEqual(manifest.files.map((f) => f.name));
    // Bytes come through as bytes: the weekly files' packed line reports, the case-level export's rows.
    const cases = [...shipped.values()].find((read) => 'kind' in read);
    expect(cases && 'rows' in cases && cases.rows instanceof Uint8Array && cases.rows.length > 100_000).toBe(true);
    expect([...shipped.values()].some((read) => 'packedReports' in read && read.packedReports?.csv instanceof Uint8Array && read.packedReports.csv.length > 0)).toBe(true);
  }, 60_000);
});
