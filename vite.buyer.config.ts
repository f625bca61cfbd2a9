import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/buyer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/buyer', import.meta.url));

/**
 * The buyer web app the hub serves. Absolute base ('/'): the app answers nested page
 * addresses such as /s/<token>, where relative asset URLs would point below the token.
 * Nothing inline: the hub's CSP allows scripts and styles from 'self' only.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline-free chunk anyway, but every browser we serve has
    // module preload; and no asset is inlined as a data: URL (fonts would break font-src).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
