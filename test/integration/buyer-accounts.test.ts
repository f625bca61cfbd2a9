import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { applyPublicAddress } from '../../main/hub/public-address.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { createHubClient, type HubClient } from '../../main/sync/hub-client.ts';
import {
  FAST_MAIL,
  smtpSettings,
  startSmtpServer,
  type TestSmtpServer,
} from '../support/smtp-server.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * Buyer user accounts for a real brand: an admin invites a person by email through the
 * hub's mail (a real SMTP server here), the person sets a password with the mail's link,
 * once, and logs in with "Login with User Account"; expired, revoked and used links do
 * not work; removing the person ends their access.
 */
const ADMIN = 'maja@nordlys-atelier.example';
const REP = 'jonas@nordlys-atelier.example';
const SMTP = { user: 'hub@mail.example', password: 'invite-mail-password-7d1' };
const PASSWORD = 'a good long password';

let root = '';
let smtp: TestSmtpServer;
let hub: RunningHub;
let client: HubClient;
let admin = '';
let buyerId = '';
let aheadMs = 0;

async function until<T>(what: string, find: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((group) =>
    group.value.map((entry) => entry.address),
  );

/** The token of the newest invitation link mailed to `email`, after `count` earlier mails to it. */
async function linkMailedTo(email: string, count = 0) {
  const mail = await until(`the invitation to ${email}`, () => {
    const mails = smtp.received.filter((m) => recipients(m).includes(email));
    return mails.length > count ? mails[mails.length - 1] : undefined;
  });
  const link = /(\S+)\/invite#([\w-]+)/.exec(mail.text ?? '');
  expect(link, 'the mail carries an invitation link').not.toBeNull();
  return { mail, origin: link![1]!, token: link![2]! };
}

async function post(path: string, body: unknown, cookie = '') {
  const response = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!,
  };
}

const selections = (cookie: string) =>
  fetch(`${hub.url}/api/buyer/selections`, { headers: { cookie } }).then((r) => r.status);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-buyer-accounts-'));
  smtp = await startSmtpServer(SMTP);
  hub = await startTestHub({
    dataDir: join(root, 'hub'),
    port: 0,
    demo: 20,
    buyerAppDir: null,
    mail: FAST_MAIL,
    clock: () => new Date(Date.now() + aheadMs),
  });
  client = createHubClient(hub.url);
  admin = (await client.signIn({ email: ADMIN, password: DEMO_PASSWORD, deviceName: 'test' }))
    .token;
  await client.saveMailSettings(admin, smtpSettings(smtp, SMTP, 'orders@nordlys.example'));
  await applyPublicAddress(hub.store.db, hub.url, new Date());
  buyerId = (
    await hubDb(hub.store.db)
      .selectFrom('buyers')
      .select('id')
      .where('language', '=', 'en')
      .orderBy('name')
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await smtp?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('inviting a person to a buyer', () => {
  it('mails a one-time link; the password set with it logs in, once', async () => {
    const email = 'ines@boutique.example';
    const invited = await client.invitePerson(admin, { buyerId, name: 'Ines Duarte', email });
    expect(invited.outcome).toBe('invited');
    expect(invited.people.invitations).toEqual([
      expect.objectContaining({ name: 'Ines Duarte', email, state: 'pending' }),
    ]);
    const { mail, origin, token } = await linkMailedTo(email);
    expect(origin).toBe(hub.url);
    expect(mail.text).toContain('Login with User Account');
    // The store keeps the token's hash, and the mail's text only sealed.
    const stored = await Promise.all([
      hubDb(hub.store.db).selectFrom('buyer_invitations').selectAll().execute(),
      hubDb(hub.store.db).selectFrom('mail_outbox').selectAll().execute(),
    ]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const shown = await post('/api/buyer/invitation', { token });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ name: 'Ines Duarte', email, invitedBy: 'Maja Lindqvist' });

    const accepted = await post('/api/buyer/invitation/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(await selections(accepted.cookie)).toBe(200);

    const again = await post('/api/buyer/invitation/accept', { token, password: PASSWORD });
    expect(again.status).toBe(404);
    expect((again.body.error as { code: string }).code).toBe('link_expired');
    expect((await post('/api/buyer/invitation', { token })).status).toBe(404);

    const signedIn = await post('/api/buyer/sign-in', { email, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(await selections(signedIn.cookie)).toBe(200);

    const people = await client.buyerPeople(admin, buyerId);
    expect(people.members.map((m) => m.email)).toContain(email);
    expect(people.invitations).toEqual([]);

    // Removing the person ends their access, sessions included.
    const member = people.members.find((m) => m.email === email)!;
    const after = await client.removePerson(admin, buyerId, member.userId);
    expect(after.members.map((m) => m.email)).not.toContain(email);
    expect(await selections(signedIn.cookie)).toBe(401);
    expect(await selections(accepted.cookie)).toBe(401);
  });

  it('does not work after 7 days, nor once revoked; a resend makes a new link', async () => {
    const email = 'late@boutique.example';
    await client.invitePerson(admin, { buyerId, name: 'Late Person', email });
    const first = await linkMailedTo(email);
    aheadMs = 7 * 86_400_000;
    try {
      const late = await post('/api/buyer/invitation/accept', {
        token: first.token,
        password: PASSWORD,
      });
      expect(late.status).toBe(404);
      const listed = await client.buyerPeople(admin, buyerId);
      const invitation = listed.invitations.find((i) => i.email === email)!;
      expect(invitation.state).toBe('expired');

      await client.resendInvitation(admin, invitation.id);
      const second = await linkMailedTo(email, 1);
      expect(second.token).not.toBe(first.token);
      expect((await post('/api/buyer/invitation', { token: first.token })).status).toBe(404);
      expect((await post('/api/buyer/invitation', { token: second.token })).status).toBe(200);

      await client.revokeInvitation(admin, invitation.id);
      const revoked = await post('/api/buyer/invitation/accept', {
        token: second.token,
        password: PASSWORD,
      });
      expect(revoked.status).toBe(404);
      expect(revoked.body.error).toMatchObject({ code: 'link_expired' });
    } finally {
      aheadMs = 0;
    }
  });

  it('gives an existing account the membership and tells it, without a new password', async () => {
    const email = 'ines@boutique.example';
    const added = await client.invitePerson(admin, { buyerId, name: 'Ines D.', email });
    expect(added.outcome).toBe('added');
    expect(added.people.members.map((m) => m.email)).toContain(email);
    const mail = await until('the access mail', () =>
      smtp.received.find((m) => recipients(m).includes(email) && /access/.test(m.subject ?? '')),
    );
    expect(mail.text).not.toContain('/invite#');
    expect((await post('/api/buyer/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it("lets a rep manage only their own buyers' people", async () => {
    const rep = (await client.signIn({ email: REP, password: DEMO_PASSWORD, deviceName: 'rep' }))
      .token;
    const db = hubDb(hub.store.db);
    const repId = (
      await db
        .selectFrom('staff_users')
        .select('id')
        .where('email', '=', REP)
        .executeTakeFirstOrThrow()
    ).id;
    const owned = await db
      .selectFrom('selections')
      .select('buyer_id')
      .where('owner_id', '=', repId)
      .executeTakeFirst();
    const notOwned = await db
      .selectFrom('buyers')
      .select('id')
      .where(
        'id',
        'not in',
        db.selectFrom('selections').select('buyer_id').where('owner_id', '=', repId),
      )
      .executeTakeFirst();
    if (owned) await expect(client.buyerPeople(rep, owned.buyer_id)).resolves.toBeDefined();
    expect(notOwned, 'the demo has a buyer the rep does not look after').toBeDefined();
    await expect(client.buyerPeople(rep, notOwned!.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses an email that is not an address', async () => {
    await expect(
      client.invitePerson(admin, { buyerId, name: 'X', email: 'not an email' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('setting a password with an invitation', () => {
  it('refuses one shorter than the rule before anything is used', async () => {
    const email = 'short@boutique.example';
    await client.invitePerson(admin, { buyerId, name: 'Short Password', email });
    const { token } = await linkMailedTo(email);
    const refused = await post('/api/buyer/invitation/accept', { token, password: 'too short' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input' });
    expect((await post('/api/buyer/invitation', { token })).status).toBe(200);
  });

  it('answers an unknown link like a used one, and limits guesses per address', async () => {
    // Earlier tests' dead links from this address count too: at most 30 in all.
    const answers: number[] = [];
    for (let guess = 0; guess < 31 && !answers.includes(429); guess++) {
      answers.push((await post('/api/buyer/invitation', { token: `guess-${guess}` })).status);
    }
    expect(answers.at(-1)).toBe(429);
    expect(answers.slice(0, -1).every((status) => status === 404)).toBe(true);
  });
});
