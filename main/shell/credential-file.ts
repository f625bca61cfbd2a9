import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CredentialVault } from '../services/session.ts';

/**
 * The device credential in a file only this user may read: for the browser shell, and
 * for Electron where the OS offers no keychain to encrypt with (safeStorage
 * unavailable). Encrypted contents are passed through as they are.
 */
export function credentialFile(
  file: string,
  codec: { encode(token: string): Buffer; decode(stored: Buffer): string } = {
    encode: (token) => Buffer.from(token, 'utf8'),
    decode: (stored) => stored.toString('utf8').trim(),
  },
): CredentialVault {
  return {
    async load() {
      try {
        return codec.decode(await readFile(file));
      } catch {
        return null;
      }
    },
    async save(token) {
      // Written beside, flushed, then renamed over: a crash leaves the old or the new
      // credential, never half of one.
      await mkdir(dirname(file), { recursive: true });
      const next = `${file}.next`;
      await writeFile(next, codec.encode(token), { mode: 0o600, flush: true });
      await chmod(next, 0o600);
      await rename(next, file);
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}
