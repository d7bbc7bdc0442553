import react from '@vitejs/plugin-react';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Nothing leaves the browser: the production page may load and connect to its own origin only.
 * DuckDB-WASM needs 'wasm-unsafe-eval' and workers from self (or blob:); Recharts sets inline
 * style attributes. Build only: the dev server injects inline scripts of its own.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

/**
 * Writes .br and .gz copies beside every text asset and the wasm, for static hosts that serve
 * precompressed files (the wasm: 34 MB raw, about 7.7 MB gzip, 5.9 MB brotli). Brotli at
 * quality 9: quality 11 saves another 0.7 MB on the wasm but takes about a minute per build.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: () => {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir).filter((f) => /\.(js|wasm|css|html|json|csv|svg)$/.test(f))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      }
    },
  };
}

/**
 * The sample's first view, computed with the build (scripts/firstView.ts: the same readers,
 * store and src/metrics queries, in DuckDB-WASM under Node) and shipped as first-view.json, so a
 * first visit draws the dashboard before DuckDB is up; and its exports as read
 * (sample-reads.json, under this build's id), so no visit reads them again. Generated on every
 * build, never committed.
 */
function firstView(): Plugin {
  return {
    name: 'first-view',
    apply: 'build',
    async generateBundle() {
      // In a Node process of its own (tsx), so this config never bundles the app's sources.
      const out = mkdtempSync(path.join(tmpdir(), 'first-view-'));
      await promisify(execFile)(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'scripts/firstView.ts'), out, BUILD_ID]);
      for (const fileName of readdirSync(out)) this.emitFile({ type: 'asset', fileName, source: readFileSync(path.join(out, fileName), 'utf8') });
      rmSync(out, { recursive: true });
    },
  };
}

/** A new id for every build: figures kept in a browser by an older build are never drawn (src/app/state/queryCache.ts). */
const BUILD_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export default defineConfig({
  // Relative asset paths: the build runs from any folder of any static host.
  base: './',
  define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
  plugins: [react(), contentSecurityPolicy(), firstView(), precompress()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // dist/.vite/manifest.json: which chunks the page needs to draw its shell (the benchmark reads it).
    manifest: true,
    chunkSizeWarningLimit: 1000,
  },
});
