import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Caller } from '../shell/messages.ts';
import { contentTypeOf, SHOWROOM_CONTENT_SECURITY_POLICY } from '../shell/page-policy.ts';
import type { ServiceHost } from '../shell/service-host.ts';
import { APP_SCHEME, appRequestOf } from './app-url.ts';

/** Must run before the app is ready: app:// behaves like https (secure, standard, fetchable). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built showroom and the store's pictures on app://showroom/, with the showroom's CSP. */
export function serveAppScheme(showroomDir: string, host: ServiceHost, caller: Caller): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = appRequestOf(request.url, showroomDir);
    if (target.kind === 'refused') return respond(404, 'text/plain', 'Not found');
    if (target.kind === 'media') {
      const result = await host.call('media.get', caller, { id: target.id });
      if (!result.ok) return respond(404, 'text/plain', result.error.message);
      const media = result.value as { contentType: string; bytes: Uint8Array };
      return respond(200, media.contentType, media.bytes);
    }
    const file = await readFile(target.path).catch(() => null);
    if (!file) return respond(404, 'text/plain', 'Not found');
    return respond(200, contentTypeOf(target.path), file);
  });
}

function respond(status: number, contentType: string, body: string | Uint8Array): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': SHOWROOM_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}
