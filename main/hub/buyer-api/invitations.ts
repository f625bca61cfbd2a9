import { v7 as uuidv7 } from 'uuid';
import { invitationUsable } from '../../domain/buyer-invitations.ts';
import { INVITATION_ACCEPT_LIMIT, minutesToWait } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { hashSlot } from '../auth/password-attempts.ts';
import { countUnknownToken, reserve } from '../auth/limits.ts';
import { tokenHash } from '../auth/tokens.ts';
import { anonymousAuditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { startSession, type BuyerDependencies } from './buyers.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * An invitation link, from the invited person's side: what it invites to, and setting a
 * password with it, once. Unknown, expired, revoked and used links answer alike.
 */
const DEAD_LINK = 'This invitation link no longer works. Ask the brand to send a new one.';
const deadLink = () => new HubRefusal(404, 'link_expired', DEAD_LINK);

async function usableInvitation(db: StoreDb, token: string, now: Date) {
  const row = await hubDb(db)
    .selectFrom('buyer_invitations as i')
    .innerJoin('buyers as b', 'b.id', 'i.buyer_id')
    .leftJoin('staff_users as s', 's.id', 'i.invited_by')
    .select([
      'i.id',
      'i.buyer_id',
      'i.name',
      'i.email',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'b.name as buyer',
      's.name as invitedBy',
    ])
    .where('i.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  const usable =
    row &&
    invitationUsable(
      { expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at },
      now,
    );
  return usable ? row : null;
}

export function invitationHandlers(
  deps: BuyerDependencies,
): Pick<BuyerApiHandlers, 'buyer.invitation' | 'buyer.acceptInvitation'> {
  const { db, clock } = deps;
  return {
    async 'buyer.invitation'(visitor, { token }) {
      const now = clock();
      const invitation = await usableInvitation(db, token, now);
      if (!invitation) {
        // A link that does not work counts as a guess from this address; a working one never does.
        await countUnknownToken(db, `invitation-token@${visitor.address}`, now, DEAD_LINK);
        throw deadLink();
      }
      const brand = await hubDb(db).selectFrom('brand_settings').select('name').executeTakeFirst();
      return {
        name: invitation.name,
        email: invitation.email,
        buyer: invitation.buyer,
        brand: brand?.name ?? '',
        invitedBy: invitation.invitedBy ?? '',
        expiresAt: invitation.expires_at,
      };
    },

    async 'buyer.acceptInvitation'(visitor, { token, password }) {
      const now = clock();
      const slot = hashSlot(deps.passwordChecks.gate, visitor.address, 'passwords');
      try {
        // The attempt is counted before anything is hashed, in the transaction that checks room.
        const wait = await inTransaction(db, (trx) =>
          reserve(
            trx,
            [{ key: `invitation@${visitor.address}`, limit: INVITATION_ACCEPT_LIMIT }],
            now,
          ),
        );
        if (wait > 0) {
          const minutes = minutesToWait(wait);
          throw new HubRefusal(
            429,
            'rate_limited',
            `Too many passwords set from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            { retryAfterSeconds: Math.ceil(wait / 1000) },
          );
        }
        if (!(await usableInvitation(db, token, now))) throw deadLink();
        const hash = await deps.passwordChecks.passwords.hash(password);
        return await inTransaction(db, async (trx) => {
          const hub = hubDb(trx);
          const invitation = await usableInvitation(trx, token, now);
          if (!invitation) throw deadLink();
          // One time only: the guarded write is the use; a second request finds it accepted.
          const used = await hub
            .updateTable('buyer_invitations')
            .set({ accepted_at: now.toISOString() })
            .where('id', '=', invitation.id)
            .where('accepted_at', 'is', null)
            .where('revoked_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw deadLink();
          const existing = await hub
            .selectFrom('buyer_users')
            .select(['id', 'name', 'password_hash'])
            .where('email', '=', invitation.email)
            .executeTakeFirst();
          const user = existing ?? { id: uuidv7(), name: invitation.name, password_hash: null };
          if (!existing) {
            await hub
              .insertInto('buyer_users')
              .values({
                id: user.id,
                email: invitation.email,
                name: invitation.name,
                password_hash: hash,
              })
              .execute();
          } else if (existing.password_hash === null) {
            await hub
              .updateTable('buyer_users')
              .set({ password_hash: hash })
              .where('id', '=', existing.id)
              .execute();
          }
          // An account made since the invitation keeps its own password: the link adds the buyer.
          await hub
            .insertInto('buyer_memberships')
            .values({ buyer_user_id: user.id, buyer_id: invitation.buyer_id })
            .onConflict((oc) => oc.doNothing())
            .execute();
          await hub
            .insertInto('audit_log')
            .values(
              anonymousAuditRow({
                at: now.toISOString(),
                action: 'buyer.invitation.accepted',
                subject: `buyer:${invitation.buyer_id}`,
                details: {
                  invitationId: invitation.id,
                  userId: user.id,
                  email: invitation.email,
                  address: visitor.address,
                },
              }),
            )
            .execute();
          return { value: { name: user.name }, session: await startSession(trx, user.id, now) };
        });
      } finally {
        slot();
      }
    },
  };
}
