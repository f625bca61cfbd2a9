import { defineConfig } from 'vite';

/** The browser shell's bridge: one classic script that defines window.trunkshow before the app runs. */
export default defineConfig({
  build: {
    outDir: 'dist/shell-bridge',
    emptyOutDir: true,
    lib: {
      entry: 'preload/browser-shell.ts',
      formats: ['iife'],
      name: 'trunkshowBridge',
      fileName: () => 'bridge.js',
    },
  },
});
