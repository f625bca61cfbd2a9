import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailText, sealMailText } from '../../../main/hub/mail/sealed-text.ts';
import { SecretBox } from '../../../main/hub/mail/secret-box.ts';
import { createHubServer } from '../../../main/hub/server.ts';
import { openStore } from '../../../main/store/database.ts';
import { classifySmtpError } from '../../../main/hub/mail/transport.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-mail-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the secret box', () => {
  it('seals so that only its key opens, and keeps the key in a 0600 file', () => {
    const file = join(dir, 'mail.key');
    const box = SecretBox.fromKeyFile(file);
    const sealed = box.seal('s3cret password');
    expect(sealed).not.toContain('s3cret');
    expect(box.seal('s3cret password')).not.toBe(sealed);
    expect(SecretBox.fromKeyFile(file).open(sealed)).toBe('s3cret password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toHaveLength(32);

    const other = SecretBox.fromKeyFile(join(dir, 'other.key'));
    expect(other.open(sealed)).toBeNull();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}=`;
    expect(box.open(tampered)).toBeNull();
    expect(box.open('garbage')).toBeNull();
  });

  it('keeps a mail text sealed in the outbox apart from a password, and other texts as they are', () => {
    const box = SecretBox.fromKeyFile(join(dir, 'mail.key'));
    const text = 'Set your password: https://hub.example/invite#token';
    const sealed = sealMailText(box, text);
    expect(sealed).not.toContain('#token');
    expect(openMailText(box, sealed)).toBe(text);
    expect(box.open(sealed.slice('sealed:'.length))).toBeNull();
    expect(openMailText(SecretBox.fromKeyFile(join(dir, 'other.key')), sealed)).toBeNull();
    expect(openMailText(box, 'Your order SO-1')).toBe('Your order SO-1');
  });

  it('refuses a damaged key file rather than making a new key over it', () => {
    const file = join(dir, 'mail.key');
    writeFileSync(file, 'short');
    expect(() => SecretBox.fromKeyFile(file)).toThrow(/damaged/);
  });
});

describe('a hub whose mail key file is damaged', () => {
  it('still starts, without mail', async () => {
    const keyFile = join(dir, 'mail.key');
    writeFileSync(keyFile, 'short');
    const store = await openStore(join(dir, 'hub.sqlite'));
    const app = await createHubServer({ store, buyerAppDir: null, mail: { keyFile } });
    try {
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/mail/settings' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('SMTP errors', () => {
  it('become codes the showroom translates, and only a 5xx rejection is final', () => {
    expect(classifySmtpError(Object.assign(new Error('535'), { code: 'EAUTH' }))).toMatchObject({
      code: 'smtp_auth_failed',
      permanent: false,
    });
    expect(classifySmtpError(Object.assign(new Error('x'), { code: 'ESOCKET' })).code).toBe(
      'smtp_unreachable',
    );
    expect(classifySmtpError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).code).toBe(
      'smtp_unreachable',
    );
    expect(classifySmtpError(Object.assign(new Error('x'), { code: 'ETLS' })).code).toBe(
      'smtp_tls_failed',
    );
    expect(
      classifySmtpError(
        Object.assign(new Error('550 no such user'), {
          code: 'EENVELOPE',
          responseCode: 550,
          permanent: true,
        }),
      ),
    ).toMatchObject({ code: 'smtp_rejected', permanent: true });
    expect(
      classifySmtpError(
        Object.assign(new Error('451 try later'), {
          code: 'EMESSAGE',
          responseCode: 451,
          permanent: false,
        }),
      ),
    ).toMatchObject({ code: 'smtp_rejected', permanent: false });
    expect(classifySmtpError('odd').code).toBe('smtp_failed');
  });
});
