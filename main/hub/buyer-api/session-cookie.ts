import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionGrant } from './handler-table.ts';

/**
 * The buyer session cookie. `__Host-` needs `Secure`, which a hub on plain-HTTP loopback
 * or LAN cannot set, so the prefix is used only over HTTPS. HttpOnly and SameSite=Lax
 * either way.
 */
function cookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? '__Host-trunkshow-buyer' : 'trunkshow-buyer';
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  } as const;
}

export function sessionOf(request: FastifyRequest): string | null {
  return request.cookies[cookieName(request)] || null;
}

export function setSession(request: FastifyRequest, reply: FastifyReply, session: SessionGrant) {
  reply.setCookie(cookieName(request), session.token, {
    ...cookieOptions(request),
    expires: session.expires,
  });
}

export function clearSession(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(cookieName(request), cookieOptions(request));
}
