import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionGrant } from './handler-table.ts';

/**
 * The buyer session cookie, and the visit of a customer order link. `__Host-` needs
 * `Secure`, which a hub on plain-HTTP loopback or LAN cannot set, so the prefix is used
 * only over HTTPS. HttpOnly and SameSite=Lax either way.
 */
export type SessionCookie = 'buyer' | 'link';

function cookieName(request: FastifyRequest, kind: SessionCookie): string {
  const name = `trunkshow-${kind}`;
  return request.protocol === 'https' ? `__Host-${name}` : name;
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  } as const;
}

export function sessionOf(request: FastifyRequest, kind: SessionCookie = 'buyer'): string | null {
  return request.cookies[cookieName(request, kind)] || null;
}

export function setSession(
  request: FastifyRequest,
  reply: FastifyReply,
  session: SessionGrant,
  kind: SessionCookie = 'buyer',
) {
  reply.setCookie(cookieName(request, kind), session.token, {
    ...cookieOptions(request),
    expires: session.expires,
  });
}

export function clearSession(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: SessionCookie = 'buyer',
) {
  reply.clearCookie(cookieName(request, kind), cookieOptions(request));
}
