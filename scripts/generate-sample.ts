/** Regenerates public/data from the seeded generator: `npm run sample`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleExports } from './sampleExports';

const target = path.resolve(import.meta.dirname, '../public/data');
mkdirSync(target, { recursive: true });
const files = sampleExports();
for (const file of files) writeFileSync(path.join(target, file.name), file.bytes);
const manifest = { fictional: true, files: files.map(({ name, description }) => ({ name, description })) };
writeFileSync(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${files.length} sample exports to ${target}`);
