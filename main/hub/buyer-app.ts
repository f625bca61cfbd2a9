import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DTC_CHECKOUT_PATH_PREFIX } from '../domain/dtc.ts';

/**
 * The buyer web app: the Vite build in dist/buyer, served as files, with every other
 * page address (`/`, `/s/<token>`, later the customer order links) answered by its
 * index.html so the app routes in the browser. Without a build the hub still starts
 * and says how to make one.
 *
 * Every file is read from disk when asked for, index.html too, so a rebuild while the
 * hub runs is served at the next reload (its hashed assets replace the old ones). The
 * build writes a brotli and a gzip copy beside each text file (vite.buyer.config.ts):
 * a browser that accepts one gets it, with Content-Encoding and `Vary: accept-encoding`.
 * Compressing at build time rather than per request (@fastify/compress) costs the hub
 * nothing per page, compresses at brotli's highest setting, which is too slow to do
 * per request, and leaves API answers, which may concern a token, uncompressed.
 */
export interface BuyerApp {
  readonly built: boolean;
  /** Answers a GET that matched no file or route; false when it is not a page address. */
  fallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | false;
}

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trunkshow hub</title></head>
<body>
<h1>The buyer pages are not built yet</h1>
<p>The Trunkshow hub is running, but it has no buyer web app to serve.</p>
<p>Run <code>npm run build</code> (or start the hub with <code>npm run hub</code>, which builds it), then reload this page.</p>
</body>
</html>
`;

/** A page address the app routes itself: not the API, not a missing file or asset. */
export function isPageAddress(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/')) return false;
  if (path.startsWith('/assets/')) return false;
  // A share link's address, whatever it holds after /s/ (even the full stop a mail
  // program left on its end): the page moves it out of the address bar and the hub
  // answers it like any link that does not open.
  if (path.startsWith('/s/')) return true;
  // A DTC checkout link on the hub's own page (/dtc/<basket>/<hash>): only the page loads;
  // nothing is claimed until the page asks, with a POST.
  if (path.startsWith(DTC_CHECKOUT_PATH_PREFIX)) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

export async function registerBuyerApp(
  app: FastifyInstance,
  buyerAppDir: string | null,
): Promise<BuyerApp> {
  const built = buyerAppDir !== null && existsSync(join(buyerAppDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: buyerAppDir,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      // The security-headers hook sets Cache-Control for everything.
      cacheControl: false,
      preCompressed: true,
      dotfiles: 'ignore',
      redirect: false,
      schemaHide: true,
    });
  } else {
    app.get('/', { schema: { hide: true } }, (_request, reply) => notBuilt(reply));
  }

  return {
    built,
    fallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (!isPageAddress(request.url.split('?', 1)[0] ?? '')) return false;
      if (!built) return notBuilt(reply);
      return reply.code(200).sendFile('index.html');
    },
  };
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
}
