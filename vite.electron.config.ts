import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Electron's main process and the two workers it starts (services, built-in hub), as ES
 * modules for Node 24.
 * Everything is bundled except Electron itself, better-sqlite3, whose native binary
 * electron-builder unpacks beside the archive, and pdfkit.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: entry('./dist/electron'),
    emptyOutDir: false,
    target: 'node24',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        main: entry('./main/electron/main.ts'),
        'service-worker': entry('./main/shell/service-worker.ts'),
        'embedded-hub': entry('./main/hub/embedded-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  // pdfkit loads its standard fonts' metrics with a require relative to its own files at run
  // time, which a bundle cannot follow; electron-builder.yml unpacks it beside the worker.
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3', 'pdfkit'] },
});
