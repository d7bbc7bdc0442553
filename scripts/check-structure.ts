/**
 * The house rules of src/, checked on every test run: which folder may import which
 * (docs/architecture.md), no import circles, and no view importing another view.
 * Reads the imports as written; type-only imports count too, since they tie the code as much.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

/** Folder → folders it may import (besides itself). Order matters for lookup: longest prefix first. */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  ingest: ['domain'],
  db: ['domain'],
  metrics: ['domain', 'db'],
  i18n: ['domain'],
  export: ['domain'],
  charts: ['domain', 'i18n', 'export'],
  'app/state': ['domain', 'ingest', 'db', 'metrics', 'i18n', 'export', 'charts'],
  'app/components': ['domain', 'ingest', 'db', 'metrics', 'i18n', 'export', 'charts', 'app/state'],
  'app/views': ['domain', 'ingest', 'db', 'metrics', 'i18n', 'export', 'charts', 'app/state', 'app/components'],
  app: ['domain', 'ingest', 'db', 'metrics', 'i18n', 'export', 'charts', 'app/state', 'app/components', 'app/views'],
  '.': ['domain', 'ingest', 'db', 'metrics', 'i18n', 'export', 'charts', 'app', 'app/state', 'app/components', 'app/views'],
};

function folderOf(file: string): string {
  const rel = relative(SRC, dirname(file)).replaceAll('\\', '/') || '.';
  const known = Object.keys(MAY_IMPORT).sort((a, b) => b.length - a.length);
  const hit = known.find((f) => rel === f || rel.startsWith(f + '/'));
  if (!hit) throw new Error(`${relative(SRC, file)}: folder "${rel}" has no rule in scripts/check-structure.ts`);
  return hit;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const ext of ['', '.ts', '.tsx', '/index.ts']) {
    try {
      if (statSync(base + ext).isFile()) return base + ext;
    } catch {
      /* try the next spelling */
    }
  }
  return null;
}

const files = sourceFiles(SRC);
const imports = new Map<string, string[]>();
const problems: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolveImport(file, match[1]);
    if (!target || !target.startsWith(SRC) || !/\.(ts|tsx)$/.test(target)) continue;
    targets.push(target);
    const [from, to] = [folderOf(file), folderOf(target)];
    const name = (f: string) => relative(SRC, f);
    if (from !== to && !MAY_IMPORT[from].includes(to)) problems.push(`${name(file)} imports ${name(target)}: ${from} may not import ${to}`);
    if (from === 'app/views' && to === 'app/views' && !text.includes(`lazy(() => import('${match[1]}`))
      problems.push(`${name(file)} imports ${name(target)}: a view never imports another view`);
  }
  imports.set(file, targets);
}

// Circles: a depth-first walk that reports each back edge's loop once.
const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];
function visit(file: string) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of imports.get(file) ?? []) {
    if (state.get(next) === 'open') {
      const loop = stack.slice(stack.indexOf(next)).concat(next).map((f) => relative(SRC, f));
      problems.push(`import circle: ${loop.join(' -> ')}`);
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);

if (problems.length) {
  console.error(`Structure check: ${problems.length} problem(s)\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log(`Structure check: ${files.length} files, folders import as docs/architecture.md says, no circles`);
