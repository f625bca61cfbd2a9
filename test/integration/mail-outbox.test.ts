import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHubLogger } from '../../main/hub/logging.ts';
import { claimDueMails, enqueueMail, type OutgoingMail } from '../../main/hub/mail/outbox.ts';
import { MAIL_KEY_FILE, startHub, type RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { createHubClient, type HubClient } from '../../main/sync/hub-client.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { smtpSettings, startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';

const SMTP_USER = 'hub@mail.example';
const SMTP_PASSWORD = 'correct-horse-battery-staple-7f3a';
const ADMIN = { email: 'admin@brand.example', password: 'admin-password-1' };
// Retries in milliseconds instead of minutes; a claim is stale after 3 s (one send takes less).
const FAST = {
  retry: { baseMs: 40, capMs: 200, maxAttempts: 40 },
  staleClaimMs: 3_000,
  pollMs: 50,
};

const hubProcess = fileURLToPath(new URL('../support/mail-hub-process.ts', import.meta.url));
const nodeBinary =
  Number(process.versions.node.split('.')[0]) >= 24
    ? process.execPath
    : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

/** Another hub process on the same store (two in one thread would block each other's locks). */
async function spawnHub(): Promise<ChildProcess> {
  const child = spawn(nodeBinary, [hubProcess, join(root, 'hub')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The hub process ended (${code})`)));
    child.stdout.once('data', () => resolve());
  });
  return child;
}

async function endHub(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let root = '';
let smtp: TestSmtpServer;
const logLines: string[] = [];
const hubs: RunningHub[] = [];
let client: HubClient;
let token = '';

function logger() {
  return createHubLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
}

async function startInProcess(): Promise<RunningHub> {
  const hub = await startHub({
    dataDir: join(root, 'hub'),
    port: 0,
    buyerAppDir: null,
    logger: logger(),
    mail: FAST,
  });
  hubs.push(hub);
  return hub;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function enqueue(hub: RunningHub, mail: OutgoingMail) {
  return hub.store.db.transaction().execute((trx) => enqueueMail(trx, mail, new Date()));
}

function outboxRow(hub: RunningHub, dedupeKey: string) {
  return hubDb(hub.store.db)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
}

const received = (subject: string) => smtp.received.filter((mail) => mail.subject === subject);

const settings = (password: string) =>
  smtpSettings(smtp, { user: SMTP_USER, password }, 'orders@brand.example');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-mail-'));
  smtp = await startSmtpServer({ user: SMTP_USER, password: SMTP_PASSWORD });
  const hub = await startInProcess();
  client = createHubClient(hub.url);
  await client.setup({ brandName: 'Mail brand', adminName: 'Ada', ...ADMIN });
  token = (await client.signIn({ ...ADMIN, deviceName: 'test' })).token;
});

afterEach(async () => {
  await client.saveMailSettings(token, settings(SMTP_PASSWORD));
});

afterAll(async () => {
  while (hubs.length > 0) await hubs.pop()!.close();
  await smtp.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the hub mail outbox', () => {
  it('sends a queued mail with its PDF once, attachment intact, even when enqueued twice', async () => {
    await client.saveMailSettings(token, settings(SMTP_PASSWORD));
    const hub = hubs[0]!;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(100 * 1024)]);
    const mail: OutgoingMail = {
      dedupeKey: 'order:o-1:placed',
      entity: 'order:o-1',
      to: ['buyer@shop.example', 'not an address'],
      cc: ['rep@brand.example'],
      subject: 'Order SO-2027-00001 placed',
      text: 'Your order is attached.',
      attachments: [
        { filename: 'SO-2027-00001.pdf', contentType: 'application/pdf', content: pdf },
      ],
    };
    expect((await enqueue(hub, mail)).enqueued).toBe(true);
    expect(await enqueue(hub, mail)).toMatchObject({ enqueued: false, reason: 'duplicate' });

    await until('the mail', () => received(mail.subject).length === 1);
    await until(
      'the outbox to say sent',
      async () => (await outboxRow(hub, mail.dedupeKey)).status === 'sent',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [arrived] = received(mail.subject);
    expect(received(mail.subject)).toHaveLength(1);
    expect(arrived!.to).toMatchObject({ value: [{ address: 'buyer@shop.example' }] });
    expect(arrived!.cc).toMatchObject({ value: [{ address: 'rep@brand.example' }] });
    expect(arrived!.from?.value[0]?.address).toBe('orders@brand.example');
    expect(arrived!.attachments).toHaveLength(1);
    expect(arrived!.attachments[0]!.filename).toBe('SO-2027-00001.pdf');
    expect(arrived!.attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.compare(arrived!.attachments[0]!.content, pdf)).toBe(0);

    const row = await outboxRow(hub, mail.dedupeKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error_code: null });
    const kept = await hubDb(hub.store.db)
      .selectFrom('mail_attachments')
      .select(['content', 'size'])
      .where('mail_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ content: null, size: pdf.byteLength });
    expect(await client.mailHistory(token, 'order:o-1')).toMatchObject([
      {
        status: 'sent',
        to: ['buyer@shop.example'],
        attachments: [{ filename: 'SO-2027-00001.pdf', size: pdf.byteLength }],
      },
    ]);
  });

  it('retries while the SMTP server is down and sends once when it is back', async () => {
    const hub = hubs[0]!;
    await smtp.stop();
    const mail = {
      dedupeKey: 'order:o-2:placed',
      entity: 'order:o-2',
      to: ['buyer@shop.example'],
      subject: 'Order SO-2027-00002 placed',
      text: 'Down and back.',
    };
    await enqueue(hub, mail);
    await until('a few failed attempts', async () => {
      const row = await outboxRow(hub, mail.dedupeKey);
      return row.attempts >= 3 && row.status === 'queued';
    });
    const waiting = await outboxRow(hub, mail.dedupeKey);
    expect(waiting).toMatchObject({ last_error_code: 'smtp_unreachable' });
    await until('the history to show the mail waiting for the server', async () => {
      const [entry] = await client.mailHistory(token, 'order:o-2');
      return entry?.status === 'queued' && entry.lastError?.code === 'smtp_unreachable';
    });

    await smtp.start();
    await until('the mail', () => received(mail.subject).length === 1);
    await until(
      'the outbox to say sent',
      async () => (await outboxRow(hub, mail.dedupeKey)).status === 'sent',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received(mail.subject)).toHaveLength(1);
  });

  it('says smtp_auth_failed for a wrong password, in the test mail, the history and Settings', async () => {
    const hub = hubs[0]!;
    await client.saveMailSettings(token, settings('wrong-password'));
    expect(await client.sendTestMail(token, 'admin@brand.example')).toMatchObject({
      sent: false,
      code: 'smtp_auth_failed',
    });
    const mail = {
      dedupeKey: 'order:o-3:placed',
      entity: 'order:o-3',
      to: ['buyer@shop.example'],
      subject: 'Order SO-2027-00003 placed',
      text: 'Wrong password first.',
    };
    await enqueue(hub, mail);
    // The history is read while it waits between attempts: the outbox retries on its own,
    // so a row read first may already be sending again by the time the history is asked.
    await until('the history to show a failed attempt, waiting', async () => {
      const [entry] = await client.mailHistory(token, 'order:o-3');
      return entry?.status === 'queued' && entry.lastError?.code === 'smtp_auth_failed';
    });
    expect((await client.mailSettings(token)).lastProblem).toMatchObject({
      code: 'smtp_auth_failed',
    });

    // As if its attempts ran out while the password was wrong: fixing it still sends it.
    await client.clearMailSettings(token);
    await until('no send under way', async () => {
      return (await outboxRow(hub, mail.dedupeKey)).status === 'queued';
    });
    await hubDb(hub.store.db)
      .updateTable('mail_outbox')
      .set({ status: 'failed' })
      .where('dedupe_key', '=', mail.dedupeKey)
      .execute();

    // The right password: the test mail goes, the failed mail follows, the problem clears.
    await client.saveMailSettings(token, settings(SMTP_PASSWORD));
    expect(await client.sendTestMail(token, 'admin@brand.example')).toEqual({ sent: true });
    await until('the mail', () => received(mail.subject).length === 1);
    expect(received('Trunkshow test email')).toHaveLength(1);
    await until(
      'the outbox to say sent',
      async () => (await outboxRow(hub, mail.dedupeKey)).status === 'sent',
    );
    expect((await client.mailSettings(token)).lastProblem).toBeNull();
  });

  it('sends each mail exactly once with three hub processes on one store', async () => {
    const hub = hubs[0]!;
    const others = await Promise.all([spawnHub(), spawnHub()]);
    try {
      const subjects = Array.from({ length: 30 }, (_, i) => `Three hubs ${i}`);
      for (const [i, subject] of subjects.entries()) {
        await enqueue(hub, {
          dedupeKey: `hubs:${i}`,
          to: ['buyer@shop.example'],
          subject,
          text: 'Once.',
        });
      }
      await until('every mail', () => subjects.every((subject) => received(subject).length >= 1));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(subjects.map((subject) => received(subject).length)).toEqual(subjects.map(() => 1));
    } finally {
      await Promise.all(others.map(endHub));
    }
  }, 30_000);

  it('sends again a mail whose sender died mid-send, once its claim is stale', async () => {
    const hub = hubs[0]!;
    // No server while the mail is claimed, so only the "dead" sender below can take it.
    await client.clearMailSettings(token);
    await enqueue(hub, {
      dedupeKey: 'order:o-5:placed',
      to: ['buyer@shop.example'],
      subject: 'Claimed by a sender that died',
      text: 'Resent once.',
    });
    const [claimed] = await claimDueMails(hub.store.db, new Date(), { limit: 1, staleMs: 3_000 });
    expect(claimed?.attempts).toBe(1);
    await client.saveMailSettings(token, settings(SMTP_PASSWORD));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received('Claimed by a sender that died')).toHaveLength(0);
    await until('the mail', () => received('Claimed by a sender that died').length === 1);
    expect(await outboxRow(hub, 'order:o-5:placed')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('answers only signed-in admins, and lists its routes in the OpenAPI document', async () => {
    const hub = hubs[0]!;
    const anonymous = await fetch(`${hub.url}/api/mail/settings`, {
      headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max) },
    });
    expect(anonymous.status).toBe(401);
    const document = (await (await fetch(`${hub.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/mail/settings', '/api/mail/test', '/api/mail/history']),
    );
  });

  it('keeps the SMTP password out of the store, every answer and every log line', async () => {
    const hub = hubs[0]!;
    const answers = [
      await client.saveMailSettings(token, settings(SMTP_PASSWORD)),
      await client.mailSettings(token),
      await client.sendTestMail(token, 'admin@brand.example'),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(SMTP_PASSWORD);
    expect(answers[0]).toMatchObject({ smtp: { passwordSet: true, user: SMTP_USER } });
    expect(await client.mailSettings(token)).not.toHaveProperty('smtp.password');

    const sealed = await hubDb(hub.store.db)
      .selectFrom('smtp_settings')
      .select('password_sealed')
      .executeTakeFirstOrThrow();
    expect(sealed.password_sealed).toMatch(/^v1:/);
    const dir = join(root, 'hub');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).includes(SMTP_PASSWORD), file).toBe(false);
    }
    expect(statSync(join(dir, MAIL_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes(SMTP_PASSWORD))).toBe(false);
    expect(logLines.some((line) => line.includes('smtp_auth_failed'))).toBe(true);
  });
});
