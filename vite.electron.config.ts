import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Electron's main process and the two workers it starts (services, built-in hub), as ES
 * modules for Node 24.
 * Everything is bundled except Electron itself and better-sqlite3, whose native binary
 * electron-builder unpacks beside the archive.
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
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3'] },
});
