import { v7 as uuidv7 } from 'uuid';
import {
  invitationExpiry,
  invitationLink,
  invitationState,
  mayManagePeople,
} from '../domain/buyer-invitations.ts';
import type {
  BuyerPeople,
  InviteOutcome,
  InvitePersonInput,
} from '../../preload/contract/buyer-people.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { newToken, tokenHash } from './auth/tokens.ts';
import { buyerRepIds } from './buyer-access.ts';
import { auditRow } from './audit.ts';
import { HubRefusal } from './errors.ts';
import { enqueueMail } from './mail/outbox.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * The people of a buyer who log in to the buyer pages, managed by the brand on the hub
 * (which alone keeps accounts, invitations and sessions): list, invite by email (a
 * one-time link to set a password, valid INVITATION_VALID_DAYS), send again, revoke,
 * remove. Each change is one transaction with its audit row and its mail.
 */

type Language = 'en' | 'ja';

/**
 * Seals a mail's text for the outbox (mail/sealed-text.ts): an invitation's link is a
 * secret, and the store keeps no raw token.
 */
export type SealText = (text: string) => string;

export interface Buyer {
  id: string;
  name: string;
  language: Language;
}

/** Who invites: a staff member, on a device when asked from one (the brand when a buyer's ownership moves). */
export interface Inviter {
  userId: string;
  name: string;
  device: string | null;
}

const inviterOf = (asker: AuthenticatedDevice): Inviter => ({
  userId: asker.userId,
  name: asker.user.name,
  device: asker.id,
});

/** The buyer, if the staff member may manage its people; refuses otherwise. */
async function buyerToManage(db: StoreDb, asker: AuthenticatedDevice, buyerId: string) {
  const hub = hubDb(db);
  const buyer = await hub
    .selectFrom('buyers')
    .select(['id', 'name', 'language'])
    .where('id', '=', buyerId)
    .executeTakeFirst();
  if (!buyer) throw new HubRefusal(404, 'not_found', 'There is no such buyer on this hub.');
  if (!mayManagePeople(asker, await buyerRepIds(db, buyerId))) {
    throw new HubRefusal(
      403,
      'forbidden',
      "Only an admin or the buyer's own rep can manage the people of this buyer.",
    );
  }
  return buyer;
}

export async function listBuyerPeople(
  db: StoreDb,
  asker: AuthenticatedDevice,
  buyerId: string,
  now: Date,
): Promise<BuyerPeople> {
  await buyerToManage(db, asker, buyerId);
  return readPeople(db, buyerId, now);
}

async function readPeople(db: StoreDb, buyerId: string, now: Date): Promise<BuyerPeople> {
  const hub = hubDb(db);
  const [members, invitations] = await Promise.all([
    hub
      .selectFrom('buyer_memberships as m')
      .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
      .select(['u.id as userId', 'u.name', 'u.email'])
      .where('m.buyer_id', '=', buyerId)
      .orderBy('u.name')
      .execute(),
    hub
      .selectFrom('buyer_invitations')
      .select(['id', 'name', 'email', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
      .where('buyer_id', '=', buyerId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  return {
    members,
    invitations: invitations.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      sentAt: row.created_at,
      expiresAt: row.expires_at,
      state:
        invitationState(
          { expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at },
          now,
        ) === 'pending'
          ? 'pending'
          : 'expired',
    })),
  };
}

/**
 * The origin an invitation's link carries: the brand's public address, else the hub's
 * own address as the staff device reached it (as share links do without one).
 */
async function linkOrigin(db: StoreDb, hubOrigin: string): Promise<string> {
  const settings = await hubDb(db)
    .selectFrom('brand_settings')
    .select('public_url')
    .executeTakeFirst();
  return settings?.public_url ?? hubOrigin;
}

async function brandName(db: StoreDb): Promise<string> {
  const row = await hubDb(db).selectFrom('brand_settings').select('name').executeTakeFirst();
  return row?.name ?? '';
}

/** The invitation mail and the "you were added" mail, in the buyer's language. */
const MAILS = {
  en: {
    inviteSubject: (brand: string, buyer: string) => `${brand}: your account for ${buyer}`,
    invite: (p: MailParams) =>
      `Hello ${p.name},\n\n${p.inviter} of ${p.brand} invites you to see ${p.buyer}'s selections and orders.\n\nSet your password here (the link works once, until ${p.until}):\n${p.link}\n\nThen log in with "Login with User Account" and this email address.\n`,
    addedSubject: (brand: string, buyer: string) => `${brand}: you now have access to ${buyer}`,
    added: (p: MailParams) =>
      `Hello ${p.name},\n\n${p.inviter} of ${p.brand} gave your account access to ${p.buyer}.\n\nLog in as before with "Login with User Account"; your password has not changed.\n`,
  },
  ja: {
    inviteSubject: (brand: string, buyer: string) => `${brand}：${buyer} のアカウント`,
    invite: (p: MailParams) =>
      `${p.name} 様\n\n${p.brand} の ${p.inviter} から、${p.buyer} のセレクションと注文を見るためのご招待です。\n\n次のリンクでパスワードを設定してください（一度だけ、${p.until} まで有効です）：\n${p.link}\n\nその後「Login with User Account」でこのメールアドレスでログインしてください。\n`,
    addedSubject: (brand: string, buyer: string) =>
      `${brand}：${buyer} にアクセスできるようになりました`,
    added: (p: MailParams) =>
      `${p.name} 様\n\n${p.brand} の ${p.inviter} が、あなたのアカウントに ${p.buyer} へのアクセスを追加しました。\n\nこれまでどおり「Login with User Account」でログインしてください。パスワードは変わっていません。\n`,
  },
} as const;

interface MailParams {
  name: string;
  inviter: string;
  brand: string;
  buyer: string;
  link: string;
  until: string;
}

/** In UTC and saying so: the hub does not know the person's time zone. */
function untilText(expires: Date, language: Language): string {
  const text = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(expires);
  return `${text} UTC`;
}

/** Makes a new link for an invitation and mails it, inside the caller's transaction. */
async function sendLink(
  trx: StoreDb,
  seal: SealText,
  inviter: Inviter,
  buyer: Buyer,
  invitation: { id: string; name: string; email: string },
  origin: string,
  now: Date,
): Promise<{ tokenHash: string; expiresAt: string }> {
  const token = newToken();
  const expires = invitationExpiry(now);
  const texts = MAILS[buyer.language];
  const brand = await brandName(trx);
  await enqueueMail(
    trx,
    {
      // Each link sent is its own mail: a resend is a new event.
      dedupeKey: `buyer-invitation:${invitation.id}:${tokenHash(token)}`,
      entity: `buyer:${buyer.id}`,
      to: [invitation.email],
      subject: texts.inviteSubject(brand, buyer.name),
      text: seal(
        texts.invite({
          name: invitation.name,
          inviter: inviter.name,
          brand,
          buyer: buyer.name,
          link: invitationLink(origin, token),
          until: untilText(expires, buyer.language),
        }),
      ),
    },
    now,
  );
  return { tokenHash: tokenHash(token), expiresAt: expires.toISOString() };
}

function audited(
  inviter: Inviter,
  now: Date,
  action: string,
  subject: string,
  details: Record<string, unknown>,
) {
  return auditRow({
    at: now.toISOString(),
    actor: { kind: 'staff', userId: inviter.userId, device: inviter.device },
    action,
    subject,
    details,
  });
}

/**
 * Invites a person by email. An account that already exists for the email is given the
 * membership and told by mail (its password stays as it is); otherwise an invitation
 * with a one-time link goes out, and an earlier open invitation of the same person to
 * the same buyer is revoked, so one link at a time works.
 */
export async function invitePerson(
  db: StoreDb,
  asker: AuthenticatedDevice,
  input: Required<InvitePersonInput>,
  hubOrigin: string,
  seal: SealText,
  now: Date,
): Promise<InviteOutcome> {
  const outcome = await inTransaction(db, async (trx) => {
    const buyer = await buyerToManage(trx, asker, input.buyerId);
    return invitePersonIn(trx, inviterOf(asker), buyer, input, hubOrigin, seal, now);
  });
  return { outcome, people: await readPeople(db, input.buyerId, now) };
}

/**
 * Invites a person to a buyer inside the caller's transaction: an account the email
 * already has gets the membership and a mail; otherwise a one-time link to set a
 * password, revoking an earlier open invitation of the same person to the same buyer.
 */
export async function invitePersonIn(
  trx: StoreDb,
  inviter: Inviter,
  buyer: Buyer,
  person: { name: string; email: string },
  hubOrigin: string,
  seal: SealText,
  now: Date,
): Promise<'added' | 'invited'> {
  const hub = hubDb(trx);
  const account = await hub
    .selectFrom('buyer_users')
    .select(['id', 'name'])
    .where('email', '=', person.email)
    .executeTakeFirst();
  if (account) {
    const added = await hub
      .insertInto('buyer_memberships')
      .values({ buyer_user_id: account.id, buyer_id: buyer.id })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0n) > 0) {
      const brand = await brandName(trx);
      const texts = MAILS[buyer.language];
      await enqueueMail(
        trx,
        {
          dedupeKey: `buyer-member:${buyer.id}:${account.id}:${now.toISOString()}`,
          entity: `buyer:${buyer.id}`,
          to: [person.email],
          subject: texts.addedSubject(brand, buyer.name),
          text: texts.added({
            name: account.name,
            inviter: inviter.name,
            brand,
            buyer: buyer.name,
            link: '',
            until: '',
          }),
        },
        now,
      );
      await hub
        .insertInto('audit_log')
        .values(
          audited(inviter, now, 'buyer.person.added', `buyer:${buyer.id}`, {
            userId: account.id,
            email: person.email,
          }),
        )
        .execute();
    }
    return 'added';
  }
  const origin = await linkOrigin(trx, hubOrigin);
  await hub
    .updateTable('buyer_invitations')
    .set({ revoked_at: now.toISOString() })
    .where('buyer_id', '=', buyer.id)
    .where('email', '=', person.email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const invitation = { id: uuidv7(), name: person.name, email: person.email };
  const link = await sendLink(trx, seal, inviter, buyer, invitation, origin, now);
  await hub
    .insertInto('buyer_invitations')
    .values({
      id: invitation.id,
      buyer_id: buyer.id,
      email: invitation.email,
      name: invitation.name,
      token_hash: link.tokenHash,
      invited_by: inviter.userId,
      created_at: now.toISOString(),
      expires_at: link.expiresAt,
      accepted_at: null,
      revoked_at: null,
    })
    .execute();
  await hub
    .insertInto('audit_log')
    .values(
      audited(inviter, now, 'buyer.invitation.sent', `buyer:${buyer.id}`, {
        invitationId: invitation.id,
        email: invitation.email,
        expiresAt: link.expiresAt,
      }),
    )
    .execute();
  return 'invited';
}

async function openInvitation(trx: StoreDb, invitationId: string) {
  const invitation = await hubDb(trx)
    .selectFrom('buyer_invitations')
    .select(['id', 'buyer_id', 'name', 'email', 'accepted_at', 'revoked_at'])
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (!invitation || invitation.accepted_at !== null || invitation.revoked_at !== null) {
    throw new HubRefusal(404, 'not_found', 'This invitation is no longer open.');
  }
  return invitation;
}

/**
 * Changes an open invitation the staff member may manage, in one transaction with its
 * audit row: `change` does the change and answers the row's action and details.
 */
async function changeInvitation(
  db: StoreDb,
  asker: AuthenticatedDevice,
  invitationId: string,
  now: Date,
  change: (
    trx: StoreDb,
    invitation: Awaited<ReturnType<typeof openInvitation>>,
    buyer: Buyer,
  ) => Promise<{ action: string; details?: Record<string, unknown> }>,
): Promise<BuyerPeople> {
  const buyerId = await inTransaction(db, async (trx) => {
    const invitation = await openInvitation(trx, invitationId);
    const buyer = await buyerToManage(trx, asker, invitation.buyer_id);
    const { action, details } = await change(trx, invitation, buyer);
    await hubDb(trx)
      .insertInto('audit_log')
      .values(
        audited(inviterOf(asker), now, action, `buyer:${buyer.id}`, {
          invitationId: invitation.id,
          email: invitation.email,
          ...details,
        }),
      )
      .execute();
    return buyer.id;
  });
  return readPeople(db, buyerId, now);
}

/** Sends an invitation again: a new link, valid from now; the old link stops working. */
export function resendInvitation(
  db: StoreDb,
  asker: AuthenticatedDevice,
  invitationId: string,
  hubOrigin: string,
  seal: SealText,
  now: Date,
): Promise<BuyerPeople> {
  return changeInvitation(db, asker, invitationId, now, async (trx, invitation, buyer) => {
    const origin = await linkOrigin(trx, hubOrigin);
    const link = await sendLink(trx, seal, inviterOf(asker), buyer, invitation, origin, now);
    await hubDb(trx)
      .updateTable('buyer_invitations')
      .set({
        token_hash: link.tokenHash,
        expires_at: link.expiresAt,
        created_at: now.toISOString(),
      })
      .where('id', '=', invitation.id)
      .execute();
    return { action: 'buyer.invitation.resent', details: { expiresAt: link.expiresAt } };
  });
}

/** Revokes an open invitation: its link stops working. */
export function revokeInvitation(
  db: StoreDb,
  asker: AuthenticatedDevice,
  invitationId: string,
  now: Date,
): Promise<BuyerPeople> {
  return changeInvitation(db, asker, invitationId, now, async (trx, invitation) => {
    await hubDb(trx)
      .updateTable('buyer_invitations')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', invitation.id)
      .execute();
    return { action: 'buyer.invitation.revoked' };
  });
}

/**
 * Removes a person from a buyer. Every buyer page reads through the memberships, so the
 * person's access to this buyer ends at once; a person left with no buyer at all is
 * signed out everywhere (sessions belong to a person, not to one buyer).
 */
export async function removePerson(
  db: StoreDb,
  asker: AuthenticatedDevice,
  buyerId: string,
  userId: string,
  now: Date,
): Promise<BuyerPeople> {
  await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    await buyerToManage(trx, asker, buyerId);
    const removed = await hub
      .deleteFrom('buyer_memberships')
      .where('buyer_id', '=', buyerId)
      .where('buyer_user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) {
      throw new HubRefusal(404, 'not_found', 'This person does not belong to this buyer.');
    }
    const left = await hub
      .selectFrom('buyer_memberships')
      .select('buyer_id')
      .where('buyer_user_id', '=', userId)
      .executeTakeFirst();
    if (!left) await hub.deleteFrom('buyer_sessions').where('buyer_user_id', '=', userId).execute();
    await hub
      .insertInto('audit_log')
      .values(
        audited(inviterOf(asker), now, 'buyer.person.removed', `buyer:${buyerId}`, { userId }),
      )
      .execute();
  });
  return readPeople(db, buyerId, now);
}
