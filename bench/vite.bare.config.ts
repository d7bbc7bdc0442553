import path from 'node:path';
import { defineConfig } from 'vite';

/** Builds the bare engine page into bench/dist-bare, with the same DuckDB bundle as the app. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'bare'),
  base: './',
  logLevel: 'warn',
  build: { outDir: path.resolve(import.meta.dirname, 'dist-bare'), emptyOutDir: true, target: 'es2022' },
});
