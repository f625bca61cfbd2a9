import { TOKEN_GUESS_LIMIT, minutesToWait } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { reserve } from '../auth/limits.ts';
import { tokenHash } from '../auth/tokens.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { recordVisit } from './customer-link-visits.ts';
import { viewFor } from './customer-links.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { linkExpired } from './link-holders.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * "Open as <buyer>", the buyer page's side (main/domain/link-sign-in-tickets.ts): the
 * page trades the ticket from its address's fragment for a fresh visit logged in as the
 * buyer with brand-specific credentials, on behalf of the staff member who asked for it.
 * The passcode counts as passed: the brand's own staff act for the brand. Every ticket
 * tried is counted against the address before anything is looked up; one that is
 * unknown, used, expired or for another link answers `ticket_invalid` and changes nothing.
 */
const ticketInvalid = () =>
  new HubRefusal(
    401,
    'ticket_invalid',
    'This sign-in ticket no longer works. Open the link as the buyer again from the desktop.',
  );

export function linkTicketHandlers(deps: {
  db: StoreDb;
}): Pick<BuyerApiHandlers, 'customerLink.redeemTicket'> {
  const { db } = deps;
  return {
    async 'customerLink.redeemTicket'(actor, { ticket }) {
      const now = actor.at.toISOString();
      // Tickets are 256-bit: the limit only keeps a noisy client from costing lookups.
      const wait = await inTransaction(db, (trx) =>
        reserve(trx, [{ key: `link-ticket@${actor.address}`, limit: TOKEN_GUESS_LIMIT }], actor.at),
      );
      if (wait > 0) {
        const minutes = minutesToWait(wait);
        throw new HubRefusal(
          429,
          'rate_limited',
          `Too many sign-in tickets were tried from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          { retryAfterSeconds: Math.ceil(wait / 1000) },
        );
      }
      if (actor.state !== 'live') throw linkExpired();
      const { used, session } = await inTransaction(db, async (trx) => {
        const hub = hubDb(trx);
        // One time only: the guarded write is the use; a second request finds it used.
        const used = await hub
          .updateTable('customer_link_sign_in_tickets')
          .set({ used_at: now })
          .where('ticket_hash', '=', tokenHash(ticket))
          .where('link_id', '=', actor.link.id)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .where((eb) =>
            eb(
              'device_id',
              'in',
              eb.selectFrom('devices').select('id').where('revoked_at', 'is', null),
            ),
          )
          .returning(['buyer_id', 'staff_user_id', 'device_id'])
          .executeTakeFirst();
        if (!used) throw ticketInvalid();
        // Named as it is now, for API Logs to say for whom.
        const buyer = await hub
          .selectFrom('buyers')
          .select('name')
          .where('id', '=', used.buyer_id)
          .executeTakeFirst();
        const session = await recordVisit(
          trx,
          actor,
          {
            passcodePassedAt: now,
            method: 'brandCredentials',
            buyerUserId: null,
            buyerId: used.buyer_id,
            onBehalfOf: used.staff_user_id,
            onBehalfDevice: used.device_id,
          },
          { fresh: true },
        );
        await hub
          .insertInto('audit_log')
          .values(
            auditRow({
              at: now,
              actor: { kind: 'staff', userId: used.staff_user_id, device: used.device_id },
              action: 'customerLink.logged_in_on_behalf',
              subject: `customer-order-link:${actor.link.id}`,
              details: {
                linkId: actor.link.id,
                linkName: actor.link.name,
                buyerId: used.buyer_id,
                buyerName: buyer?.name ?? null,
                address: actor.address,
              },
            }),
          )
          .execute();
        return { used, session };
      });
      const visit = {
        tokenHash: session ? tokenHash(session.token) : '',
        passcodePassed: true,
        method: 'brandCredentials' as const,
        buyerUserId: null,
        buyerId: used.buyer_id,
        onBehalfOf: used.staff_user_id,
        onBehalfDevice: used.device_id,
      };
      return { value: await viewFor(db, { ...actor, visit }), session };
    },
  };
}
