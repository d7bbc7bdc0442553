/** Writes a seeded fictional case-level export: `npm run cases -- <rows> <file>` (default 1,000,000 rows). */
import { writeFileSync } from 'node:fs';
import { largeCaseExport } from './caseExports';

const [rows = '1000000', file = 'zaken_2022-01-01.csv'] = process.argv.slice(2);
writeFileSync(file, largeCaseExport(Number(rows)));
console.log(`wrote ${Number(rows).toLocaleString('en')} cases to ${file}`);
