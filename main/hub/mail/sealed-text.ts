import type { SecretBox } from './secret-box.ts';

/**
 * A mail's text that carries a secret (an invitation's one-time link) is kept in the
 * outbox sealed under the hub's mail key, so the store holds no raw token (a copy of it
 * alone grants nothing); the sender opens it just before the mail goes out.
 */
const PREFIX = 'sealed:';

export function sealMailText(secrets: SecretBox, text: string): string {
  return PREFIX + secrets.seal(text, 'mail text');
}

/** The text to send; null when it was sealed under a key the hub no longer has. */
export function openMailText(secrets: SecretBox, stored: string): string | null {
  return stored.startsWith(PREFIX)
    ? secrets.open(stored.slice(PREFIX.length), 'mail text')
    : stored;
}
