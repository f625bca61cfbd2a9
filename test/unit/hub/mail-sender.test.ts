import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_LOOK_GAP_MS } from '../../../main/domain/mail.ts';
import { SecretBox } from '../../../main/hub/mail/secret-box.ts';
import { MailSender } from '../../../main/hub/mail/sender.ts';
import { hubDb, openStore, type Store } from '../../../main/store/database.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let store: Store;
let sender: MailSender;
/** The outbox looks the sender made: with a server set, each look claims with the clock. */
let looks: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-mail-sender-'));
  store = await openStore(':memory:');
  await hubDb(store.db)
    .insertInto('smtp_settings')
    .values({
      id: 1,
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      username: null,
      password_sealed: null,
      from_address: 'orders@nordlys-atelier.example',
      updated_at: new Date().toISOString(),
      updated_by: 'test',
    })
    .execute();
  looks = 0;
  sender = new MailSender({
    db: store.db,
    secrets: SecretBox.fromKeyFile(join(dir, 'mail.key')),
    clock: () => {
      looks++;
      return new Date();
    },
    log: { error: () => undefined, info: () => undefined },
  });
});

afterEach(async () => {
  await sender.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the mail sender told that the hub changed', () => {
  it('looks at the outbox at once after a quiet spell', async () => {
    sender.changed();
    await sender.idle();
    expect(looks).toBe(1);
  });

  it('looks at most once per gap however many changes arrive (a show floor of pushes)', async () => {
    const storm = 1_000;
    const until = performance.now() + storm;
    let changes = 0;
    while (performance.now() < until) {
      sender.changed();
      changes++;
      await sleep(2);
    }
    await sleep(MAIL_LOOK_GAP_MS + 50);
    await sender.idle();
    expect(changes).toBeGreaterThan(100);
    expect(looks).toBeGreaterThanOrEqual(2);
    expect(looks).toBeLessThanOrEqual(storm / MAIL_LOOK_GAP_MS + 2);
  });

  it('still looks at once when told a mail was enqueued here', async () => {
    sender.changed();
    await sender.idle();
    sender.wake();
    await sender.idle();
    expect(looks).toBe(2);
  });
});
