import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE, tightenIfPresent } from '../../platform/private-files.ts';

/**
 * Secrets the hub must be able to use again (the SMTP password, the brand's Stripe keys), sealed with AES-256-GCM
 * under a key that lives in its own file beside the store, readable by the hub's user
 * only: a copy of the store alone (a backup, a support bundle) does not reveal them.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
/**
 * What a secret is for, bound to it when sealed: a password cannot be passed off as
 * another secret, nor a mail's text as a password.
 */
export type SecretUse =
  'smtp password' | 'mail text' | 'link token' | 'stripe secret key' | 'stripe webhook secret';
const additionalData = (use: SecretUse) => Buffer.from(`trunkshow ${use}`);

export class SecretBox {
  readonly #key: Buffer;
  private constructor(key: Buffer) {
    this.#key = key;
  }

  /**
   * The key in `file`, made on first use. Two hub processes starting together agree on one
   * key: each writes its own candidate aside and links it into place, which only the first
   * can do; a file cut short by a crash is never taken for a key.
   */
  static fromKeyFile(file: string): SecretBox {
    try {
      return new SecretBox(readKey(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const candidate = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(candidate, randomBytes(KEY_BYTES), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    try {
      linkSync(candidate, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(candidate, { force: true });
    }
    return new SecretBox(readKey(file));
  }

  seal(secret: string, use: SecretUse = 'smtp password'): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(additionalData(use));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The secret, or null when it was sealed under another key (the key file was replaced). */
  open(sealed: string, use: SecretUse = 'smtp password'): string | null {
    const [version, data] = sealed.split(':', 2);
    if (version !== VERSION || !data) return null;
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(additionalData(use));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = bytes.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

function readKey(file: string): Buffer {
  tightenIfPresent(file);
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new Error(`The mail key file ${file} is damaged: it does not hold a key.`);
  }
  return key;
}
