import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ErrorCode } from '../../preload/contract/index.ts';
import { endQuietConnectionsOnClose } from '../platform/quiet-connections.ts';
import { stringifyWithBytes } from './json-bytes.ts';
import type { Caller } from './messages.ts';
import { contentTypeOf, SHOWROOM_CONTENT_SECURITY_POLICY } from './page-policy.ts';
import type { ServiceHost } from './service-host.ts';

export interface BrowserTransportOptions {
  host: Pick<ServiceHost, 'call'>;
  /** Per-start secret: only a browser that opened the printed link may talk to the worker. */
  secret: string;
  /** dist/showroom and dist/shell-bridge. */
  showroomDir: string;
  bridgeFile: string;
  device: string;
}

const SESSION_COOKIE = 'trunkshow_shell';
const STATUS_BY_CODE: { readonly [Code in ErrorCode]: number } = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  update_required: 426,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
/**
 * The loopback HTTP transport of the browser shell. It carries calls to the worker and
 * nothing else: each route checks the session and forwards; the answers are the
 * worker's. Bound to 127.0.0.1 by its caller, and it refuses other Host headers so a
 * web page cannot reach it through DNS rebinding.
 */
export async function createBrowserTransport(
  options: BrowserTransportOptions,
): Promise<FastifyInstance> {
  // The largest call is a 50 MB video upload as base64 (about 67 MB) inside JSON.
  const app = Fastify({ logger: false, bodyLimit: 80 * 1024 * 1024 });
  await app.register(fastifyCookie);
  endQuietConnectionsOnClose(app);
  const caller: Caller = { transport: 'browser-shell', device: options.device };
  const secret = Buffer.from(options.secret);
  // Read at every request, never kept: after a rebuild (`npm run build`) while the shell
  // runs, the next reload gets the new page and bridge, whose hashed assets replace the
  // old ones on disk. Only those assets are cached by the browser.
  const indexHtml = () =>
    readFile(join(options.showroomDir, 'index.html'), 'utf8').then(withBridge);
  const bridge = () => readFile(options.bridgeFile);
  // Fail at start, not at the first page, when the build is missing.
  await Promise.all([indexHtml(), bridge()]);

  app.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(reply);
    if (!isLoopbackHost(request.headers.host)) {
      return reply.code(421).type('text/plain').send('This address only answers on 127.0.0.1.');
    }
    const key = (request.query as { key?: unknown }).key;
    if (request.method === 'GET' && request.url.startsWith('/?') && typeof key === 'string') {
      if (!matches(secret, key)) return refuse(reply);
      return reply
        .setCookie(SESSION_COOKIE, options.secret, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: false,
        })
        .redirect('/', 303);
    }
    if (!matches(secret, request.cookies[SESSION_COOKIE] ?? '')) return refuse(reply);
    if (request.method === 'POST' && request.headers['x-trunkshow-shell'] !== '1') {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: 'Refused.' } });
    }
  });

  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(await indexHtml()),
  );
  app.get('/bridge.js', async (_request, reply) =>
    reply.type(contentTypeOf('bridge.js')).send(await bridge()),
  );

  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const name = request.params['*'];
    if (!/^[\w.-]+$/.test(name)) return reply.code(404).send('Not found');
    const file = await readFile(join(options.showroomDir, 'assets', name)).catch(() => null);
    if (!file) return reply.code(404).send('Not found');
    const type = contentTypeOf(name);
    return reply
      .type(type)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(file);
  });

  app.get<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const result = await options.host.call('media.get', caller, { id: request.params.id });
    if (!result.ok) return reply.code(STATUS_BY_CODE[result.error.code]).send(result.error.message);
    const media = result.value as { contentType: string; bytes: Uint8Array };
    return reply
      .type(media.contentType)
      .header('cache-control', 'private, max-age=86400')
      .send(Buffer.from(media.bytes));
  });

  app.post<{ Params: { name: string } }>('/rpc/:name', async (request, reply) => {
    const result = await options.host.call(request.params.name, caller, request.body);
    return reply
      .code(result.ok ? 200 : STATUS_BY_CODE[result.error.code])
      .type('application/json; charset=utf-8')
      .send(stringifyWithBytes(result));
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const message =
      status === 415
        ? 'Send JSON.'
        : status < 500
          ? `The request could not be read: ${error.message}`
          : 'Something went wrong on our side. Nothing was changed.';
    return reply
      .code(status)
      .send({ ok: false, error: { code: status < 500 ? 'invalid_input' : 'internal', message } });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).type('text/plain').send('Not found'));
  return app;
}

/** The bridge defines window.trunkshow; a classic script runs before the app's module script. */
function withBridge(html: string): string {
  return html.replace('<head>', '<head>\n    <script src="/bridge.js"></script>');
}

function setSecurityHeaders(reply: FastifyReply): void {
  reply
    .header('content-security-policy', SHOWROOM_CONTENT_SECURITY_POLICY)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

function isLoopbackHost(host: string | undefined): boolean {
  return /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(host ?? '');
}

function matches(secret: Buffer, candidate: string): boolean {
  const given = Buffer.from(candidate);
  return given.length === secret.length && timingSafeEqual(given, secret);
}

function refuse(reply: FastifyReply): FastifyReply {
  return reply
    .code(401)
    .type('text/plain; charset=utf-8')
    .send(
      'Open the address Trunkshow printed when it started (npm run start:browser); it carries a key for this session.',
    );
}
