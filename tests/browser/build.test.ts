/** What the production build ships: one DuckDB bundle, no reference to a CDN. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const assets = path.resolve(import.meta.dirname, '../../dist/assets');
const files = readdirSync(assets);

describe('the production build', () => {
  it('ships precompressed copies of the wasm and the scripts that decompress to the same bytes', () => {
    for (const file of files.filter((f) => f.endsWith('.wasm') || /^index-.*\.js$/.test(f))) {
      const original = readFileSync(path.join(assets, file));
      expect(Buffer.compare(gunzipSync(readFileSync(path.join(assets, `${file}.gz`))), original), file).toBe(0);
      expect(Buffer.compare(brotliDecompressSync(readFileSync(path.join(assets, `${file}.br`))), original), file).toBe(0);
    }
  });

  it('ships only the DuckDB bundle it uses (eh), with its worker', () => {
    expect(files.filter((f) => f.endsWith('.wasm')).map((f) => f.replace(/-[\w-]{8}\.wasm$/, '.wasm'))).toEqual(['duckdb-eh.wasm']);
    expect(files.filter((f) => f.startsWith('duckdb-browser-') && f.endsWith('.js')).map((f) => f.replace(/-[\w-]{8}\.js$/, '.js'))).toEqual(['duckdb-browser-eh.worker.js']);
  });

  it('carries a Content-Security-Policy that allows only its own origin, and no eval', () => {
    const html = readFileSync(path.resolve(assets, '../index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('loads its scripts from its own folder', () => {
    const html = readFileSync(path.resolve(assets, '../index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
