import { createHash, randomBytes } from 'node:crypto';

/**
 * Device credentials and link tokens: 32 bytes from the CSPRNG, base64url. The hub
 * keeps only their SHA-256, so a copy of its database grants nothing.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
