/**
 * A build served for measuring, as a static host serves it: vite preview, but without gzipping
 * every response on the fly. Preview's compression runs in this Node process, on the same two
 * cores as the browser being measured, and it costs the app (thirty chunks, its sample files)
 * far more than the bare engine page (one script): the app's start was measured against the
 * server's work. A static host sends files compressed ahead of time, or as they are; on the
 * loopback they go as they are, to both pages alike.
 */
import path from 'node:path';
import { preview, type Plugin, type PreviewServer } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Removes the request's Accept-Encoding before preview's compression middleware sees it. */
const noCompressionOnTheFly: Plugin = {
  name: 'no-compression-on-the-fly',
  configurePreviewServer: (server) => {
    // Added here, before preview adds its own middleware (compression first of all).
    server.middlewares.use((request, _response, next) => {
      delete request.headers['accept-encoding'];
      next();
    });
  },
};

/** Serves the build of `configFile` (the app's by default), or the build in `outDir`, on the loopback. */
export function serveBuild({ configFile = path.join(root, 'vite.config.ts'), outDir, port }: { configFile?: string; outDir?: string; port: number }): Promise<PreviewServer> {
  return preview({
    root,
    configFile,
    logLevel: 'warn',
    plugins: [noCompressionOnTheFly],
    ...(outDir ? { build: { outDir: path.resolve(outDir) } } : {}),
    preview: { host: '127.0.0.1', port, strictPort: false },
  });
}

/** The bare engine page's build (bench/vite.bare.config.ts). */
export const BARE_CONFIG = path.join(root, 'bench/vite.bare.config.ts');
