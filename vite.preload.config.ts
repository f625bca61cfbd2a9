import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The preload runs sandboxed, where only CommonJS and require('electron') exist; so it
 * is one self-contained CommonJS file.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: fileURLToPath(new URL('./dist/electron', import.meta.url)),
    emptyOutDir: false,
    target: 'chrome140',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { preload: fileURLToPath(new URL('./preload/electron-preload.ts', import.meta.url)) },
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true, external: ['electron'] },
});
