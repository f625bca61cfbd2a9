import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/showroom', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/showroom', import.meta.url));

/**
 * The rep's showroom. Relative base ('./'): the same build is loaded from app://showroom/
 * in Electron and from the browser shell's loopback address, and pictures are asked for
 * as relative media/<id> URLs that each shell answers.
 * Nothing inline: both shells' CSP allow scripts and styles from 'self' only.
 */
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // A data: URL for a small asset would be refused by img-src/font-src in Electron's CSP.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
