import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer/buyer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/buyer', import.meta.url));

/** Text worth compressing; pictures and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:html|js|css|svg|json|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, which
 * the hub serves to browsers that accept them (main/hub/buyer-app.ts). Compressed once
 * here at the highest settings, never per request: a phone on a slow network gets the
 * script at a third of its size and the hub spends nothing on it.
 */
function precompress(): Plugin {
  let dir = outDir;
  return {
    name: 'trunkshow:precompress',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
    },
    closeBundle() {
      for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = join(dir, name);
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

/**
 * Every page is drawn inside its frame (renderer/buyer/BuyerApp.tsx), which brings the
 * pages' styles and React's renderer, the largest script. The entry script imports it on
 * demand, so that no style sheet in the HTML holds up rendering and the page's questions
 * to the hub go out before the renderer is in; the HTML still asks for the frame, its
 * scripts and its styles at once, beside the entry, as preloads that block nothing.
 */
function preloadFrame(): Plugin {
  return {
    name: 'trunkshow:preload-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] {
        const frame = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/BuyerApp.tsx'),
        );
        if (frame?.type !== 'chunk') throw new Error('The build has no chunk for BuyerApp.tsx');
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { crossorigin: true, ...attrs },
          injectTo: 'head',
        });
        return [
          ...[frame.fileName, ...frame.imports]
            // The entry is in the HTML already.
            .filter((file) => !(bundle?.[file]?.type === 'chunk' && bundle[file].isEntry))
            .map((file) => link({ rel: 'modulepreload', href: `/${file}` })),
          ...[...(frame.viteMetadata?.importedCss ?? [])].map((file) =>
            link({ rel: 'preload', as: 'style', href: `/${file}` }),
          ),
        ];
      },
    },
  };
}

/**
 * The buyer web app the hub serves. Absolute base ('/'): the app answers nested page
 * addresses such as /s/<token>, where relative asset URLs would point below the token.
 * Nothing inline: the hub's CSP allows scripts and styles from 'self' only. Each page's
 * script and the pages' styles are their own files, fetched by the entry script
 * (renderer/buyer/main.tsx) as the page needs them.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react(), preloadFrame(), precompress()],
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
